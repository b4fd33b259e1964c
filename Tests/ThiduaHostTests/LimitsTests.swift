import Foundation
import NIOCore
import Testing
import ThiduaClient
import ThiduaHost
import ThiduaTesting
import ThiduaWire

/// Limits and hostile peers: each refusal is precise and leaves other clients unaffected.
@Suite struct LimitsTests {
    /// The GoAway a server sent before closing, or nil if it closed without one.
    private func goAwayBeforeClose(_ raw: RawConnection) async -> GoAway? {
        await raw.framesUntilClosed().last { if case .goAway = $0.kind { true } else { false } }?.goAway
    }

    @Test func twoGibibyteHeaderIsRefusedWithoutBuffering() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            try await raw.send(bytes: [0x80, 0, 0, 0])
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .resourceExhausted)
            #expect(goAway?.details.first?.rule == "frame.max_bytes")
            #expect(goAway?.message.contains("2147483648") == true)
        }
    }

    @Test func frameOneByteOverTheLimitIsRefused() async throws {
        try await withServer(configure: { $0.limits.maxFrameBytes = 2048 }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            let hello = try #require(await raw.handshake())
            #expect(hello.serverHello.limits.maxFrameBytes == 2048)
            try await raw.send(bytes: [0, 0, 0x08, 0x01] + Array(repeating: 0, count: 16))
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .resourceExhausted)
            #expect(goAway?.message == "a frame of 2049 bytes exceeds the limit of 2048 bytes")
        }
    }

    @Test func otherProtocolsAreRefusedAtOnce() async throws {
        try await withServer { server in
            for garbage in [Array("GET / HTTP/1.1\r\nHost: thidua\r\n\r\n".utf8), [0x16, 0x03, 0x01, 0x02, 0x00, 0x01]] {
                let raw = try await RawConnection.connect(host: server.host, port: server.port)
                try await raw.send(bytes: garbage)
                let goAway = await self.goAwayBeforeClose(raw)
                #expect(goAway?.code == .resourceExhausted, "refused on the length prefix")
            }
        }
    }

    @Test func randomBytesCloseTheConnectionOnWhatTheyAreNotOnATimer() async throws {
        try await withServer { server in
            var generator = SystemRandomNumberGenerator()
            for _ in 0..<20 {
                let raw = try await RawConnection.connect(host: server.host, port: server.port)
                try? await raw.send(bytes: (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
                // Refused for its length or its content, at once: not by the handshake or frame
                // timeout, which would mean the server sat waiting for more.
                let rule = await self.goAwayBeforeClose(raw)?.details.first?.rule
                #expect(rule != nil && rule != "handshake.timeout" && rule != "frame.timeout", "closed by \(rule ?? "no GoAway")")
            }
            // The server still serves a well-behaved client.
            let client = try await server.connect()
            try await client.ping()
            await client.close()
        }
    }

    @Test func protocolViolationsCloseWithTheirRule() async throws {
        try await withServer { server in
            let early = try await RawConnection.connect(host: server.host, port: server.port)
            try await early.send(.request(1, Methods.Host.Echo.unary.path))
            #expect(await self.goAwayBeforeClose(early)?.details.first?.rule == "handshake.first")

            let wrongDirection = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await wrongDirection.handshake()
            var serverFrame = Frame()
            serverFrame.goAway = GoAway()
            try await wrongDirection.send(serverFrame)
            #expect(await self.goAwayBeforeClose(wrongDirection)?.details.first?.rule == "frame.direction")

            let reused = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await reused.handshake()
            try await reused.send(.request(5, Methods.Host.Echo.unary.path))
            try await reused.send(.request(5, Methods.Host.Echo.unary.path))
            #expect(await self.goAwayBeforeClose(reused)?.details.first?.rule == "call.id_increasing")
        }
    }

    @Test func unsupportedProtocolVersionIsRefused() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            var hello = Frame()
            hello.clientHello = ClientHello.with { $0.protocolVersion = 99 }
            try await raw.send(hello)
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .failedPrecondition)
            #expect(goAway?.message.contains("99") == true)
        }
    }

    @Test func callsOverTheConcurrencyLimitAreRefused() async throws {
        try await withServer(configure: { $0.limits.maxConcurrentCalls = 2 }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            let slow: Data = try echo("slow", delayMs: 300).serializedBytes()
            for id in UInt64(1)...3 {
                try await raw.send(.request(id, Methods.Host.Echo.unary.path, slow))
            }
            let refused = await raw.nextFrame()
            #expect(refused?.status.callID == 3)
            #expect(refused?.status.code == .resourceExhausted)
            let finished = [await raw.nextFrame(), await raw.nextFrame()].compactMap { $0?.status }
            #expect(Set(finished.map(\.callID)) == [1, 2])
            #expect(finished.allSatisfy { $0.code == .ok })
            // With the slots free again, a new call is accepted.
            try await raw.send(.request(4, Methods.Host.Echo.unary.path, try echo("again").serializedBytes()))
            #expect(await raw.nextFrame()?.status.code == .ok)
            await raw.close()
        }
    }

    /// Past the limit, a few connections are still taken for health checks only, so a load
    /// balancer does not mark a busy server dead; past those too, connections are refused.
    @Test func connectionsOverTheLimitAreRefusedButHealthIsStillAnswered() async throws {
        try await withServer(configure: {
            $0.limits.maxConnections = 2
            $0.limits.healthConnections = 1
        }) { server in
            let first = try await server.connect()
            let second = try await server.connect()
            let probe = try await server.connect()
            let health = try await probe.unary(Methods.Host.Health.check, HealthCheckRequest())
            #expect(health.status == .serving)
            let refusal = await expectStatus(.resourceExhausted) {
                _ = try await probe.unary(Methods.Host.Echo.unary, echo("full"))
            }
            #expect(refusal?.details.first?.rule == "server.max_connections")
            await #expect(throws: RPCError.self) { _ = try await server.connect() }
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .resourceExhausted)
            #expect(goAway?.details.first?.rule == "server.max_connections")
            await first.close()
            try await second.ping()
            await second.close()
            await probe.close()
        }
    }

    @Test func silentPeerIsClosedAfterTheHandshakeTimeout() async throws {
        try await withServer(configure: { $0.limits.handshakeTimeout = .milliseconds(200) }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .deadlineExceeded)
            #expect(goAway?.details.first?.rule == "handshake.timeout")
        }
    }

    @Test func slowDripOfOneFrameHitsTheFrameDeadline() async throws {
        try await withServer(configure: { $0.limits.frameTimeout = .milliseconds(300) }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            // Announce 100 bytes, then send only some: the rest never comes.
            try await raw.send(bytes: [0, 0, 0, 100, 0x1A])
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .deadlineExceeded)
            #expect(goAway?.details.first?.rule == "frame.timeout")
        }
    }

    @Test func idleConnectionIsClosedWithGoAwayOK() async throws {
        try await withServer(configure: { $0.limits.idleTimeout = .milliseconds(200) }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            let hello = try #require(await raw.handshake())
            #expect(hello.serverHello.limits.idleTimeoutMs == 200)
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .ok)
            #expect(goAway?.message == "the connection was idle")
        }
    }

    @Test func aCallInFlightKeepsTheConnectionFromIdling() async throws {
        try await withServer(configure: { $0.limits.idleTimeout = .milliseconds(100) }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            // The hello and the request travel together, so the call is in flight from the start.
            var hello = Frame()
            hello.clientHello = ClientHello.with { $0.protocolVersion = WireProtocol.version }
            var both = try hello.lengthPrefixed()
            both.writeImmutableBuffer(try Frame.request(1, Methods.Host.Echo.unary.path, try echo("long", delayMs: 400).serializedBytes()).lengthPrefixed())
            try await raw.send(bytes: Array(both.readableBytesView))
            #expect(await raw.nextFrame()?.serverHello.protocolVersion == WireProtocol.version)
            let status = await raw.nextFrame()?.status
            #expect(status?.code == .ok, "the 400 ms call outlived the 100 ms idle timeout")
            // Once it ended, the connection idles out.
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.message == "the connection was idle")
        }
    }

    @Test func badClientsDoNotDisturbAGoodOne() async throws {
        try await withServer { server in
            let client = try await server.connect()
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for _ in 0..<30 {
                        let raw = try await RawConnection.connect(host: server.host, port: server.port)
                        try? await raw.send(bytes: Array(repeating: 0xEE, count: 64))
                        _ = await raw.framesUntilClosed()
                    }
                }
                group.addTask {
                    for index in 0..<300 {
                        let reply = try await client.unary(Methods.Host.Echo.unary, echo("\(index)"))
                        #expect(reply.payload == Data("\(index)".utf8))
                    }
                }
                try await group.waitForAll()
            }
            await client.close()
        }
    }
}

