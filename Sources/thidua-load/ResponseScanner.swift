import NIOCore
import SwiftProtobuf
import ThiduaWire

/// What the tool needs from one frame the server sent.
enum ServerEvent: Equatable {
    /// The handshake succeeded.
    case hello
    /// A call ended with `code`.
    case status(callID: UInt64, code: Int)
    /// The server takes no call above `lastCallID` and will close.
    case goAway(lastCallID: UInt64, code: Int, message: String)
    /// A frame the tool does not act on (a stream's Response, a Pong).
    case other
}

/// Reads the frames of the server's byte stream.
///
/// `CallStatus` frames, nearly all of the traffic, are scanned for their call id and code without
/// decoding the rest; the rare other kinds are decoded with SwiftProtobuf.
enum ResponseScanner {
    /// Takes every complete frame off the front of `buffer` and reports it to `handle`. Throws for
    /// a frame over `maxFrameBytes` or one that does not parse.
    static func scan(
        _ buffer: inout ByteBuffer,
        maxFrameBytes: Int,
        _ handle: (ServerEvent) -> Void
    ) throws(WireError) {
        while let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) {
            guard Int(length) <= maxFrameBytes else { throw .frameTooLarge(announced: length, limit: maxFrameBytes) }
            guard buffer.readableBytes >= 4 + Int(length) else { return }
            buffer.moveReaderIndex(forwardBy: 4)
            let body = buffer.readSlice(length: Int(length))!
            handle(try self.event(body: body))
        }
    }

    /// The event one frame body carries.
    static func event(body: ByteBuffer) throws(WireError) -> ServerEvent {
        var reader = body
        guard let tag = readVarint(&reader), tag == 0x2a, let length = readVarint(&reader),
              length == UInt64(reader.readableBytes)
        else {
            return try self.decodedEvent(body: body)
        }
        // CallStatus: call_id (1, varint), code (2, varint); skip message, details, payload.
        var callID: UInt64 = 0
        var code: UInt64 = 0
        while reader.readableBytes > 0 {
            guard let key = readVarint(&reader) else { throw .malformedFrame(reason: "truncated CallStatus") }
            switch (key >> 3, key & 7) {
            case (1, 0): callID = try readVarintOrThrow(&reader)
            case (2, 0): code = try readVarintOrThrow(&reader)
            case (_, 0): _ = try readVarintOrThrow(&reader)
            case (_, 1): try skip(8, &reader)
            case (_, 2): try skip(Int(clamping: readVarintOrThrow(&reader)), &reader)
            case (_, 5): try skip(4, &reader)
            default: throw .malformedFrame(reason: "unexpected wire type in CallStatus")
            }
        }
        return .status(callID: callID, code: Int(clamping: code))
    }

    private static func decodedEvent(body: ByteBuffer) throws(WireError) -> ServerEvent {
        let frame = try Frame(frameBody: body)
        switch frame.kind {
        case .serverHello: return .hello
        case .status(let status): return .status(callID: status.callID, code: status.code.rawValue)
        case .goAway(let goAway): return .goAway(lastCallID: goAway.lastCallID, code: goAway.code.rawValue, message: goAway.message)
        default: return .other
        }
    }

    @inline(__always)
    private static func readVarint(_ buffer: inout ByteBuffer) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 64, let byte = buffer.readInteger(as: UInt8.self) {
            result |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
        return nil
    }

    @inline(__always)
    private static func readVarintOrThrow(_ buffer: inout ByteBuffer) throws(WireError) -> UInt64 {
        guard let value = readVarint(&buffer) else { throw .malformedFrame(reason: "truncated varint") }
        return value
    }

    @inline(__always)
    private static func skip(_ count: Int, _ buffer: inout ByteBuffer) throws(WireError) {
        guard count <= buffer.readableBytes else { throw .malformedFrame(reason: "truncated field") }
        buffer.moveReaderIndex(forwardBy: count)
    }
}
