import Foundation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaHost
import ThiduaTesting
import ThiduaWire

@Suite struct DrainTests {
    @Test func shutdownFinishesCallsInFlightAndRefusesNewOnes() async throws {
        let server = try await TestServer.start()
        let raw = try await RawConnection.connect(host: server.host, port: server.port)
        _ = try await raw.handshake()
        try await raw.send(.request(1, Methods.Host.Echo.unary.path, try echo("in flight", delayMs: 1500).serializedBytes()))
        // A second call on the same connection that has been answered proves the first was read.
        try await raw.send(.request(2, Methods.Host.Echo.unary.path, try echo("quick").serializedBytes()))
        #expect(await raw.nextFrame()?.status.callID == 2)

        let stopping = Task { try await server.stop() }
        let goAway = await raw.nextFrame()
        #expect(goAway?.goAway.lastCallID == 2)
        #expect(goAway?.goAway.code == .ok)

        try await raw.send(.request(3, Methods.Host.Echo.unary.path, try echo("too late").serializedBytes()))
        var statuses: [UInt64: CallStatus] = [:]
        for await frame in raw.frames {
            if case .status(let status) = frame.kind { statuses[status.callID] = status }
        }
        #expect(statuses[3]?.code == .unavailable)
        #expect(statuses[1]?.code == .ok)
        #expect(try EchoReply(serializedBytes: statuses[1]?.payload ?? Data()).payload == Data("in flight".utf8))
        try await stopping.value
    }

    /// At the drain timeout, what still runs is ended with UNAVAILABLE and the server stops:
    /// a long call and an endless stream do not hold it.
    @Test func theDrainTimeoutEndsWhatStillRuns() async throws {
        let server = try await TestServer.start(configure: { $0.drainTimeout = .milliseconds(300) })
        let raw = try await RawConnection.connect(host: server.host, port: server.port)
        _ = try await raw.handshake()
        try await raw.send(.request(1, Methods.Host.Echo.unary.path, try echo("twenty seconds", delayMs: 20_000).serializedBytes()))
        try await raw.send(.request(3, Methods.Host.Echo.stream.path, try EchoStreamRequest.with {
            $0.payload = Data("tick".utf8)
            $0.count = 100_000
            $0.intervalMs = 50
        }.serializedBytes()))
        #expect(await raw.nextFrame()?.response.callID == 3)

        try await server.stop()
        var statuses: [UInt64: CallStatus] = [:]
        for await frame in raw.frames {
            if case .status(let status) = frame.kind { statuses[status.callID] = status }
        }
        #expect(statuses[1]?.code == .unavailable)
        #expect(statuses[3]?.code == .unavailable)
        #expect(statuses[1]?.message.contains("drain timeout") == true)
    }

    @Test func healthWatchHearsTheShutdown() async throws {
        let server = try await TestServer.start()
        let client = try await server.connect()
        var updates = try client.serverStreaming(
            Methods.Host.Health.watch,
            HealthCheckRequest()
        ).makeAsyncIterator()
        #expect(try await updates.next()?.status == .serving)
        let stopping = Task { try await server.stop() }
        #expect(try await updates.next()?.status == .notServing)
        do {
            _ = try await updates.next()
            Issue.record("the watch should end with UNAVAILABLE")
        } catch let error as RPCError {
            #expect(error.code == .unavailable)
        }
        try await stopping.value
    }
}

@Suite struct ReflectionTests {
    @Test func listsEveryServiceWithItsMethods() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let list = try await client.unary(Methods.Host.Reflection.listServices, ListServicesRequest())
            let names = list.services.map(\.name)
            #expect(names == [
                "thidua.host.v1.Health", "thidua.host.v1.Reflection", "thidua.host.v1.ServerInfo", "thidua.host.v1.Echo",
                "thidua.core.v1.Keys", "thidua.core.v1.Units", "thidua.core.v1.Members", "thidua.core.v1.Changes",
                "thidua.core.v1.Audit", "thidua.core.v1.Campaigns", "thidua.core.v1.Reviews", "thidua.core.v1.Awards",
                "thidua.core.v1.Reports", "thidua.core.v1.Import",
            ])
            let units = try #require(list.services.first { $0.name == "thidua.core.v1.Units" })
            #expect(units.moduleID == "core")
            #expect(units.methods.first { $0.name == "CreateUnit" }?.permission == "units.write")
            let health = try #require(list.services.first)
            #expect(health.moduleID == "host")
            #expect(health.methods.allSatisfy { $0.permission.isEmpty }, "health needs no key")
            #expect(health.methods.map(\.path) == [Methods.Host.Health.check.path, Methods.Host.Health.watch.path])
            #expect(health.methods.map(\.serverStreaming) == [false, true])
            #expect(health.methods.first?.inputType == "thidua.host.v1.HealthCheckRequest")
            await client.close()
        }
    }

    @Test func describeReturnsTheFileDescriptorsOfTheService() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let described = try await client.unary(
                Methods.Host.Reflection.describeService,
                DescribeServiceRequest.with { $0.service = "thidua.host.v1.Echo" }
            )
            let files = try described.fileDescriptors.map { try Google_Protobuf_FileDescriptorProto(serializedBytes: $0) }
            #expect(files.map(\.name) == ["thidua/host/v1/echo.proto"])
            #expect(files.first?.messageType.map(\.name).contains("EchoRequest") == true)
            await expectStatus(.notFound) {
                _ = try await client.unary(
                    Methods.Host.Reflection.describeService,
                    DescribeServiceRequest.with { $0.service = "thidua.nope.v1.Nope" }
                )
            }
            await client.close()
        }
    }

    @Test func serverInfoReportsVersionAndMetrics() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let info = try await client.unary(Methods.Host.ServerInfo.getInfo, GetInfoRequest())
            #expect(info.serverVersion == ThiduaVersion.current)
            #expect(info.openConnections == 1)
            _ = try? await client.unary(Methods.Host.Echo.unary.path, payload: Data([0xFF]))
            let metrics = try await client.unary(Methods.Host.ServerInfo.getMetrics, GetMetricsRequest())
            let echo = try #require(metrics.methods.first { $0.path == Methods.Host.Echo.unary.path })
            #expect(echo.byStatus == ["INVALID_ARGUMENT": 1])
            #expect(metrics.acceptedConnections == 1)
            await client.close()
        }
    }
}
