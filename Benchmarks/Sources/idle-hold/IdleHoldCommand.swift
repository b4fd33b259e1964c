#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NIOCore
import NIOPosix
import ThiduaModuleKit

/// Opens `--connections` thidua connections, completes the handshake on each, prints
/// `ready N`, and holds them, idle, until standard input closes or `--hold` seconds pass.
@main
struct IdleHoldCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "idle-hold",
        abstract: "Holds many idle, handshaken thidua connections."
    )

    @Option var host = "127.0.0.1"
    @Option var port: Int
    @Option(help: "Connections to hold.") var connections = 10_000
    @Option(help: "Seconds to hold them at most.") var hold = 60.0

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        var hello = Frame()
        hello.clientHello = ClientHello.with {
            $0.protocolVersion = WireProtocol.version
            $0.clientName = "idle-hold"
        }
        let helloBytes = try hello.lengthPrefixed()
        var handshakes: [EventLoopFuture<Void>] = []
        var channels: [any Channel] = []
        // Connect in batches so the server's accept backlog never overflows.
        for batchStart in stride(from: 0, to: self.connections, by: 500) {
            var batch: [EventLoopFuture<any Channel>] = []
            for _ in batchStart..<min(batchStart + 500, self.connections) {
                let promise = group.next().makePromise(of: Void.self)
                handshakes.append(promise.futureResult)
                batch.append(
                    ClientBootstrap(group: group)
                        .channelInitializer { channel in
                            channel.eventLoop.makeCompletedFuture {
                                try channel.pipeline.syncOperations.addHandler(HelloHandler(hello: helloBytes, handshake: promise))
                            }
                        }
                        .connect(host: self.host, port: self.port)
                )
            }
            for future in batch { channels.append(try await future.get()) }
        }
        for handshake in handshakes { try await handshake.get() }
        print("ready \(channels.count)")
        fflush(nil)
        // Hold until the parent closes our standard input, or the time is up.
        let holdTask = Task { try? await Task.sleep(for: .seconds(self.hold)) }
        let stdinTask = Task.detached {
            var byte: UInt8 = 0
            while read(0, &byte, 1) > 0 {}
            holdTask.cancel()
        }
        await holdTask.value
        stdinTask.cancel()
        for channel in channels { channel.close(promise: nil) }
        try await group.shutdownGracefully()
    }
}

/// Sends the hello and completes `handshake` on the server's first bytes.
final class HelloHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let hello: ByteBuffer
    private let handshake: EventLoopPromise<Void>

    init(hello: ByteBuffer, handshake: EventLoopPromise<Void>) {
        self.hello = hello
        self.handshake = handshake
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(Self.wrapOutboundOut(self.hello), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = Self.unwrapInboundIn(data)
        // Byte 4 is the Frame tag: 0x12 is server_hello.
        if bytes.getInteger(at: bytes.readerIndex + 4, as: UInt8.self) == 0x12 {
            self.handshake.succeed(())
        } else {
            self.handshake.fail(ChannelError.inappropriateOperationForState)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.handshake.fail(ChannelError.ioOnClosedChannel)
    }
}
