import Foundation
import NIOCore
import ThiduaWire

/// Writes `Request` frames for one method without going through SwiftProtobuf per call.
///
/// Everything but the call id (method, metadata, deadline, payload) is encoded once, with
/// SwiftProtobuf; each call then writes the length prefix, the `Frame.request` tag and length, the
/// call id and those bytes. Protobuf allows fields in any order, so the result decodes exactly as
/// the same `Request` encoded in one go.
struct RequestEncoder: Sendable {
    /// `Request` fields 2–5, encoded: one per variant of the payload.
    private let tails: [[UInt8]]

    /// - Parameters:
    ///   - method: "package.Service/Method".
    ///   - payload: the request message, encoded.
    ///   - metadata: request metadata.
    ///   - timeoutMilliseconds: the call's deadline, 0 for none.
    init(method: String, payload: Data, metadata: [String: String] = [:], timeoutMilliseconds: UInt64 = 0) throws {
        try self.init(method: method, payloads: [payload], metadata: metadata, timeoutMilliseconds: timeoutMilliseconds)
    }

    /// - Parameter payloads: the variants of the request message, encoded; calls take them in turn.
    init(method: String, payloads: [Data], metadata: [String: String] = [:], timeoutMilliseconds: UInt64 = 0) throws {
        precondition(!payloads.isEmpty)
        self.tails = try payloads.map { payload in
            var request = Request()
            request.method = method
            request.payload = payload
            request.metadata = metadata
            request.timeoutMs = timeoutMilliseconds
            return try request.serializedBytes()
        }
        self.maximumFrameBytes = 4 + 1 + 10 + 1 + 10 + self.tails.map(\.count).max()!
    }

    /// The most bytes one frame takes: prefix, tags, two 10-byte varints and the fields.
    let maximumFrameBytes: Int

    /// How many variants of the payload there are.
    var variants: Int { self.tails.count }

    /// Appends the frame of call `callID`, with the given variant of the payload, to `buffer`.
    @inline(__always)
    func write(callID: UInt64, variant: Int = 0, to buffer: inout ByteBuffer) {
        let tail = self.tails[variant]
        let requestLength = 1 + Self.varintSize(callID) + tail.count
        let bodyLength = 1 + Self.varintSize(UInt64(requestLength)) + requestLength
        buffer.writeInteger(UInt32(bodyLength))
        buffer.writeInteger(UInt8(0x1a))  // Frame.request: field 3, length-delimited
        Self.writeVarint(UInt64(requestLength), to: &buffer)
        buffer.writeInteger(UInt8(0x08))  // Request.call_id: field 1, varint
        Self.writeVarint(callID, to: &buffer)
        buffer.writeBytes(tail)
    }

    @inline(__always)
    static func varintSize(_ value: UInt64) -> Int {
        value == 0 ? 1 : (64 - value.leadingZeroBitCount + 6) / 7
    }

    @inline(__always)
    static func writeVarint(_ value: UInt64, to buffer: inout ByteBuffer) {
        var value = value
        while value >= 0x80 {
            buffer.writeInteger(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        buffer.writeInteger(UInt8(value))
    }
}
