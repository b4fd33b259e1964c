import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import TwoGoods

/// The organisation the tests work in: LĐLĐ tỉnh Thanh Hóa (`province`) with LĐLĐ huyện Triệu
/// Sơn (`district`), whose schools each test adds. The server's clock is late in the 2021-2022
/// school year unless a test says otherwise.
struct Organisation: Sendable {
    static let today = "2022-06-30"

    let province, district: String

    /// Runs `body` on a server with the module, its clock on `today`.
    static func with(today: String = Self.today, _ body: (ModuleFixture, Organisation) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [TwoGoodsModule()], today: today) { f in
            try await body(f, try await .build(on: f, root: f.rootUnitID))
        }
    }

    /// The province and its district under `root`.
    static func build(on server: some ModuleCalls, root: String) async throws -> Organisation {
        let province = try await server.unit("LĐLĐ tỉnh Thanh Hóa", under: root, .provincialFederation, .unspecified)
        let district = try await server.unit("LĐLĐ huyện Triệu Sơn", under: province, .districtFederation, .unspecified)
        return Organisation(province: province, district: district)
    }
}

/// What the steps call through: the kit's ``ModuleFixture``, or ``ServerOnData`` in the test
/// that restarts a server on its data, which the kit's fixture does not do.
protocol ModuleCalls: Sendable {
    func call<Input, Output>(_ method: UnaryMethod<Input, Output>, _ request: Input, as client: ThiduaClient?) async throws -> Output
    func unit(_ name: String, under parent: String, _ kind: UnitKind, _ sector: Sector) async throws -> String
    func member(_ fullName: String, of unit: String, _ gender: Gender, unionMember: Bool, role: String) async throws -> String
}

extension ModuleFixture: ModuleCalls {}
