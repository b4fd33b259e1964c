#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import NIOCore
import NIOPosix

/// A bare SwiftNIO server that echoes length-prefixed frames: a 4-byte big-endian length, then that
/// many bytes, sent back unchanged. The floor any framed protocol on SwiftNIO can reach.
@main
struct EchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nio-echo-server",
        abstract: "Echoes 4-byte length-prefixed frames; prints 'listening on HOST:PORT'."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port; 0 picks a free one.") var port = 0
    @Option(help: "Event loop threads.") var threads = System.coreCount

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        let channel = try await ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(LengthPrefixedFrameDecoder())
                    )
                    try channel.pipeline.syncOperations.addHandler(EchoHandler())
                }
            }
            .bind(host: self.host, port: self.port)
            .get()
        print("listening on \(self.host):\(channel.localAddress?.port ?? 0)")
        fflush(nil)
        try await channel.closeFuture.get()
    }
}
