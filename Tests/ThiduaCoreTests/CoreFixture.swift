import Foundation
import GRDB
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting
import ThiduaWire

/// A running server with the core, an admin connection, and typed shortcuts for the tests.
struct CoreFixture {
    let server: TestServer
    let admin: ThiduaClient

    static func start(modules: [any CampaignModule] = [], clock: @escaping @Sendable () -> Date = Date.init) async throws -> CoreFixture {
        let server = try await TestServer.start(modules: modules, clock: clock)
        return CoreFixture(server: server, admin: try await server.connectAsAdmin())
    }

    func stop() async throws {
        await self.admin.close()
        try await self.server.stop()
    }

    /// Runs `body` with a fresh fixture and always stops it.
    static func with(
        modules: [any CampaignModule] = [], clock: @escaping @Sendable () -> Date = Date.init, _ body: (CoreFixture) async throws -> Void
    ) async throws {
        let fixture = try await Self.start(modules: modules, clock: clock)
        do {
            try await body(fixture)
        } catch {
            try? await fixture.stop()
            throw error
        }
        try await fixture.stop()
    }

    var rootID: String { get async throws { try await self.whoAmI(self.admin).unitID } }

    func whoAmI(_ client: ThiduaClient) async throws -> ApiKeyInfo {
        try await client.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
    }

    @discardableResult
    func createUnit(
        _ name: String,
        under parentID: String,
        kind: UnitKind = .grassrootsUnion,
        sector: Sector = .unspecified,
        code: String = "",
        using client: ThiduaClient? = nil
    ) async throws -> Unit {
        try await (client ?? self.admin).unary(
            Methods.Core.Units.createUnit,
            CreateUnitRequest.with {
                $0.parentID = parentID
                $0.name = name
                $0.kind = kind
                $0.sector = sector
                $0.code = code
                $0.validFrom = "2024-01-01"
            }
        )
    }

    @discardableResult
    func addMember(_ name: String, to unitID: String, gender: Gender = .female, unionMember: Bool = true) async throws -> Member {
        try await self.admin.unary(
            Methods.Core.Members.addMember,
            AddMemberRequest.with {
                $0.unitID = unitID
                $0.fullName = name
                $0.gender = gender
                $0.unionMember = unionMember
                $0.joinedOn = unionMember ? "2020-05-01" : ""
            }
        )
    }

    /// Mints a key and connects with it.
    func connect(scopedTo unitID: String, permissions: [String]) async throws -> (ThiduaClient, ApiKeyInfo) {
        let minted = try await self.admin.unary(
            Methods.Core.Keys.mintKey,
            MintKeyRequest.with {
                $0.label = "test key"
                $0.unitID = unitID
                $0.permissions = permissions
            }
        )
        return (try await self.server.connect(apiKey: minted.apiKey), minted.key)
    }

    /// Reads the database file directly, as an operator's tool would.
    func database<T>(_ body: (GRDB.Database) throws -> T) throws -> T {
        let queue = try DatabaseQueue(path: self.server.dataDirectory.appendingPathComponent("thidua.sqlite").path)
        return try queue.read(body)
    }

    func count(_ table: String) throws -> Int {
        try self.database { try Int.fetchOne($0, sql: "SELECT count(*) FROM \(table)") ?? -1 }
    }
}

/// Asserts that a call fails with `code` (and, if given, the rule of its first detail).
@discardableResult
func expectRefusal(
    _ code: StatusCode,
    rule: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ call: () async throws -> Void
) async -> RPCError? {
    do {
        try await call()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let rule {
            #expect(error.details.first?.rule == rule, "\(error)", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected \(code.name), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Foundation has a `Unit` too; in these tests the name means the organisation's unit.
typealias Unit = ThiduaCoreAPI.Unit
