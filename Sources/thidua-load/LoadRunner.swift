import Foundation
import NIOCore
import NIOPosix
import ThiduaClient
import ThiduaWire

/// Runs a ``LoadPlan``: resolves the request templates, opens the connections, runs the warm-up
/// and the measured interval, and gathers what every connection measured.
struct LoadRunner {
    let plan: LoadPlan

    func run() async throws -> LoadReport {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: self.plan.threads)
        let result: Result<LoadReport, any Error>
        do {
            result = .success(try await self.run(on: group))
        } catch {
            result = .failure(error)
        }
        try? await group.shutdownGracefully()
        return try result.get()
    }

    private func run(on group: MultiThreadedEventLoopGroup) async throws -> LoadReport {
        let setup = try await self.makeSetup(group: group)

        var connections: [(channel: any Channel, done: EventLoopFuture<ConnectionStats>)] = []
        var hellos: [EventLoopFuture<Void>] = []
        for _ in 0..<self.plan.connections {
            let loop = group.next()
            let hello = loop.makePromise(of: Void.self)
            let done = loop.makePromise(of: ConnectionStats.self)
            let channel: any Channel
            do {
                channel = try await ClientBootstrap(group: loop)
                    .channelOption(.socketOption(.tcp_nodelay), value: 1)
                    .connectTimeout(.seconds(10))
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(LoadConnectionHandler(setup: setup, hello: hello, done: done))
                        }
                    }
                    .connect(host: self.plan.host, port: self.plan.port)
                    .get()
            } catch {
                hello.fail(error)
                done.fail(error)
                throw LoadError.connection("cannot connect to \(self.plan.host):\(self.plan.port): \(ConnectFailure.describe(error))")
            }
            connections.append((channel, done.futureResult))
            hellos.append(hello.futureResult)
        }
        for hello in hellos {
            try await hello.get()
        }

        let window = RunWindow(start: monotonicNanos(), warmupSeconds: self.plan.warmupSeconds, durationSeconds: self.plan.durationSeconds)
        for (index, connection) in connections.enumerated() {
            let schedule = self.plan.rate.map {
                OpenLoopSchedule(start: window.start, rate: $0, connections: self.plan.connections, index: index)
            }
            let channel = connection.channel
            channel.eventLoop.execute {
                try? channel.pipeline.syncOperations.handler(type: LoadConnectionHandler.self).start(window: window, schedule: schedule)
            }
        }

        await Self.sleep(until: window.measureStart)
        let clientStart = CPUClock.ownSeconds()
        let serverStart = self.plan.serverPID.flatMap(CPUClock.processSeconds(pid:))
        await Self.sleep(until: window.end)
        let clientCPU = CPUClock.ownSeconds() - clientStart
        let serverCPU = serverStart.flatMap { start in self.plan.serverPID.flatMap(CPUClock.processSeconds(pid:)).map { $0 - start } }

        // Calls still in flight get `drainSeconds` to answer; then their connections are closed
        // and they count as UNAVAILABLE.
        let deadline = window.end + UInt64(self.plan.drainSeconds * 1e9)
        var total = ConnectionStats(methods: self.plan.entries.count)
        for connection in connections {
            let timer = connection.channel.eventLoop.scheduleTask(in: .nanoseconds(Int64(deadline) - Int64(monotonicNanos()))) {
                connection.channel.close(promise: nil)
            }
            let stats = try await connection.done.get()
            timer.cancel()
            total.add(stats)
        }
        return LoadReport(plan: self.plan, window: window, stats: total, clientCPUSeconds: clientCPU, serverCPUSeconds: serverCPU)
    }

    /// Resolves the templates over a short-lived ordinary client, then encodes the frames every
    /// connection shares.
    private func makeSetup(group: MultiThreadedEventLoopGroup) async throws -> LoadConnectionHandler.Setup {
        let client: ThiduaClient
        do {
            client = try await ThiduaClient.connect(
                host: self.plan.host, port: self.plan.port, clientName: "thidua-load", apiKey: self.plan.apiKey, eventLoopGroup: group
            )
        } catch {
            throw LoadError.connection("cannot connect to \(self.plan.host):\(self.plan.port): \(ConnectFailure.describe(error))")
        }
        let payloads: [[Data]]
        do {
            payloads = try await TemplateResolver.payloads(for: self.plan.entries, variants: self.plan.variants, using: client)
        } catch {
            await client.close()
            throw error
        }
        let maxFrameBytes = Int(client.serverHello.limits.maxFrameBytes)
        let maxConcurrentCalls = Int(client.serverHello.limits.maxConcurrentCalls)
        await client.close()
        if maxConcurrentCalls > 0 && self.plan.inFlight > maxConcurrentCalls {
            throw LoadError.usage("--in-flight \(self.plan.inFlight) is above the server's limit of \(maxConcurrentCalls) calls per connection")
        }
        let encoders = try zip(self.plan.entries, payloads).map { entry, payloads in
            try RequestEncoder(
                method: entry.method, payloads: payloads, metadata: self.plan.metadata, timeoutMilliseconds: self.plan.timeoutMilliseconds
            )
        }
        var hello = Frame()
        hello.clientHello = ClientHello.with {
            $0.protocolVersion = WireProtocol.version
            $0.clientName = "thidua-load/\(ThiduaVersion.current)"
            $0.apiKey = self.plan.apiKey
        }
        return LoadConnectionHandler.Setup(
            encoders: encoders,
            sequence: SequenceCounter(),
            mix: WeightedMix(weights: self.plan.entries.map(\.weight)),
            inFlight: self.plan.inFlight,
            maxFrameBytes: max(maxFrameBytes, self.plan.maxFrameBytes),
            hello: try hello.lengthPrefixed()
        )
    }

    private static func sleep(until nanos: UInt64) async {
        let now = monotonicNanos()
        if nanos > now { try? await Task.sleep(nanoseconds: nanos - now) }
    }
}
