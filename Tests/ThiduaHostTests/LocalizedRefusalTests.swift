import Foundation
import Testing
import ThiduaCalls
import ThiduaClient
import ThiduaHost
import ThiduaTesting
import ThiduaWire

/// Refusals over the wire in the language the client asks for (docs/PROTOCOL.md §2.1): English
/// by default, the rule's Vietnamese message with its values when the hello or the call asks.
@Suite struct LocalizedRefusalTests {
    static let unknownService = "thidua.nope.v1.Nope"

    private func checkUnknownService(_ client: ThiduaClient, metadata: [String: String] = [:]) async -> RPCError? {
        await expectStatus(.notFound) {
            _ = try await client.unary(
                Methods.Host.Health.check, HealthCheckRequest.with { $0.service = Self.unknownService }, metadata: metadata
            )
        }
    }

    @Test func aClientThatAsksForNothingGetsEnglish() async throws {
        try await withServer { server in
            let client = try await server.connect()
            #expect(client.serverHello.language == "en")
            let error = await self.checkUnknownService(client)
            #expect(error?.message == "service \"\(Self.unknownService)\" is not offered by this server")
            #expect(error?.details.first?.description_p == error?.message)
            #expect(error?.details.first?.rule == "health.service_known")
            #expect(error?.details.first?.values == ["service": Self.unknownService])
            await client.close()
        }
    }

    @Test func aClientThatReadsVietnameseGetsTheRulesMessageWithItsValues() async throws {
        try await withServer { server in
            let client = try await server.connect(acceptLanguage: "vi-VN, en;q=0.5")
            #expect(client.serverHello.language == "vi")
            let error = await self.checkUnknownService(client)
            #expect(error?.message == "Máy chủ không cung cấp dịch vụ \(Self.unknownService)")
            #expect(error?.details.first?.description_p == error?.message)
            #expect(error?.details.first?.rule == "health.service_known")
            #expect(error?.details.first?.field == "service")
            await client.close()
        }
    }

    @Test func aLanguageTheServerDoesNotOfferMeansEnglish() async throws {
        try await withServer { server in
            let client = try await server.connect(acceptLanguage: "fr-FR, de;q=0.8")
            #expect(client.serverHello.language == "en")
            #expect(await self.checkUnknownService(client)?.message == "service \"\(Self.unknownService)\" is not offered by this server")
            await client.close()
        }
    }

    @Test func aCallsAcceptLanguageOverridesTheConnections() async throws {
        try await withServer { server in
            let english = try await server.connect()
            let vietnamese = try await server.connect(acceptLanguage: "vi")
            let asked = await self.checkUnknownService(english, metadata: ["accept-language": "vi"])
            #expect(asked?.message == "Máy chủ không cung cấp dịch vụ \(Self.unknownService)")
            let declined = await self.checkUnknownService(vietnamese, metadata: ["accept-language": "en"])
            #expect(declined?.message == "service \"\(Self.unknownService)\" is not offered by this server")
            await english.close()
            await vietnamese.close()
        }
    }

    @Test func aCallRefusedBeforeItRunsIsInTheCallsLanguage() async throws {
        try await withServer { server in
            let client = try await server.connect(acceptLanguage: "vi")
            let error = await expectStatus(.unimplemented) {
                _ = try await client.unary("\(Self.unknownService)/Call", payload: Data())
            }
            #expect(error?.message == "Máy chủ không cung cấp phương thức \(Self.unknownService)/Call")
            #expect(error?.details.first?.rule == "call.method_known")
            await client.close()
        }
    }

    @Test func aRefusalThatNamesNoRuleGetsItsStatusInVietnamese() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            try await raw.send(Frame.with {
                $0.clientHello = ClientHello.with {
                    $0.protocolVersion = WireProtocol.version
                    $0.acceptLanguage = "vi"
                }
            })
            #expect(await raw.nextFrame()?.serverHello.language == "vi")
            var slow = Frame.request(1, Methods.Host.Echo.unary.path, try echo("chậm", delayMs: 10_000).serializedData())
            slow.request.timeoutMs = 50
            try await raw.send(slow)
            let status = await raw.nextFrame()?.status
            #expect(status?.code == .deadlineExceeded)
            #expect(status?.message == "Đã hết thời hạn trước khi lời gọi hoàn thành")
            #expect(status?.details.isEmpty == true)
            await raw.close()
        }
    }

    @Test func aRefusedHelloIsInTheLanguageItAskedFor() async throws {
        try await withServer { server in
            let error = await expectStatus(.unauthenticated) {
                _ = try await server.connect(apiKey: "thd_1_notthesecret", acceptLanguage: "vi")
            }
            #expect(error?.message == "Khóa API không hợp lệ")
            #expect(error?.details.first?.rule == "handshake.api_key")

            let raw = try await RawConnection.connect(host: server.host, port: server.port)
            try await raw.send(Frame.with {
                $0.clientHello = ClientHello.with {
                    $0.protocolVersion = WireProtocol.version + 1
                    $0.acceptLanguage = "vi"
                }
            })
            let goAway = await raw.nextFrame()?.goAway
            #expect(goAway?.code == .failedPrecondition)
            #expect(goAway?.message == "Phiên bản giao thức trong ClientHello không được hỗ trợ")
            #expect(goAway?.details.first?.rule == "handshake.protocol_version")
            await raw.close()
        }
    }
}
