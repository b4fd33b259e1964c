import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Registering a unit for a year, over the wire.
@Suite struct RegistrationWireTests {
    @Test func aUnitRegistersOnTheSheetInForceAndIsAudited() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(org.school, in: org.campaign, on: "2024-03-05")
            #expect(registration.id.hasPrefix("gc"))
            #expect(registration.campaignID == org.campaign)
            #expect(registration.unitID == org.school)
            #expect(registration.year == 2024)
            #expect(registration.appraisingUnitID == org.district)
            #expect(registration.sheetVersion == 1)
            #expect(registration.passingScore == 96)
            #expect(registration.state == .registered)
            #expect(registration.registeredOn == "2024-03-05")
            #expect(registration.round == 0)
            #expect(try await f.registration(registration.id) == registration)

            let today = try await f.register(org.agency, in: org.campaign)
            #expect(today.registeredOn == Organisation.today)

            // The core's audit over the wire, every page of the admin's subtree.
            var audit: [AuditRecord] = []
            var request = ListAuditRecordsRequest.with { $0.page.pageSize = 1000 }
            repeat {
                let page = try await f.call(Methods.Core.Audit.listAuditRecords, request)
                audit += page.records.filter { $0.targetID == registration.id }
                request.page.pageToken = page.nextPageToken
            } while !request.page.pageToken.isEmpty
            #expect(audit.count == 1)
            #expect(audit.first?.method == Methods.GreenClean.Registrations.registerUnit.path)
            #expect(audit.first?.targetType == "thidua.green_clean.v1.GreenCleanRegistration")
        }
    }

    @Test func registrationsBreakingARuleAreRefusedAndChangeNothing() async throws {
        try await Organisation.with { f, org in
            let general = try await f.campaign(module: "general", launchedBy: org.district, year: 2024)
            let draft = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2024, launched: false)
            // The kit launches calendar-year campaigns only.
            let schoolYearDraft = try await f.call(Methods.Core.Campaigns.createCampaign, .with {
                $0.module = GreenCleanModule.moduleID
                $0.title = "Sáng, Xanh, Sạch, Đẹp"
                $0.launchingUnitID = org.district
                $0.periodKind = .schoolYear
                $0.year = 2024
            })
            let schoolYear = try await f.call(Methods.Core.Campaigns.launchCampaign, .with {
                $0.id = schoolYearDraft.id
                $0.decisionNumber = "05/KH-LĐLĐ"
                $0.decisionDate = "2024-03-01"
            }).id
            let lastYear = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2023)
            _ = try await f.register(org.school, in: org.campaign)

            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                _ = try await f.register(org.agency, in: general)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await f.register(org.agency, in: draft)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.period", field: "campaign_id") {
                _ = try await f.register(org.agency, in: schoolYear)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "unit_id") {
                _ = try await f.register(org.outsider, in: org.campaign)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.launcher_appraises", field: "unit_id") {
                _ = try await f.register(org.district, in: org.campaign)
            }
            try await f.expectRefusal(.alreadyExists, rule: "green_clean.registration_unique", field: "unit_id") {
                _ = try await f.register(org.school, in: org.campaign)
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future", field: "registered_on") {
                _ = try await f.register(org.agency, in: org.campaign, on: "2024-06-16")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format", field: "registered_on") {
                _ = try await f.register(org.agency, in: org.campaign, on: "2024-02-30")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.ended", field: "registered_on") {
                _ = try await f.register(org.agency, in: lastYear)
            }
            try await f.expectRefusal(.notFound, rule: "unit.exists", field: "unit_id") {
                _ = try await f.register("u4242", in: org.campaign)
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "campaign_id") {
                _ = try await f.register(org.agency, in: "gc1")
            }

            _ = try await f.call(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = org.commune
                $0.effectiveOn = "2024-06-01"
                $0.reason = "sáp nhập xã"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.unit_live", field: "unit_id") {
                _ = try await f.register(org.commune, in: org.campaign)
            }
            // Last year's campaign takes a registration dated inside its year.
            let late = try await f.register(org.agency, in: lastYear, on: "2023-12-31")
            #expect(late.year == 2023)
        }
    }

    @Test func aUnitRegistersOnceAYearWhateverTheCampaign() async throws {
        try await Organisation.with { f, org in
            let second = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2024)
            let first = try await f.register(org.school, in: org.campaign)
            try await f.expectRefusal(.alreadyExists, rule: "green_clean.registration_unique") {
                _ = try await f.register(org.school, in: second)
            }
            let refusal = await #expect(throws: RPCError.self) { try await f.register(org.school, in: second) }
            #expect(refusal?.message.contains(first.id) == true)
        }
    }

    @Test func listingsFilterAndPageThroughTheCallersSubtree() async throws {
        try await Organisation.with { f, org in
            let school = try await f.registration(of: org.school, in: org.campaign, reaching: .submitted)
            let agency = try await f.register(org.agency, in: org.campaign)
            let commune = try await f.register(org.commune, in: org.campaign)
            let lastYear = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2023)
            let old = try await f.register(org.school, in: lastYear, on: "2023-04-01")

            func list(_ change: (inout ListGreenCleanRegistrationsRequest) -> Void, as client: ThiduaClient? = nil) async throws -> [String] {
                var ids: [String] = []
                var request = ListGreenCleanRegistrationsRequest.with(change)
                request.pageSize = 2
                repeat {
                    let page = try await f.call(Methods.GreenClean.Registrations.listRegistrations, request, as: client)
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
            #expect(try await list { $0.unitID = org.school } == [school.id, old.id])

            let schoolKey = try await f.client(scopedTo: org.school, permissions: ["green_clean.read"])
            #expect(try await list({ _ in }, as: schoolKey) == [school.id, old.id])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await list({ $0.unitID = org.agency }, as: schoolKey)
            }
            try await f.expectRefusal(.invalidArgument, rule: "page.token", field: "page_token") {
                _ = try await list { $0.pageToken = "not-a-token" }
            }
            try await f.expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") {
                _ = try await f.call(Methods.GreenClean.Registrations.listRegistrations, .with { $0.pageSize = 1001 })
            }
        }
    }
}
