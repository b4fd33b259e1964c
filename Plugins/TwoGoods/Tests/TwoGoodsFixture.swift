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
    static func build(on server: ModuleFixture, root: String) async throws -> Organisation {
        let province = try await server.unit("LĐLĐ tỉnh Thanh Hóa", under: root, .provincialFederation, .unspecified)
        let district = try await server.unit("LĐLĐ huyện Triệu Sơn", under: province, .districtFederation, .unspecified)
        return Organisation(province: province, district: district)
    }
}