/// The invalid shared vectors, sent to a live server: each is refused with its rule and code.
@Suite struct InvalidVectorTests {
    @Test func liveServerRefusesEveryInvalidVector() async throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("vectors/frames.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var invalid: [(hex: String, rule: String, code: String)] = []
        var hex = ""
        for line in text.split(separator: "\n") {
            if line.hasPrefix("hex ") { hex = String(line.dropFirst(4)) }
            if line.hasPrefix("refuse ") {
                let parts = line.split(separator: " ")
                invalid.append((hex, String(parts[1]), String(parts[2])))
            }
        }
        #expect(invalid.count >= 4)
        try await withServer { server in
            for vector in invalid {
                let raw = try await RawConnection.connect(host: server.host, port: server.port)
                let bytes = stride(from: 0, to: vector.hex.count, by: 2).map { offset -> UInt8 in
                    let start = vector.hex.index(vector.hex.startIndex, offsetBy: offset)
                    return UInt8(vector.hex[start..<vector.hex.index(start, offsetBy: 2)], radix: 16)!
                }
                try await raw.send(bytes: bytes)
                let goAway = await raw.framesUntilClosed().last?.goAway
                #expect(goAway?.code.name == vector.code)
                #expect(goAway?.details.first?.rule == vector.rule)
            }
        }
    }
}

