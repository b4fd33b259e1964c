import Testing
import ThiduaCoreAPI
import WorkAndHome

/// The demo runs on a Triệu Sơn of the core demo's codes, and the report counts what it planned.
@Suite struct DemoTests {
    @Test func theDemoReproducesItsPlanInTheReport() async throws {
        try await Organisation.with { f, org in
            var codes: [String: String] = [:]
            for (code, sector) in [("TS-TH1", Sector.school), ("TS-TH2", .school), ("TS-X1", .communeTown), ("TS-CQ1", .publicAgency), ("TS-DN1", .nonStateEnterprise)] {
                let unit = try await f.unit("Công đoàn \(code)", under: org.district, .grassrootsUnion, sector)
                _ = try await f.member("Lê Văn Hùng", of: unit, .male)
                for index in 0..<6 { _ = try await f.woman(of: unit, "Nguyễn Thị Hoa \(index)") }
                codes[code] = unit
            }
            try await WorkAndHomeDemo.load(using: f.admin, districtID: org.district, unitIDsByCode: codes)
            let lines = try await WorkAndHomeDemo.summary(using: f.admin, districtID: org.district)
            #expect(lines.first == "\"Giỏi việc nước, đảm việc nhà\" 2022: 22 registered, 12 recognised, 2 in review, 2 returned")
            #expect(lines.count == 6)
            #expect(lines.last == "  Công đoàn TS-DN1: 4 registered, 1 recognised, 0 in review, 0 returned")
        }
    }
}
