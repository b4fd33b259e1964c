import Foundation
import ThiduaClient
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting
import ThiduaWire

/// A server on a data directory the test keeps, for the test that stops a server and starts
/// another on the same data. The kit's ``ModuleFixture`` always starts on fresh data, so this
/// stands in for it there, with only the calls the steps need.
struct ServerOnData: ModuleCalls {
    let admin: ThiduaClient
    let rootUnitID: String

    /// Runs `body` with a server holding `modules` on `data`, its clock on `today`, and always
    /// stops it; the data stays.
    static func with(
        _ data: URL, modules: [any CampaignModule], today: String = Organisation.today, _ body: (ServerOnData) async throws -> Void
    ) async throws {
        let clock = try TestClock(today)
        let server = try await TestServer.start(modules: modules, clock: clock.now, dataDirectory: data)
        do {
            let admin = try await server.connectAsAdmin()
            do {
                let me = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
                try await body(ServerOnData(admin: admin, rootUnitID: me.unitID))
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    func call<Input, Output>(_ method: UnaryMethod<Input, Output>, _ request: Input, as client: ThiduaClient? = nil) async throws -> Output {
        try await (client ?? self.admin).unary(method, request)
    }

    func unit(_ name: String, under parent: String, _ kind: UnitKind, _ sector: Sector) async throws -> String {
        try await self.call(Methods.Core.Units.createUnit, .with {
            $0.parentID = parent
            $0.name = name
            $0.kind = kind
            $0.sector = sector
            $0.validFrom = "2000-01-01"
        }).id
    }

    func member(_ fullName: String, of unit: String, _ gender: Gender, unionMember: Bool, role: String) async throws -> String {
        try await self.call(Methods.Core.Members.addMember, .with {
            $0.unitID = unit
            $0.fullName = fullName
            $0.gender = gender
            $0.unionMember = unionMember
            $0.role = role
        }).id
    }
}
