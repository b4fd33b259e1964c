import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// Registered vs recognised per year and sector, over the wire.
@Suite struct ReportWireTests {
    func report(_ f: ModuleFixture, unit: String = "", from: UInt32, to: UInt32, as client: ThiduaClient? = nil) async throws -> GreenCleanReportResponse {
        try await f.call(Methods.GreenClean.Reports.recognitionReport, .with {
            $0.unitID = unit
            $0.fromYear = from
            $0.toYear = to
        }, as: client)
    }

    @Test func countsPerYearAndSectorOverTheSubtree() async throws {
        try await Organisation.with { f, org in
            let lastYear = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2023)
            // 2023: the school recognised and proposed upward, the agency declined.
            let school2023 = try await f.register(org.school, in: lastYear, on: "2023-03-01")
            try await f.selfAssess(school2023.id)
            try await f.submit(school2023.id)
            try await f.appraise(school2023.id)
            try await f.propose(school2023.id)
            try await f.recognise(school2023.id, date: "2023-12-20")
            _ = try await f.call(Methods.GreenClean.Registrations.proposeUpward, GreenCleanProposeUpwardRequest.with {
                $0.id = school2023.id
                $0.formCode = "bang_khen_tinh"
            })
            let agency2023 = try await f.register(org.agency, in: lastYear, on: "2023-03-01")
            try await f.selfAssess(agency2023.id, DefaultSheet.claims(minus: ["D": 10]))
            try await f.submit(agency2023.id)
            try await f.appraise(agency2023.id)
            try await f.decline(agency2023.id)
            // 2024: the school proposed, the commune submitted, the outsider (in another district)
            // registered under the province's campaign.
            _ = try await f.registration(of: org.school, in: org.campaign, reaching: .proposed)
            _ = try await f.registration(of: org.commune, in: org.campaign, reaching: .submitted)
            let outsiderCampaign = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.province, year: 2024)
            _ = try await f.register(org.outsider, in: outsiderCampaign)

            let district = try await self.report(f, unit: org.district, from: 2023, to: 2024)
            #expect(district.unitID == org.district)
            #expect(district.years.map(\.year) == [2023, 2024])
            let y2023 = district.years[0]
            #expect(y2023.total.registered == 2)
            #expect(y2023.total.submitted == 2)
            #expect(y2023.total.appraised == 2)
            #expect(y2023.total.proposed == 1)
            #expect(y2023.total.recognised == 1)
            #expect(y2023.total.notRecognised == 1)
            #expect(y2023.total.proposedUpward == 1)
            #expect(y2023.sectors.map(\.sector) == [UInt32(Sector.publicAgency.rawValue), UInt32(Sector.school.rawValue)])
            #expect(y2023.sectors.map(\.figures.recognised) == [0, 1])
            let y2024 = district.years[1]
            #expect(y2024.total.registered == 2)
            #expect(y2024.total.submitted == 2)
            #expect(y2024.total.proposed == 1)
            #expect(y2024.total.recognised == 0)
            #expect(y2024.sectors.map(\.sector) == [UInt32(Sector.communeTown.rawValue), UInt32(Sector.school.rawValue)])
            #expect(district.unitsRegistered == 3)
            #expect(district.unitsRecognised == 1)

            let province = try await self.report(f, unit: org.province, from: 2022, to: 2024)
            #expect(province.years.map(\.year) == [2022, 2023, 2024])
            #expect(province.years[0].total == GreenCleanFigures())
            #expect(province.years[2].total.registered == 3)
            #expect(province.unitsRegistered == 4)

            // A key over one school sees that school only, and nothing beyond its subtree.
            let schoolKey = try await f.client(scopedTo: org.school, permissions: ["green_clean.read"])
            let own = try await self.report(f, from: 2023, to: 2024, as: schoolKey)
            #expect(own.unitID == org.school)
            #expect(own.years.map(\.total.registered) == [1, 1])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await self.report(f, unit: org.district, from: 2023, to: 2024, as: schoolKey)
            }
        }
    }

    @Test(arguments: [(UInt32(0), UInt32(2024)), (2024, 2023), (2000, 2050), (2024, 0)])
    func aBadYearRangeIsRefused(_ range: (UInt32, UInt32)) async throws {
        try await Organisation.with { f, _ in
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.year_range") {
                _ = try await self.report(f, from: range.0, to: range.1)
            }
        }
    }
}
