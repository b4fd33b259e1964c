import NIOCore
import NIOPosix
import ThiduaWire

/// A connection that speaks the protocol frame by frame, or sends arbitrary bytes, for tests of
/// how the server treats clients that misbehave.
public final class RawConnection: Sendable {
    private let channel: any Channel
    /// Every frame the server sends, in order; finishes when the connection closes.
    public let frames: AsyncStream<Frame>

    private init(channel: any Channel, frames: AsyncStream<Frame>) {
        self.channel = channel
        self.frames = frames
    }

    /// Connects without saying anything.
    ///
    /// - Parameter receiveBufferBytes: the socket's receive buffer, set before connecting; a small
    ///   one makes a peer that stops reading (``stopReading()``) fill up quickly.
    public static func connect(host: String, port: Int, receiveBufferBytes: Int? = nil) async throws -> RawConnection {
        let (frames, continuation) = AsyncStream<Frame>.makeStream()
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let receiveBufferBytes {
            bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBufferBytes))
        }
        let channel = try await bootstrap
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let decoder = FrameDecoder(
                        maxFrameBytes: Int(Int32.max),
                        maxFirstFrameBytes: Int(Int32.max),
                        frameTimeout: nil
                    )
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder))
                    try channel.pipeline.syncOperations.addHandler(FrameCollector(continuation: continuation))
                }
            }
            .connect(host: host, port: port)
            .get()
        return RawConnection(channel: channel, frames: frames)
    }

    /// Sends bytes exactly as given.
    public func send(bytes: [UInt8]) async throws {
        try await self.channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    /// Sends one frame with its length prefix.
    public func send(_ frame: Frame) async throws {
        try await self.channel.writeAndFlush(try frame.lengthPrefixed())
    }

    /// Sends a `ClientHello` and returns the server's answer.
    public func handshake(apiKey: String = "") async throws -> Frame? {
        var hello = Frame()
        hello.clientHello = ClientHello.with {
            $0.protocolVersion = WireProtocol.version
            $0.clientName = "raw-test"
            $0.apiKey = apiKey
        }
        try await self.send(hello)
        return await self.nextFrame()
    }

    /// The next frame from the server, or nil once the connection has closed.
    public func nextFrame() async -> Frame? {
        var iterator = self.frames.makeAsyncIterator()
        return await iterator.next()
    }

    /// Waits for the server to close the connection; returns the frames it sent before that.
    public func framesUntilClosed() async -> [Frame] {
        var all: [Frame] = []
        for await frame in self.frames { all.append(frame) }
        return all
    }

    /// Stops reading from the socket, as a client that never reads its answers: what the server
    /// sends piles up in the kernel's buffers until the server stops sending.
    public func stopReading() async throws {
        try await self.channel.setOption(.autoRead, value: false)
    }

    /// Reads again after ``stopReading()``.
    public func startReading() async throws {
        try await self.channel.setOption(.autoRead, value: true)
    }

    public func close() async {
        try? await self.channel.close()
    }
}

private final class FrameCollector: ChannelInboundHandler {
    typealias InboundIn = Frame

    private let continuation: AsyncStream<Frame>.Continuation

    init(continuation: AsyncStream<Frame>.Continuation) {
        self.continuation = continuation
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.continuation.yield(Self.unwrapInboundIn(data))
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.continuation.finish()
        context.close(promise: nil)
    }
}
