import Foundation
import NIOCore

/// Hand-written decoding of `Request` frames and encoding of `CallStatus` frames: the two frames
/// every unary call carries, where SwiftProtobuf's generic coder was a sixth of the server's time.
///
/// Both produce exactly what SwiftProtobuf does. The decoder accepts only the plain shape (a frame
/// holding one `request` whose fields are all known, each well formed) and returns nil for
/// anything else, which then goes through SwiftProtobuf and gets its answer, error or not, from
/// there. The encoder handles every status without error details.
public enum CallFrameCodec {
    // Field tags: (field number << 3) | wire type, where 0 is a varint and 2 is length-delimited.
    private static let frameRequestTag: UInt8 = 0x1A  // Frame.request = 3
    private static let frameStatusTag: UInt8 = 0x2A  // Frame.status = 5

    // MARK: Decoding requests

    /// The request in `body`, a frame body without its length prefix, or nil when the frame is
    /// anything but one plainly encoded `request`.
    public static func request(fromFrameBody body: ByteBuffer) -> Request? {
        body.withUnsafeReadableBytes { bytes -> Request? in
            var reader = ProtobufReader(bytes)
            guard reader.readByte() == Self.frameRequestTag, let length = reader.readLength(), length == reader.remaining
            else { return nil }
            return Self.request(in: &reader)
        }
    }

    private static func request(in reader: inout ProtobufReader) -> Request? {
        var request = Request()
        while !reader.isAtEnd {
            guard let tag = reader.readVarint() else { return nil }
            switch tag {
            case 0x08:  // call_id
                guard let value = reader.readVarint() else { return nil }
                request.callID = value
            case 0x12:  // method
                guard let method = reader.readString() else { return nil }
                request.method = method
            case 0x1A:  // metadata entry
                guard let length = reader.readLength(), var entry = reader.slice(length),
                    let (key, value) = Self.metadataEntry(in: &entry)
                else { return nil }
                request.metadata[key] = value
            case 0x20:  // timeout_ms
                guard let value = reader.readVarint() else { return nil }
                request.timeoutMs = value
            case 0x2A:  // payload
                guard let length = reader.readLength(), let payload = reader.slice(length) else { return nil }
                request.payload = Data(payload.bytes)
            default:
                return nil
            }
        }
        return request
    }

    private static func metadataEntry(in reader: inout ProtobufReader) -> (String, String)? {
        var key = ""
        var value = ""
        while !reader.isAtEnd {
            guard let tag = reader.readVarint() else { return nil }
            switch tag {
            case 0x0A:
                guard let text = reader.readString() else { return nil }
                key = text
            case 0x12:
                guard let text = reader.readString() else { return nil }
                value = text
            default:
                return nil
            }
        }
        return (key, value)
    }

    // MARK: Encoding statuses

    /// Whether ``appendStatusFrame(_:to:)`` can write `status`.
    public static func canEncode(_ status: CallStatus) -> Bool {
        status.details.isEmpty && status.unknownFields.data.isEmpty
    }

    /// Appends the frame holding `status`, length prefix included, byte for byte as SwiftProtobuf
    /// writes it. `status` must pass ``canEncode(_:)``.
    public static func appendStatusFrame(_ status: CallStatus, to buffer: inout ByteBuffer) {
        let message = status.message.utf8
        var bodyLength = 0
        if status.callID != 0 { bodyLength += 1 + Self.varintSize(status.callID) }
        if status.code.rawValue != 0 { bodyLength += 1 + Self.varintSize(UInt64(bitPattern: Int64(status.code.rawValue))) }
        if !message.isEmpty { bodyLength += 1 + Self.varintSize(UInt64(message.count)) + message.count }
        if !status.payload.isEmpty { bodyLength += 1 + Self.varintSize(UInt64(status.payload.count)) + status.payload.count }
        let frameLength = 1 + Self.varintSize(UInt64(bodyLength)) + bodyLength

        // One raw write: ByteBuffer's per-call checks cost more than the bytes themselves here.
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: WireProtocol.lengthPrefixBytes + frameLength) { raw in
            var writer = RawWriter(raw)
            writer.write(bigEndian: UInt32(frameLength))
            writer.write(Self.frameStatusTag)
            writer.writeVarint(UInt64(bodyLength))
            if status.callID != 0 {
                writer.write(0x08)
                writer.writeVarint(status.callID)
            }
            if status.code.rawValue != 0 {
                writer.write(0x10)
                // Enums are int32 on the wire: a negative one takes ten bytes, as in SwiftProtobuf.
                writer.writeVarint(UInt64(bitPattern: Int64(status.code.rawValue)))
            }
            if !message.isEmpty {
                writer.write(0x1A)
                writer.writeVarint(UInt64(message.count))
                writer.write(contentsOf: message)
            }
            if !status.payload.isEmpty {
                writer.write(0x2A)
                writer.writeVarint(UInt64(status.payload.count))
                status.payload.withUnsafeBytes { writer.write(contentsOf: $0) }
            }
            return writer.offset
        }
    }

    static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }
}

/// Writes bytes into memory already reserved for them.
private struct RawWriter {
    let base: UnsafeMutableRawBufferPointer
    private(set) var offset = 0

    init(_ base: UnsafeMutableRawBufferPointer) {
        self.base = base
    }

    mutating func write(_ byte: UInt8) {
        self.base[self.offset] = byte
        self.offset += 1
    }

    mutating func write(bigEndian value: UInt32) {
        self.base.storeBytes(of: value.bigEndian, toByteOffset: self.offset, as: UInt32.self)
        self.offset += 4
    }

    mutating func writeVarint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            self.write(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        self.write(UInt8(value))
    }

    mutating func write<Bytes: Collection<UInt8>>(contentsOf bytes: Bytes) {
        let target = UnsafeMutableRawBufferPointer(rebasing: self.base[self.offset...])
        target.copyBytes(from: bytes)
        self.offset += bytes.count
    }
}
/// Reads protobuf's wire format from raw bytes; every read returns nil, consuming nothing useful,
/// when the bytes run out or are malformed.
struct ProtobufReader {
    private(set) var bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { self.offset == self.bytes.count }
    var remaining: Int { self.bytes.count - self.offset }

    mutating func readByte() -> UInt8? {
        guard self.offset < self.bytes.count else { return nil }
        defer { self.offset += 1 }
        return self.bytes[self.offset]
    }

    /// A varint of at most ten bytes whose value fits in 64 bits.
    mutating func readVarint() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64 {
            guard let byte = self.readByte() else { return nil }
            if shift == 63 && byte > 1 { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// A length that fits in what is left.
    mutating func readLength() -> Int? {
        guard let length = self.readVarint(), length <= UInt64(self.remaining) else { return nil }
        return Int(length)
    }

    /// The next `length` bytes, as a reader of their own.
    mutating func slice(_ length: Int) -> ProtobufReader? {
        guard length <= self.remaining else { return nil }
        defer { self.offset += length }
        return ProtobufReader(UnsafeRawBufferPointer(rebasing: self.bytes[self.offset..<self.offset + length]))
    }

    /// A length-delimited field that is valid UTF-8.
    mutating func readString() -> String? {
        guard let length = self.readLength(), let text = self.slice(length) else { return nil }
        return String(validating: text.bytes, as: UTF8.self)
    }
}
