import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Registered vs recognised per year and sector, over the wire.
@Suite struct ReportWireTests {
    func report(_ fixture: GreenCleanFixture, unit: String = "", from: UInt32, to: UInt32, using client: ThiduaClient? = nil) async throws -> GreenCleanReportResponse {
        try await fixture.call(GreenCleanMethods.recognitionReport, GreenCleanReportRequest.with {
            $0.unitID = unit
            $0.fromYear = from
            $0.toYear = to
        }, using: client)
    }

    @Test func countsPerYearAndSectorOverTheSubtree() async throws {
        try await GreenCleanFixture.with { fixture in
            let lastYear = try await fixture.launchCampaign(year: 2023)
            // 2023: the school recognised and proposed upward, the agency declined.
            let school2023 = try await fixture.register(fixture.schoolID, campaign: lastYear, on: "2023-03-01")
            try await fixture.selfAssess(school2023.id)
            try await fixture.submit(school2023.id)
            try await fixture.appraise(school2023.id)
            try await fixture.propose(school2023.id)
            try await fixture.recognise(school2023.id, date: "2023-12-20")
            let _: GreenCleanRegistration = try await fixture.call(GreenCleanMethods.proposeUpward, GreenCleanProposeUpwardRequest.with {
                $0.id = school2023.id
                $0.formCode = "bang_khen_tinh"
            })
            let agency2023 = try await fixture.register(fixture.agencyID, campaign: lastYear, on: "2023-03-01")
            try await fixture.selfAssess(agency2023.id, GreenCleanFixture.claims(minus: ["D": 10]))
            try await fixture.submit(agency2023.id)
            try await fixture.appraise(agency2023.id)
            try await fixture.decline(agency2023.id)
            // 2024: the school proposed, the commune submitted, the outsider (in another district)
            // registered under the province's campaign.
            _ = try await fixture.registration(of: fixture.schoolID, in: .proposed)
            _ = try await fixture.registration(of: fixture.communeID, in: .submitted)
            let outsiderCampaign = try await fixture.launchCampaign(year: 2024, launcher: fixture.provinceID)
            _ = try await fixture.register(fixture.outsiderID, campaign: outsiderCampaign)

            let district = try await self.report(fixture, unit: fixture.districtID, from: 2023, to: 2024)
            #expect(district.unitID == fixture.districtID)
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

            let province = try await self.report(fixture, unit: fixture.provinceID, from: 2022, to: 2024)
            #expect(province.years.map(\.year) == [2022, 2023, 2024])
            #expect(province.years[0].total == GreenCleanFigures())
            #expect(province.years[2].total.registered == 3)
            #expect(province.unitsRegistered == 4)

            // A key over one school sees that school only, and nothing beyond its subtree.
            let schoolKey = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["green_clean.read"])
            let own = try await self.report(fixture, from: 2023, to: 2024, using: schoolKey)
            #expect(own.unitID == fixture.schoolID)
            #expect(own.years.map(\.total.registered) == [1, 1])
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await self.report(fixture, unit: fixture.districtID, from: 2023, to: 2024, using: schoolKey)
            }
            await schoolKey.close()
        }
    }

    @Test(arguments: [(UInt32(0), UInt32(2024)), (2024, 2023), (2000, 2050), (2024, 0)])
    func aBadYearRangeIsRefused(_ range: (UInt32, UInt32)) async throws {
        try await GreenCleanFixture.with { fixture in
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.year_range") {
                _ = try await self.report(fixture, from: range.0, to: range.1)
            }
        }
    }
}
