import ArgumentParser
import EchoLoadKit
import Histogram
import NIOCore
import NIOPosix

/// Closed-loop load against `nio-echo-server`: each connection keeps `--in-flight` frames
/// outstanding and sends a new one as each echo returns. Prints a ``LoadReport`` as JSON.
@main
struct EchoLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nio-echo-load",
        abstract: "Closed-loop load for the bare NIO echo server; prints JSON."
    )

    @Option var host = "127.0.0.1"
    @Option var port: Int
    @Option(help: "Connections.") var connections = 1
    @Option(help: "Frames in flight per connection.") var inFlight = 1
    @Option(help: "Measured seconds.") var duration = 10.0
    @Option(help: "Warm-up seconds, not measured.") var warmup = 2.0
    @Option(help: "Frame body bytes.") var payloadBytes = 64
    @Option(help: "Event loop threads.") var threads = System.coreCount
    @Option(help: "The server's process id, to measure its CPU.") var serverPid: Int32?

    func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.threads)
        var frame = ByteBuffer()
        frame.writeInteger(UInt32(self.payloadBytes))
        frame.writeRepeatingByte(0x2a, count: self.payloadBytes)
        let window = RunWindow(start: monotonicNanos(), warmupSeconds: self.warmup, durationSeconds: self.duration)
        var finished: [EventLoopFuture<EchoConnectionStats>] = []
        for _ in 0..<self.connections {
            let promise = group.any().makePromise(of: EchoConnectionStats.self)
            let frame = frame
            let inFlight = self.inFlight
            _ = try await ClientBootstrap(group: group)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            EchoLoadHandler(frame: frame, inFlight: inFlight, window: window, done: promise)
                        )
                    }
                }
                .connect(host: self.host, port: self.port)
                .get()
            finished.append(promise.futureResult)
        }
        var cpu = CPUMeasurement(serverPID: self.serverPid)
        await cpu.begin(at: window)
        await cpu.end(at: window)
        var histogram = LatencyHistogram.make()
        var completed: UInt64 = 0
        for future in finished {
            let stats = try await future.get()
            histogram.add(stats.histogram)
            completed += stats.completed
        }
        try printJSON(LoadReport(
            connections: self.connections,
            inFlightPerConnection: self.inFlight,
            durationSeconds: window.durationSeconds,
            completed: completed,
            statuses: ["OK": completed],
            latencyMicros: LatencyHistogram.summary(histogram),
            client: cpu.client(requests: completed),
            server: cpu.server(requests: completed)
        ))
        try await group.shutdownGracefully()
    }
}