@Suite struct ResponseSizeTests {
    /// The frame's real size decides, not a guess at its overhead: a response within a few bytes
    /// of the limit is sent, and one whose frame would pass it is refused with the real figures.
    @Test func aResponseIsRefusedOnlyWhenItsFrameWouldNotFit() async throws {
        try await withServer(configure: { $0.limits.maxFrameBytes = 4096 }) { server in
            let client = try await server.connect()
            // 4,050 bytes of payload make a status frame of about 4,061 bytes: within 4,096,
            // though more than the limit less 64.
            let fits = try await client.unary(
                Methods.Host.Echo.unary,
                EchoRequest.with { $0.payload = Data(repeating: 1, count: 4050) }
            )
            #expect(fits.payload.count == 4050)
            // Every service and method of the server: several times the frame limit.
            let error = await expectStatus(.resourceExhausted) {
                _ = try await client.unary(Methods.Host.Reflection.listServices, ListServicesRequest())
            }
            #expect(error?.details.first?.rule == "frame.max_bytes")
            #expect(error?.message.hasSuffix("the limit is 4096 bytes") == true, "\(error?.message ?? "")")
            try await client.ping()
            await client.close()
        }
    }
}

/// What one connection and the whole server may hold in requests at once: a call past either
/// budget is refused at once, and the budget comes back when calls end.
@Suite struct RequestBudgetTests {
    private static func slowEcho(_ id: UInt64, bytes: Int, delayMs: UInt32 = 60_000) throws -> Frame {
        .request(id, Methods.Host.Echo.unary.path, try EchoRequest.with {
            $0.payload = Data(repeating: 0x42, count: bytes)
            $0.delayMs = delayMs
        }.serializedBytes())
    }

