import NIOCore
import SwiftProtobuf

/// Splits a byte stream into frame bodies: a 4-byte big-endian length, then that many bytes.
///
/// The announced length is checked against the limit as soon as the four length bytes are
/// present, before any of the body is buffered. The first frame of a connection has its own,
/// smaller limit (``WireProtocol/maxHelloBytes``), so that a peer speaking another protocol is
/// refused at once. Pure value type: tested without any I/O.
public struct FrameLengthParser: Sendable {
    /// The largest frame body accepted after the first frame.
    public var maxFrameBytes: Int
    /// The largest first frame accepted.
    public var maxFirstFrameBytes: Int
    private var framesParsed = 0

    public init(maxFrameBytes: Int, maxFirstFrameBytes: Int = WireProtocol.maxHelloBytes) {
        self.maxFrameBytes = maxFrameBytes
        self.maxFirstFrameBytes = maxFirstFrameBytes
    }

    /// The limit that applies to the next frame.
    public var currentLimit: Int {
        self.framesParsed == 0 ? min(self.maxFirstFrameBytes, self.maxFrameBytes) : self.maxFrameBytes
    }

    /// Takes the next complete frame body off the front of `buffer`, or returns nil when more bytes
    /// are needed. The returned buffer is a slice: it shares `buffer`'s storage.
    public mutating func nextFrame(from buffer: inout ByteBuffer) throws(WireError) -> ByteBuffer? {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) else {
            return nil
        }
        let limit = self.currentLimit
        guard Int(length) <= limit else {
            throw .frameTooLarge(announced: length, limit: limit)
        }
        guard buffer.readableBytes >= WireProtocol.lengthPrefixBytes + Int(length) else {
            return nil
        }
        buffer.moveReaderIndex(forwardBy: WireProtocol.lengthPrefixBytes)
        self.framesParsed += 1
        return buffer.readSlice(length: Int(length))!
    }
}

extension Frame {
    /// Decodes a frame body, mapping every failure to a ``WireError``.
    public init(frameBody: ByteBuffer) throws(WireError) {
        if let request = CallFrameCodec.request(fromFrameBody: frameBody) {
            self.init()
            self.request = request
            return
        }
        do {
            var options = BinaryDecodingOptions()
            options.discardUnknownFields = true
            try self.init(serializedBytes: frameBody, options: options)
        } catch {
            throw .malformedFrame(reason: String(describing: error))
        }
        guard self.kind != nil else {
            throw .unknownFrameKind
        }
    }
}
