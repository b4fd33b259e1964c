import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Registering a unit for a year, over the wire.
@Suite struct RegistrationWireTests {
    @Test func aUnitRegistersOnTheSheetInForceAndIsAudited() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.register(fixture.schoolID, on: "2024-03-05")
            #expect(registration.id.hasPrefix("gc"))
            #expect(registration.campaignID == fixture.campaignID)
            #expect(registration.unitID == fixture.schoolID)
            #expect(registration.year == 2024)
            #expect(registration.appraisingUnitID == fixture.districtID)
            #expect(registration.sheetVersion == 1)
            #expect(registration.passingScore == 96)
            #expect(registration.state == .registered)
            #expect(registration.registeredOn == "2024-03-05")
            #expect(registration.round == 0)
            #expect(try await fixture.get(registration.id) == registration)

            let today = try await fixture.register(fixture.agencyID)
            #expect(today.registeredOn == GreenCleanFixture.today)

            let audit = try await fixture.auditRecords(about: registration.id)
            #expect(audit.count == 1)
            #expect(audit.first?.method == "thidua.green_clean.v1.Registrations/RegisterUnit")
            #expect(audit.first?.targetType == "thidua.green_clean.v1.GreenCleanRegistration")
        }
    }

    @Test func registrationsBreakingARuleAreRefusedAndChangeNothing() async throws {
        try await GreenCleanFixture.with { fixture in
            let general = try await fixture.launchCampaign(year: 2024, module: "general")
            let draft = try await fixture.launchCampaign(year: 2024, launch: false)
            let schoolYear = try await fixture.launchCampaign(year: 2024, period: .schoolYear)
            let lastYear = try await fixture.launchCampaign(year: 2023)
            _ = try await fixture.register(fixture.schoolID)

            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                _ = try await fixture.register(fixture.agencyID, campaign: general)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await fixture.register(fixture.agencyID, campaign: draft)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.calendar_year", field: "campaign_id") {
                _ = try await fixture.register(fixture.agencyID, campaign: schoolYear)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "unit_id") {
                _ = try await fixture.register(fixture.outsiderID)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.launcher_appraises", field: "unit_id") {
                _ = try await fixture.register(fixture.districtID)
            }
            try await fixture.expectRefusal(.alreadyExists, rule: "green_clean.registration_unique", field: "unit_id") {
                _ = try await fixture.register(fixture.schoolID)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "date.future", field: "registered_on") {
                _ = try await fixture.register(fixture.agencyID, on: "2024-06-16")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "date.format", field: "registered_on") {
                _ = try await fixture.register(fixture.agencyID, on: "2024-02-30")
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.registration_window", field: "registered_on") {
                _ = try await fixture.register(fixture.agencyID, campaign: lastYear)
            }
            try await fixture.expectRefusal(.notFound, rule: "unit.exists", field: "unit_id") {
                _ = try await fixture.register("u4242")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "id.format", field: "campaign_id") {
                _ = try await fixture.register(fixture.agencyID, campaign: "gc1")
            }

            let _: ThiduaCoreAPI.Unit = try await fixture.call("thidua.core.v1.Units/DissolveUnit", DissolveUnitRequest.with {
                $0.id = fixture.communeID
                $0.effectiveOn = "2024-06-01"
                $0.reason = "sáp nhập xã"
            })
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.unit_live", field: "unit_id") {
                _ = try await fixture.register(fixture.communeID)
            }
            // Last year's campaign takes a registration dated inside its year.
            let late = try await fixture.register(fixture.agencyID, campaign: lastYear, on: "2023-12-31")
            #expect(late.year == 2023)
        }
    }

    @Test func aUnitRegistersOnceAYearWhateverTheCampaign() async throws {
        try await GreenCleanFixture.with { fixture in
            let second = try await fixture.launchCampaign(year: 2024)
            let first = try await fixture.register(fixture.schoolID)
            let refusal = try await fixture.expectRefusal(.alreadyExists, rule: "green_clean.registration_unique") {
                _ = try await fixture.register(fixture.schoolID, campaign: second)
            }
            #expect(refusal?.message.contains(first.id) == true)
        }
    }

    @Test func listingsFilterAndPageThroughTheCallersSubtree() async throws {
        try await GreenCleanFixture.with { fixture in
            let school = try await fixture.registration(of: fixture.schoolID, in: .submitted)
            let agency = try await fixture.register(fixture.agencyID)
            let commune = try await fixture.register(fixture.communeID)
            let lastYear = try await fixture.launchCampaign(year: 2023)
            let old = try await fixture.register(fixture.schoolID, campaign: lastYear, on: "2023-04-01")

            func list(_ change: (inout ListGreenCleanRegistrationsRequest) -> Void, using client: ThiduaClient? = nil) async throws -> [String] {
                var ids: [String] = []
                var request = ListGreenCleanRegistrationsRequest.with(change)
                request.pageSize = 2
                repeat {
                    let page: ListGreenCleanRegistrationsResponse = try await fixture.call(GreenCleanMethods.listRegistrations, request, using: client)
                    #expect(page.registrations.count <= 2)
                    ids += page.registrations.map(\.id)
                    request.pageToken = page.nextPageToken
                } while !request.pageToken.isEmpty
                return ids
            }

            #expect(try await list { _ in } == [school.id, agency.id, commune.id, old.id])
            #expect(try await list { $0.year = 2024 } == [school.id, agency.id, commune.id])
            #expect(try await list { $0.campaignID = lastYear } == [old.id])
            #expect(try await list { $0.state = .submitted } == [school.id])
            #expect(try await list { $0.unitID = fixture.schoolID } == [school.id, old.id])

            let schoolKey = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["green_clean.read"])
            #expect(try await list({ _ in }, using: schoolKey) == [school.id, old.id])
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await list({ $0.unitID = fixture.agencyID }, using: schoolKey)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "page.token", field: "page_token") {
                _ = try await list { $0.pageToken = "not-a-token" }
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") {
                let _: ListGreenCleanRegistrationsResponse = try await fixture.call(
                    GreenCleanMethods.listRegistrations, ListGreenCleanRegistrationsRequest.with { $0.pageSize = 1001 }
                )
            }
            await schoolKey.close()
        }
    }
}
