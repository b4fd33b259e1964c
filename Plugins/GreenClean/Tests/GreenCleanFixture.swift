import GreenClean
import ThiduaCoreAPI
import ThiduaTesting

/// The organisation the tests work in, on a server with the module whose clock is on 15 June
/// 2024: LĐLĐ tỉnh Thanh Hóa with two districts. LĐLĐ huyện Quan Hóa (`district`) launched "Sáng,
/// Xanh, Sạch, Đẹp" 2024 (`campaign`) over its subtree and appraises its grassroots unions
/// (`school`, `agency`, `commune`); `outsider` is a grassroots union of the other district.
struct Organisation: Sendable {
    static let today = "2024-06-15"

    let province, district, school, agency, commune, outsider, campaign: String

    static func with(_ body: (ModuleFixture, Organisation) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [GreenCleanModule()], today: Self.today) { f in
            let province = try await f.unit("LĐLĐ tỉnh Thanh Hóa", under: f.rootUnitID, .provincialFederation)
            let district = try await f.unit("LĐLĐ huyện Quan Hóa", under: province, .districtFederation)
            let other = try await f.unit("LĐLĐ huyện Mường Lát", under: province, .districtFederation)
            try await body(f, Organisation(
                province: province,
                district: district,
                school: try await f.unit("CĐCS Trường Tiểu học Trung Sơn", under: district, .grassrootsUnion, .school),
                agency: try await f.unit("CĐCS Trung tâm Y tế huyện Quan Hóa", under: district, .grassrootsUnion, .publicAgency),
                commune: try await f.unit("CĐCS xã Phú Nghiêm", under: district, .grassrootsUnion, .communeTown),
                outsider: try await f.unit("CĐCS Trường Tiểu học Mường Lát", under: other, .grassrootsUnion, .school),
                campaign: try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: district, year: 2024, title: "Sáng, Xanh, Sạch, Đẹp")
            ))
        }
    }
}
