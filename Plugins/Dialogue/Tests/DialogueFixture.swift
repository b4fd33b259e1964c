import Dialogue
import ThiduaCoreAPI
import ThiduaTesting

/// The organisation the tests work in, on a server with the module whose clock is on 30 June
/// 2025: LĐLĐ thành phố Hà Nội with LĐLĐ quận Thanh Xuân, which holds two enterprises' and a
/// school's grassroots unions, and an enterprise under another province.
struct DialogueFixture: Sendable {
    static let today = "2025-06-30"

    let provinceID: String
    let districtID: String
    /// A non-state enterprise of 250 employees (from 2025-01-01).
    let garmentID: String
    /// A foreign-invested enterprise with no headcount recorded.
    let electronicsID: String
    /// A school: not an enterprise.
    let schoolID: String
    /// An enterprise under another province, outside the district's keys.
    let elsewhereID: String

    static func with(_ body: (ModuleFixture, DialogueFixture) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [DialogueModule()], today: Self.today) { f in
            let province = try await f.unit("LĐLĐ thành phố Hà Nội", under: f.rootUnitID, .provincialFederation)
            let district = try await f.unit("LĐLĐ quận Thanh Xuân", under: province, .districtFederation)
            let other = try await f.unit("LĐLĐ tỉnh Thanh Hóa", under: f.rootUnitID, .provincialFederation)
            let org = DialogueFixture(
                provinceID: province,
                districtID: district,
                garmentID: try await f.unit("CĐCS Công ty TNHH May Khương Trung", under: district, .grassrootsUnion, .nonStateEnterprise),
                electronicsID: try await f.unit("CĐCS Công ty TNHH Điện tử Hạ Đình", under: district, .grassrootsUnion, .foreignInvestedEnterprise),
                schoolID: try await f.unit("CĐCS Trường THCS Nhân Chính", under: district, .grassrootsUnion, .school),
                elsewhereID: try await f.unit("CĐCS Công ty CP Mía đường Lam Sơn", under: other, .grassrootsUnion, .stateEnterprise)
            )
            try await f.recordHeadcount(org.garmentID, 250, asOf: "2025-01-01")
            try await body(f, org)
        }
    }
}
