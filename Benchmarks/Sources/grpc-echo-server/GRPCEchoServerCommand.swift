#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import GRPCCore
import GRPCEcho
import GRPCNIOTransportHTTP2

/// A grpc-swift-2 server (HTTP/2 over plaintext TCP, SwiftNIO Posix transport) with one unary echo
/// method. Prints 'listening on HOST:PORT'.
@main
struct GRPCEchoServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpc-echo-server",
        abstract: "grpc-swift-2 unary echo; prints 'listening on HOST:PORT'."
    )

    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port; 0 picks a free one.") var port = 0

    func run() async throws {
        let server = GRPCServer(
            transport: .http2NIOPosix(address: .ipv4(host: self.host, port: self.port), transportSecurity: .plaintext),
            services: [EchoGRPCService()]
        )
        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { try await server.serve() }
            let address = try await server.transport.listeningAddress
            print("listening on \(self.host):\(address.ipv4?.port ?? 0)")
            fflush(nil)
        }
    }
}
