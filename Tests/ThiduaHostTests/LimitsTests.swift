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
            try await early.send(.request(1, "thidua.host.v1.Echo/Unary"))
            #expect(await self.goAwayBeforeClose(early)?.details.first?.rule == "handshake.first")

            let wrongDirection = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await wrongDirection.handshake()
            var serverFrame = Frame()
            serverFrame.goAway = GoAway()
            try await wrongDirection.send(serverFrame)
            #expect(await self.goAwayBeforeClose(wrongDirection)?.details.first?.rule == "frame.direction")

            let reused = try await RawConnection.connect(host: server.host, port: server.port)
            _ = try await reused.handshake()
            try await reused.send(.request(5, "thidua.host.v1.Echo/Unary"))
            try await reused.send(.request(5, "thidua.host.v1.Echo/Unary"))
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
                try await raw.send(.request(id, "thidua.host.v1.Echo/Unary", slow))
            }
            let refused = await raw.nextFrame()
            #expect(refused?.status.callID == 3)
            #expect(refused?.status.code == .resourceExhausted)
            let finished = [await raw.nextFrame(), await raw.nextFrame()].compactMap { $0?.status }
            #expect(Set(finished.map(\.callID)) == [1, 2])
            #expect(finished.allSatisfy { $0.code == .ok })
            // With the slots free again, a new call is accepted.
            try await raw.send(.request(4, "thidua.host.v1.Echo/Unary", try echo("again").serializedBytes()))
            #expect(await raw.nextFrame()?.status.code == .ok)
            await raw.close()
        }
    }

    @Test func connectionsOverTheLimitAreRefused() async throws {
        try await withServer(configure: { $0.limits.maxConnections = 2 }) { server in
            let first = try await server.connect()
            let second = try await server.connect()
            await #expect(throws: RPCError.self) { _ = try await server.connect() }
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            let goAway = await self.goAwayBeforeClose(raw)
            #expect(goAway?.code == .resourceExhausted)
            #expect(goAway?.details.first?.rule == "server.max_connections")
            await first.close()
            try await second.ping()
            await second.close()
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
            both.writeImmutableBuffer(try Frame.request(1, "thidua.host.v1.Echo/Unary", try echo("long", delayMs: 400).serializedBytes()).lengthPrefixed())
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
                        let reply: EchoReply = try await client.unary("thidua.host.v1.Echo/Unary", echo("\(index)"))
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
    @Test func aResponseTooLargeForAFrameIsRefusedNotSent() async throws {
        try await withServer(configure: { $0.limits.maxFrameBytes = 4096 }) { server in
            let client = try await server.connect()
            let fits: EchoReply = try await client.unary(
                "thidua.host.v1.Echo/Unary",
                EchoRequest.with { $0.payload = Data(repeating: 1, count: 3000) }
            )
            #expect(fits.payload.count == 3000)
            let error = await expectStatus(.resourceExhausted) {
                let _: EchoReply = try await client.unary(
                    "thidua.host.v1.Echo/Unary",
                    EchoRequest.with { $0.payload = Data(repeating: 1, count: 4030) }
                )
            }
            #expect(error?.details.first?.rule == "frame.max_bytes")
            try await client.ping()
            await client.close()
        }
    }
}
