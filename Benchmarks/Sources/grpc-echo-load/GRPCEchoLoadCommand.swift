import ArgumentParser
import EchoLoadKit
import Foundation
import GRPCCore
import GRPCEcho
import GRPCNIOTransportHTTP2
import GRPCProtobuf
import Histogram
import ThiduaModuleKit

/// Closed-loop load against `grpc-echo-server`: one grpc-swift-2 client (one HTTP/2 connection)
/// per `--connections`, each running `--in-flight` loops of unary calls. Prints a ``LoadReport``.
@main
struct GRPCEchoLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpc-echo-load",
        abstract: "Closed-loop load for the grpc-swift-2 echo server; prints JSON."
    )

    @Option var host = "127.0.0.1"
    @Option var port: Int
    @Option(help: "Connections (one client each).") var connections = 1
    @Option(help: "Calls in flight per connection.") var inFlight = 1
    @Option(help: "Measured seconds.") var duration = 10.0
    @Option(help: "Warm-up seconds, not measured.") var warmup = 2.0
    @Option(help: "Payload bytes.") var payloadBytes = 64
    @Option(help: "The server's process id, to measure its CPU.") var serverPid: Int32?

    func run() async throws {
        let request = EchoRequest.with { $0.payload = Data(repeating: 0x2a, count: self.payloadBytes) }
        let clients = try (0..<self.connections).map { _ in
            GRPCClient(transport: try .http2NIOPosix(
                target: .ipv4(address: self.host, port: self.port),
                transportSecurity: .plaintext
            ))
        }
        let window = RunWindow(start: monotonicNanos(), warmupSeconds: self.warmup, durationSeconds: self.duration)
        let inFlight = self.inFlight
        let (histogram, completed, failures, cpu) = try await withThrowingTaskGroup { group in
            for client in clients {
                group.addTask {
                    try await client.runConnections()
                    return (LatencyHistogram.make(), UInt64(0), UInt64(0))
                }
            }
            let measured = try await withThrowingTaskGroup { loops in
                for client in clients {
                    for _ in 0..<inFlight {
                        loops.addTask { try await Self.loop(client: client, request: request, window: window) }
                    }
                }
                var cpu = CPUMeasurement(serverPID: self.serverPid)
                await cpu.begin(at: window)
                await cpu.end(at: window)
                var histogram = LatencyHistogram.make()
                var completed: UInt64 = 0
                var failures: UInt64 = 0
                for try await (part, count, failed) in loops {
                    histogram.add(part)
                    completed += count
                    failures += failed
                }
                return (histogram, completed, failures, cpu)
            }
            for client in clients { client.beginGracefulShutdown() }
            try await group.waitForAll()
            return measured
        }
        try printJSON(LoadReport(
            connections: self.connections,
            inFlightPerConnection: self.inFlight,
            durationSeconds: window.durationSeconds,
            completed: completed + failures,
            statuses: failures > 0 ? ["OK": completed, "FAILED": failures] : ["OK": completed],
            latencyMicros: LatencyHistogram.summary(histogram),
            client: cpu.client(requests: completed + failures),
            server: cpu.server(requests: completed + failures)
        ))
    }

    /// One call after another until the window ends; returns what it measured.
    private static func loop(
        client: GRPCClient<HTTP2ClientTransport.Posix>,
        request: EchoRequest,
        window: RunWindow
    ) async throws -> (Histogram<UInt64>, UInt64, UInt64) {
        var histogram = LatencyHistogram.make()
        var completed: UInt64 = 0
        var failures: UInt64 = 0
        let serializer = ProtobufSerializer<EchoRequest>()
        let deserializer = ProtobufDeserializer<EchoReply>()
        while true {
            let sentAt = monotonicNanos()
            guard sentAt < window.end else { break }
            let ok = try await client.unary(
                request: ClientRequest(message: request),
                descriptor: EchoGRPCService.unary,
                serializer: serializer,
                deserializer: deserializer,
                options: .defaults
            ) { response in
                (try? response.message) != nil
            }
            if window.measures(sentAt: sentAt) {
                histogram.record(monotonicNanos() - sentAt)
                if ok { completed += 1 } else { failures += 1 }
            }
        }
        return (histogram, completed, failures)
    }
}
