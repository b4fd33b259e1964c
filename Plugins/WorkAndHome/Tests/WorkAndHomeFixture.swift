import ThiduaCoreAPI
import ThiduaTesting
import WorkAndHome

/// The organisation the tests work in, on a server with the module whose clock is on 15 June
/// 2024: LĐLĐ tỉnh Thanh Hóa with LĐLĐ huyện Triệu Sơn, which launched "Giỏi việc nước, đảm việc
/// nhà" 2024 (`campaign`) over a school's and a commune's grassroots union; `outsider` is a
/// grassroots union of another district.
struct Organisation: Sendable {
    let province, district, school, commune, outsider, campaign: String

    static func with(_ body: (ModuleFixture, Organisation) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [WorkAndHomeModule()], today: "2024-06-15") { f in
            let province = try await f.unit("LĐLĐ tỉnh Thanh Hóa", under: f.rootUnitID, .provincialFederation)
            let district = try await f.unit("LĐLĐ huyện Triệu Sơn", under: province, .districtFederation)
            let other = try await f.unit("LĐLĐ huyện Quan Hóa", under: province, .districtFederation)
            try await body(f, Organisation(
                province: province,
                district: district,
                school: try await f.unit("CĐCS Trường THCS Dân Lực", under: district, .grassrootsUnion, .school),
                commune: try await f.unit("CĐCS xã Thọ Dân", under: district, .grassrootsUnion, .communeTown),
                outsider: try await f.unit("CĐCS Trường Tiểu học Trung Sơn", under: other, .grassrootsUnion, .school),
                campaign: try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: district, year: 2024)
            ))
        }
    }
}
