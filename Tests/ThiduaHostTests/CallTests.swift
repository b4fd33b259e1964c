import Foundation
import Testing
import ThiduaClient
import ThiduaHost
import ThiduaTesting
import ThiduaWire

/// Calls over real TCP: the call layer as a client sees it.
@Suite struct CallTests {
    @Test func handshakeAnnouncesVersionLimitsAndServices() async throws {
        try await withServer { server in
            let client = try await server.connect()
            #expect(client.serverHello.protocolVersion == WireProtocol.version)
            #expect(client.serverHello.serverVersion == ThiduaVersion.current)
            #expect(client.serverHello.limits.maxFrameBytes == 4 * 1024 * 1024)
            #expect(client.serverHello.services.contains("thidua.host.v1.Health"))
            #expect(client.serverHello.services.contains("thidua.host.v1.Reflection"))
            await client.close()
        }
    }

    @Test func healthCheckAnswersServingAndRefusesUnknownServices() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let health = try await client.unary(Methods.Host.Health.check, HealthCheckRequest())
            #expect(health.status == .serving)
            let error = await expectStatus(.notFound) {
                _ = try await client.unary(
                    Methods.Host.Health.check,
                    HealthCheckRequest.with { $0.service = "thidua.nope.v1.Nope" }
                )
            }
            #expect(error?.details.first?.field == "service")
            await client.close()
        }
    }

    @Test func unknownMethodIsUnimplemented() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let error = await expectStatus(.unimplemented) {
                _ = try await client.unary("thidua.host.v1.Echo/Nope", payload: Data())
            }
            #expect(error?.message.contains("thidua.host.v1.Echo/Nope") == true)
            // The connection stays usable.
            let reply = try await client.unary(Methods.Host.Echo.unary, echo("still here"))
            #expect(reply.payload == Data("still here".utf8))
            await client.close()
        }
    }

    @Test func undecodablePayloadIsInvalidArgument() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let error = await expectStatus(.invalidArgument) {
                _ = try await client.unary(Methods.Host.Echo.unary.path, payload: Data([0xFF, 0xFF, 0xFF]))
            }
            #expect(error?.details.first?.rule == "payload.decode")
            #expect(error?.message.contains("thidua.host.v1.EchoRequest") == true)
            await client.close()
        }
    }

    @Test func handlerRefusalCarriesFieldAndRule() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let error = await expectStatus(.invalidArgument) {
                _ = try await client.unary(Methods.Host.Echo.unary, echo("x", delayMs: 60_001))
            }
            #expect(error?.details == [ErrorDetail(
                field: "delay_ms", rule: "echo.delay_ms.max", description: "delay_ms is 60001; the most allowed is 60000",
                values: ["value": "60001", "limit": "60000"]
            )])
            await client.close()
        }
    }

    @Test func concurrentCallsAreAnsweredInTheOrderTheyFinish() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let finished = try await withThrowingTaskGroup(of: String.self) { group in
                for (text, delay) in [("slow", UInt32(300)), ("medium", 150), ("fast", 0)] {
                    group.addTask {
                        let reply = try await client.unary(Methods.Host.Echo.unary, echo(text, delayMs: delay))
                        return String(decoding: reply.payload, as: UTF8.self)
                    }
                }
                var order: [String] = []
                for try await text in group { order.append(text) }
                return order
            }
            #expect(finished == ["fast", "medium", "slow"])
            await client.close()
        }
    }

    @Test func manyCallsInFlightOnOneConnection() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let count = try await withThrowingTaskGroup(of: Bool.self) { group in
                for index in 0..<200 {
                    group.addTask {
                        let reply = try await client.unary(Methods.Host.Echo.unary, echo("call \(index)"))
                        return reply.payload == Data("call \(index)".utf8)
                    }
                }
                var matched = 0
                for try await ok in group where ok { matched += 1 }
                return matched
            }
            #expect(count == 200)
            await client.close()
        }
    }

    @Test func serverStreamingDeliversEveryMessageThenEnds() async throws {
        try await withServer { server in
            let client = try await server.connect()
            let request = EchoStreamRequest.with {
                $0.payload = Data("tin".utf8)
                $0.count = 50
            }
            var received = 0
            for try await reply in try client.serverStreaming(Methods.Host.Echo.stream, request) {
                #expect(reply.payload == Data("tin".utf8))
                received += 1
            }
            #expect(received == 50)
            await client.close()
        }
    }

    @Test func deadlineExceededEndsTheCallAndFreesItsSlot() async throws {
        try await withServer(configure: { $0.limits.maxConcurrentCalls = 1 }) { server in
            let client = try await server.connect()
            let started = ContinuousClock.now
            await expectStatus(.deadlineExceeded) {
                _ = try await client.unary(
                    Methods.Host.Echo.unary,
                    echo("late", delayMs: 30_000),
                    timeout: .milliseconds(100)
                )
            }
            #expect(ContinuousClock.now - started < .seconds(10))
            // With one slot per connection, this call is only accepted if the expired one ended.
            let reply = try await client.unary(Methods.Host.Echo.unary, echo("next"))
            #expect(reply.payload == Data("next".utf8))
            await client.close()
        }
    }

    @Test func serverEnforcesTheDeadlineItself() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            var request = Frame.request(1, Methods.Host.Echo.unary.path, try echo("late", delayMs: 30_000).serializedBytes())
            request.request.timeoutMs = 50
            try await raw.send(request)
            let answer = await raw.nextFrame()
            #expect(answer?.status.callID == 1)
            #expect(answer?.status.code == .deadlineExceeded)
            await raw.close()
        }
    }

    @Test func cancelStopsAStreamAndAnswersCancelled() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            let request = EchoStreamRequest.with {
                $0.count = 1000
                $0.intervalMs = 20
            }
            try await raw.send(.request(1, Methods.Host.Echo.stream.path, try request.serializedBytes()))
            let first = await raw.nextFrame()
            #expect(first?.response.callID == 1)
            var cancel = Frame()
            cancel.cancel = Cancel.with { $0.callID = 1 }
            try await raw.send(cancel)
            var final: CallStatus?
            while let frame = await raw.nextFrame() {
                if case .status(let status) = frame.kind {
                    final = status
                    break
                }
            }
            #expect(final?.code == .cancelled)
            // The connection is still good for more calls.
            try await raw.send(.request(2, Methods.Host.Echo.unary.path, try echo("after").serializedBytes()))
            #expect(await raw.nextFrame()?.status.code == .ok)
            await raw.close()
        }
    }

    @Test func cancellingTheClientTaskCancelsTheServerCall() async throws {
        try await withServer(configure: { $0.limits.maxConcurrentCalls = 1 }) { server in
            let client = try await server.connect()
            let task = Task {
                _ = try await client.unary(Methods.Host.Echo.unary, echo("x", delayMs: 30_000))
            }
            task.cancel()
            let result = await task.result
            guard case .failure(let error as RPCError) = result else {
                Issue.record("expected the call to fail, got \(result)")
                return
            }
            #expect(error.code == .cancelled)
            // The server ended the call: its only slot is free again.
            let reply = try await client.unary(Methods.Host.Echo.unary, echo("next"))
            #expect(reply.payload == Data("next".utf8))
            await client.close()
        }
    }

    @Test func pingIsAnswered() async throws {
        try await withServer { server in
            let client = try await server.connect()
            try await client.ping()
            await client.close()
        }
    }
}
