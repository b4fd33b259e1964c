import Testing
import ThiduaCoreAPI
import ThiduaWire
import WorkAndHome

/// A woman member's yearly registration, over the wire.
@Suite struct RegistrationTests {
    @Test func aWomanUnionMemberOfAGrassrootsUnionRegistersForTheCampaignsYear() async throws {
        try await Organisation.with { f, org in
            let member = try await f.woman(of: org.school, "Nguyễn Thị Mai")
            let registration = try await f.register(member, in: org.campaign, on: "2024-02-20")
            #expect(registration.id.hasPrefix("wh"))
            #expect(registration.campaignID == org.campaign && registration.memberID == member)
            #expect(registration.memberName == "Nguyễn Thị Mai" && registration.unitID == org.school)
            #expect(registration.year == 2024 && registration.criteriaVersion == 1)
            #expect(registration.state == .registered && registration.registeredOn == "2024-02-20")
            #expect(registration.assessments.isEmpty && registration.reviewID.isEmpty)
            #expect(try await f.registration(registration.id) == registration)

            // Registered on the day of the call by default, through a key of her own union.
            let union = try await f.client(scopedTo: org.commune, permissions: ["work_and_home.register", "work_and_home.read"])
            let colleague = try await f.register(try await f.woman(of: org.commune), in: org.campaign, as: union)
            #expect(colleague.registeredOn == "2024-06-15" && colleague.unitID == org.commune)
            #expect(try await f.registration(colleague.id, as: union) == colleague)

            // One registration a year: the next year's campaign takes her again.
            let nextYear = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.district, year: 2025)
            #expect(try await f.register(member, in: nextYear).year == 2025)

            let audit = try await f.call(Methods.Core.Audit.listAuditRecords, ListAuditRecordsRequest())
            let records = audit.records.filter { $0.targetID == registration.id }
            #expect(records.map(\.method) == [Methods.WorkAndHome.Registrations.registerMember.path])
            #expect(records.first?.targetType == WorkAndHomeRegistration.protoMessageName)
        }
    }

    @Test func everyRegistrationBreakingARuleIsRefusedAndChangesNothing() async throws {
        try await Organisation.with { f, org in
            let woman = try await f.woman(of: org.school)
            _ = try await f.register(woman, in: org.campaign)
            let man = try await f.member("Lê Văn Hùng", of: org.school, .male)
            let worker = try await f.member("Trần Thị Lan", of: org.school, .female, unionMember: false)
            let left = try await f.woman(of: org.school)
            _ = try await f.call(Methods.Core.Members.updateMember, .with {
                $0.id = left; $0.leftOn = "2024-03-31"; $0.reason = "Nghỉ hưu"; $0.updateMask = ["left_on"]
            })
            let federationStaff = try await f.woman(of: org.district)
            let outsider = try await f.woman(of: org.outsider)
            let eligible = try await f.woman(of: org.commune)

            for (member, rule) in [(man, "women_only"), (worker, "union_member"), (left, "member_current"), (federationStaff, "grassroots_union")] {
                try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.\(rule)", field: "member_id") { _ = try await f.register(member, in: org.campaign) }
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "member_id") { _ = try await f.register(outsider, in: org.campaign) }
            try await f.expectRefusal(.alreadyExists, rule: "work_and_home.registration_unique", field: "member_id") { _ = try await f.register(woman, in: org.campaign) }

            // A client reading Vietnamese gets the rule catalogue's message.
            let vietnamese = try await f.client(scopedTo: org.district, permissions: ["work_and_home.register"], acceptLanguage: "vi")
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.women_only") {
                do {
                    _ = try await f.register(man, in: org.campaign, as: vietnamese)
                } catch let error as RPCError {
                    #expect(error.message == "Phong trào dành cho đoàn viên nữ; \(man) không được ghi nhận là nữ")
                    throw error
                }
            }

            let schoolYear = try await f.call(Methods.Core.Campaigns.createCampaign, .with {
                $0.module = WorkAndHomeModule.moduleID; $0.title = "Năm học 2024-2025"; $0.launchingUnitID = org.district
                $0.periodKind = .schoolYear; $0.year = 2024
            })
            _ = try await f.call(Methods.Core.Campaigns.launchCampaign, .with { $0.id = schoolYear.id; $0.decisionNumber = "2/KH"; $0.decisionDate = "2024-09-05" })
            let general = try await f.campaign(module: "general", launchedBy: org.district, year: 2024)
            let draft = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.district, year: 2024, launched: false)
            let lastYear = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.district, year: 2023)
            for (campaign, rule) in [(schoolYear.id, "campaign.period"), (general, "campaign.module"), (draft, "campaign.running")] {
                try await f.expectRefusal(.failedPrecondition, rule: rule, field: "campaign_id") { _ = try await f.register(eligible, in: campaign) }
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.ended", field: "registered_on") {
                _ = try await f.register(eligible, in: lastYear)
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future", field: "registered_on") { _ = try await f.register(eligible, in: org.campaign, on: "2024-06-16") }
            try await f.expectRefusal(.invalidArgument, rule: "date.format", field: "registered_on") { _ = try await f.register(eligible, in: org.campaign, on: "2024-02-30") }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "member_id") { _ = try await f.register("wh1", in: org.campaign) }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "campaign_id") { _ = try await f.register(eligible, in: "") }
            try await f.expectRefusal(.notFound, rule: "member.exists", field: "member_id") { _ = try await f.register("m4242", in: org.campaign) }

            // A key reaches only its own subtree, and only with the permission.
            let school = try await f.client(scopedTo: org.school, permissions: ["work_and_home.register"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "member_id") { _ = try await f.register(eligible, in: org.campaign, as: school) }
            let reader = try await f.client(scopedTo: org.commune, permissions: ["work_and_home.read"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") { _ = try await f.register(eligible, in: org.campaign, as: reader) }
        }
    }
}
