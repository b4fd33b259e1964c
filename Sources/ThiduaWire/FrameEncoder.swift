import NIOCore

/// Turns `Frame`s into bytes: the 4-byte big-endian length, then the protobuf encoding.
///
/// Frames written between two flushes are gathered into one buffer, so a burst of answers costs
/// one buffer and one system call rather than one of each per frame.
public final class FrameEncoder: ChannelOutboundHandler {
    public typealias OutboundIn = Frame
    public typealias OutboundOut = ByteBuffer

    private var pending: ByteBuffer?
    private var pendingPromise: EventLoopPromise<Void>?

    public init() {}

    public func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let frame = Self.unwrapOutboundIn(data)
        // Taken out of `pending` so the appends below do not copy the storage.
        var buffer = self.pending.take() ?? context.channel.allocator.buffer(capacity: 1024)
        defer { self.pending = buffer }
        do {
            if case .status(let status)? = frame.kind, CallFrameCodec.canEncode(status) {
                CallFrameCodec.appendStatusFrame(status, to: &buffer)
            } else {
                Self.appendFrame(body: try frame.serializedBytes(), to: &buffer)
            }
        } catch {
            promise?.fail(error)
            return
        }
        if let promise {
            if let pendingPromise {
                pendingPromise.futureResult.cascade(to: promise)
            } else {
                self.pendingPromise = promise
            }
        }
    }

    public func flush(context: ChannelHandlerContext) {
        if let buffer = self.pending, buffer.readableBytes > 0 {
            self.pending = nil
            let promise = self.pendingPromise
            self.pendingPromise = nil
            context.write(Self.wrapOutboundOut(buffer), promise: promise)
        }
        context.flush()
    }

    public func handlerRemoved(context: ChannelHandlerContext) {
        self.pending = nil
        self.pendingPromise?.fail(ChannelError.ioOnClosedChannel)
        self.pendingPromise = nil
    }

    /// Appends one length-prefixed frame body to `buffer`.
    public static func appendFrame(body: ByteBuffer, to buffer: inout ByteBuffer) {
        buffer.writeInteger(UInt32(body.readableBytes))
        buffer.writeImmutableBuffer(body)
    }
}

extension Frame {
    /// This frame with its length prefix, as it travels on the wire.
    public func lengthPrefixed(allocator: ByteBufferAllocator = ByteBufferAllocator()) throws -> ByteBuffer {
        let body: ByteBuffer = try self.serializedBytes()
        var buffer = allocator.buffer(capacity: body.readableBytes + WireProtocol.lengthPrefixBytes)
        FrameEncoder.appendFrame(body: body, to: &buffer)
        return buffer
    }
}
