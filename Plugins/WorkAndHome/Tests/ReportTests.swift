import Testing
import ThiduaCoreAPI
import ThiduaWire
import WorkAndHome

/// Registered vs recognised per unit and sector, and the listing, over the wire.
@Suite struct ReportTests {
    @Test func theReportCountsRegisteredAgainstRecognisedPerUnitAndSector() async throws {
        try await Organisation.with { f, org in
            // The school: one recognised, one returned, one in review, one only registered.
            try await f.approve(try await f.proposed(of: org.school, in: org.campaign).reviewID)
            try await f.reject(try await f.proposed(of: org.school, in: org.campaign).reviewID)
            _ = try await f.proposed(of: org.school, in: org.campaign)
            _ = try await f.register(try await f.woman(of: org.school), in: org.campaign)
            // The commune: two recognised, one self-assessed; and one registered the year after.
            for _ in 0..<2 { try await f.approve(try await f.proposed(of: org.commune, in: org.campaign).reviewID) }
            let assessed = try await f.register(try await f.woman(of: org.commune), in: org.campaign)
            try await f.assess(assessed.id, Assessments.of(unmet: ["work"]))
            let nextYear = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.district, year: 2025)
            _ = try await f.register(try await f.woman(of: org.commune), in: nextYear)

            func figures(_ registered: UInt32, _ inReview: UInt32, _ returned: UInt32, _ recognised: UInt32) -> WorkAndHomeFigures {
                .with { $0.registered = registered; $0.inReview = inReview; $0.returned = returned; $0.recognised = recognised }
            }
            let report = try await f.call(Methods.WorkAndHome.Reports.registrationReport, .with { $0.year = 2024 })
            #expect(report.year == 2024 && report.total == figures(7, 1, 1, 3))
            #expect(report.units.map(\.unitID) == [org.school, org.commune])
            #expect(report.units.map(\.figures) == [figures(4, 1, 1, 1), figures(3, 0, 0, 2)])
            #expect(report.units.first?.unitName == "CĐCS Trường THCS Dân Lực")
            #expect(report.sectors.map(\.sector) == [UInt32(Sector.communeTown.rawValue), UInt32(Sector.school.rawValue)])
            #expect(report.sectors.map(\.figures) == [figures(3, 0, 0, 2), figures(4, 1, 1, 1)])

            // Over one union's subtree, and with a key that reaches only it.
            let union = try await f.client(scopedTo: org.commune, permissions: ["work_and_home.read"])
            let own = try await f.call(Methods.WorkAndHome.Reports.registrationReport, .with { $0.year = 2024 }, as: union)
            #expect(own.unitID == org.commune && own.units.map(\.unitID) == [org.commune] && own.total == figures(3, 0, 0, 2))
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await f.call(Methods.WorkAndHome.Reports.registrationReport, .with { $0.unitID = org.school; $0.year = 2024 }, as: union)
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "year") {
                _ = try await f.call(Methods.WorkAndHome.Reports.registrationReport, WorkAndHomeReportRequest())
            }
        }
    }

    @Test func registrationsAreListedOldestFirstByPagesAndFilters() async throws {
        try await Organisation.with { f, org in
            let first = try await f.proposed(of: org.school, in: org.campaign)
            let second = try await f.register(try await f.woman(of: org.commune), in: org.campaign)
            let nextYear = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.district, year: 2025)
            let third = try await f.register(try await f.woman(of: org.school), in: nextYear)
            func list(_ change: (inout ListWorkAndHomeRegistrationsRequest) -> Void = { _ in }) async throws -> ListWorkAndHomeRegistrationsResponse {
                try await f.call(Methods.WorkAndHome.Registrations.listRegistrations, .with(change))
            }
            #expect(try await list().registrations == [first, second, third])
            #expect(try await list { $0.year = 2024 }.registrations.map(\.id) == [first.id, second.id])
            #expect(try await list { $0.state = .registered }.registrations.map(\.id) == [second.id, third.id])
            #expect(try await list { $0.unitID = org.school }.registrations.map(\.id) == [first.id, third.id])
            let page = try await list { $0.pageSize = 2 }
            #expect(page.registrations.map(\.id) == [first.id, second.id] && !page.nextPageToken.isEmpty)
            #expect(try await list { $0.pageSize = 2; $0.pageToken = page.nextPageToken }.registrations.map(\.id) == [third.id])

            try await f.expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") { _ = try await list { $0.pageSize = 1001 } }
            try await f.expectRefusal(.invalidArgument, rule: "page.token", field: "page_token") { _ = try await list { $0.pageToken = "not-a-token" } }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum", field: "state") { _ = try await list { $0.state = .UNRECOGNIZED(9) } }
            try await f.expectRefusal(.notFound, rule: "unit.exists", field: "unit_id") { _ = try await list { $0.unitID = "u4242" } }
        }
    }
}
