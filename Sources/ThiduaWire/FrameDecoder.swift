import NIOCore

/// Turns bytes from the network into `Frame`s.
///
/// Besides the size limits of ``FrameLengthParser`` it enforces the frame deadline: once the first
/// byte of a frame has arrived, the whole frame must arrive within `frameTimeout`, or the decoder
/// raises ``WireError/frameTimedOut(milliseconds:)``. An idle timer resets on every byte, so a peer
/// dripping one byte a second would defeat it; this deadline does not reset.
///
/// At most one timer is armed per connection at a time, so a busy connection schedules about one
/// timer per `frameTimeout`, not one per frame.
public final class FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Frame

    private var parser: FrameLengthParser
    private let frameTimeout: TimeAmount?
    /// When the first byte of the frame being assembled arrived; nil when no frame is partial.
    private var partialFrameSince: NIODeadline?
    private var deadlineTimer: Scheduled<Void>?

    /// - Parameters:
    ///   - maxFrameBytes: the largest frame body accepted.
    ///   - maxFirstFrameBytes: the largest first frame; servers keep the default, clients pass
    ///     `maxFrameBytes` since their first frame is the server's hello.
    ///   - frameTimeout: the frame deadline, or nil for none.
    public init(
        maxFrameBytes: Int,
        maxFirstFrameBytes: Int = WireProtocol.maxHelloBytes,
        frameTimeout: TimeAmount?
    ) {
        self.parser = FrameLengthParser(maxFrameBytes: maxFrameBytes, maxFirstFrameBytes: maxFirstFrameBytes)
        self.frameTimeout = frameTimeout
    }

    /// The number of bytes a `ByteToMessageHandler` may ever need to hold for this decoder.
    public var maximumBufferSize: Int {
        self.parser.maxFrameBytes + WireProtocol.lengthPrefixBytes
    }

    public func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let body = try self.parser.nextFrame(from: &buffer) else {
            self.notePartialFrame(pending: buffer.readableBytes > 0, context: context)
            return .needMoreData
        }
        let frame = try Frame(frameBody: body)
        // The next frame, if its first bytes came in the same read, starts now.
        self.partialFrameSince = nil
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        if try self.decode(context: context, buffer: &buffer) == .continue {
            return .continue
        }
        if seenEOF && buffer.readableBytes > 0 {
            let buffered = buffer.readableBytes
            buffer.moveReaderIndex(forwardBy: buffered)
            throw WireError.truncatedFrame(bufferedBytes: buffered)
        }
        return .needMoreData
    }

    public func decoderRemoved(context: ChannelHandlerContext) {
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
    }

    private func notePartialFrame(pending: Bool, context: ChannelHandlerContext) {
        guard pending else {
            self.partialFrameSince = nil
            return
        }
        guard let frameTimeout, self.partialFrameSince == nil else { return }
        let now = context.eventLoop.now
        self.partialFrameSince = now
        self.armTimer(at: now + frameTimeout, context: context)
    }

    private func armTimer(at deadline: NIODeadline, context: ChannelHandlerContext) {
        guard self.deadlineTimer == nil else { return }
        self.deadlineTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.deadlineTimer = nil
            self.checkDeadline(context: context)
        }
    }

    private func checkDeadline(context: ChannelHandlerContext) {
        guard let frameTimeout, let since = self.partialFrameSince else { return }
        let due = since + frameTimeout
        if due <= context.eventLoop.now {
            self.partialFrameSince = nil
            context.fireErrorCaught(WireError.frameTimedOut(milliseconds: frameTimeout.nanoseconds / 1_000_000))
        } else {
            self.armTimer(at: due, context: context)
        }
    }
}