    @Test func aConnectionHoldsNoMoreRequestBytesThanItsBudget() async throws {
        try await withServer(configure: {
            $0.limits.maxFrameBytes = 64 * 1024
            $0.limits.maxRequestBytesInFlight = 64 * 1024
        }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            try await raw.send(Self.slowEcho(1, bytes: 40_000))
            try await raw.send(Self.slowEcho(2, bytes: 40_000))
            let refused = try #require(await raw.nextFrame()?.status)
            #expect(refused.callID == 2)
            #expect(refused.code == .resourceExhausted)
            #expect(refused.details.first?.rule == "connection.request_bytes")

            var cancel = Frame()
            cancel.cancel = Cancel.with { $0.callID = 1 }
            try await raw.send(cancel)
            #expect(await raw.nextFrame()?.status.code == .cancelled)
            // The bytes come back once the cancelled call's work has stopped, which may be just
            // after its status: a call refused meanwhile is retried, as a client would.
            var served: CallStatus?
            for callID in UInt64(3)...UInt64(200) {
                try await raw.send(Self.slowEcho(callID, bytes: 40_000, delayMs: 0))
                let status = try #require(await raw.nextFrame()?.status)
                #expect(status.callID == callID)
                guard status.details.first?.rule == "connection.request_bytes" else {
                    served = status
                    break
                }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(served?.code == .ok)
            await raw.close()
        }
    }

    @Test func theServerHoldsNoMoreRequestBytesThanItsBudget() async throws {
        try await withServer(configure: {
            $0.limits.maxFrameBytes = 64 * 1024
            $0.limits.maxRequestBytesInFlight = 64 * 1024
            $0.limits.maxServerRequestBytesInFlight = 64 * 1024
        }) { server in
            let first = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await first.handshake()
            try await first.send(Self.slowEcho(1, bytes: 40_000))
            // A call answered after it proves the first call was admitted.
            try await first.send(.request(2, Methods.Host.Echo.unary.path, try echo("after").serializedBytes()))
            #expect(await first.nextFrame()?.status.callID == 2)

            let second = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await second.handshake()
            try await second.send(Self.slowEcho(1, bytes: 40_000, delayMs: 0))
            let refused = try #require(await second.nextFrame()?.status)
            #expect(refused.code == .resourceExhausted)
            #expect(refused.details.first?.rule == "server.request_bytes")
            await first.close()
            await second.close()
        }
    }
}

/// The counts `ServerInfo/GetMetrics` reports are the statuses the clients were sent.
@Suite struct MetricsAgreeWithTheWireTests {
    /// A call refused before it runs (over the concurrency limit) is counted for its method too.
    @Test func callsRefusedBeforeTheyRunAreCounted() async throws {
        try await withServer(configure: { $0.limits.maxConcurrentCalls = 1 }) { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            try await raw.send(.request(1, Methods.Host.Echo.unary.path, try echo("slow", delayMs: 60_000).serializedBytes()))
            try await raw.send(.request(2, Methods.Host.Echo.unary.path, try echo("one too many").serializedBytes()))
            #expect(await raw.nextFrame()?.status.code == .resourceExhausted)
            var cancel = Frame()
            cancel.cancel = Cancel.with { $0.callID = 1 }
            try await raw.send(cancel)
            #expect(await raw.nextFrame()?.status.code == .cancelled)
            await raw.close()

            let client = try await server.connect()
            let metrics = try await client.unary(Methods.Host.ServerInfo.getMetrics, GetMetricsRequest())
            let echoed = metrics.methods.first { $0.path == Methods.Host.Echo.unary.path }
            #expect(echoed?.byStatus == ["RESOURCE_EXHAUSTED": 1, "CANCELLED": 1])
            await client.close()
        }
    }

    @Test func aDeadlineIsCountedAsADeadlineAndACancelledWatchAsCancelled() async throws {
        try await withServer { server in
            // A raw request with a deadline and no local timer, so no Cancel races the server's.
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await raw.handshake()
            var slow = Frame.request(1, Methods.Host.Echo.unary.path, try echo("slow", delayMs: 10_000).serializedBytes())
            slow.request.timeoutMs = 100
            try await raw.send(slow)
            #expect(await raw.nextFrame()?.status.code == .deadlineExceeded)
            await raw.close()

            let client = try await server.connect()
            var watch = try client.serverStreaming(Methods.Host.Health.watch, HealthCheckRequest())
                .makeAsyncIterator()
            #expect(try await watch.next()?.status == .serving)
            _ = consume watch  // ending the iteration cancels the call

            let deadline = ContinuousClock.now + .seconds(30)
            var metrics: GetMetricsResponse
            repeat {
                metrics = try await client.unary(Methods.Host.ServerInfo.getMetrics, GetMetricsRequest())
                let watch = metrics.methods.first { $0.path == Methods.Host.Health.watch.path }
                if watch?.calls == 1 { break }
                try await Task.sleep(for: .milliseconds(20))
            } while ContinuousClock.now < deadline
            let echoed = metrics.methods.first { $0.path == Methods.Host.Echo.unary.path }
            #expect(echoed?.byStatus == ["DEADLINE_EXCEEDED": 1])
            let watched = metrics.methods.first { $0.path == Methods.Host.Health.watch.path }
            #expect(watched?.byStatus == ["CANCELLED": 1])
            await client.close()
        }
    }
}
