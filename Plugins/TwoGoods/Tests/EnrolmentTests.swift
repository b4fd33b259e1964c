import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import TwoGoods

/// Schools taking part: who may, in which campaigns, and who sees them.
@Suite struct EnrolmentTests {
    @Test func aSchoolEnrolsWithTheTwoRoundsOfItsSchoolYear() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Tiểu học Dân Lực", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let lastAuditBefore = try await f.auditRecords().first?.id ?? 0
            let participation = try await f.enrol(school, in: campaign)
            #expect(participation.id.hasPrefix("tp"))
            #expect(participation.campaignID == campaign)
            #expect(participation.schoolUnitID == school)
            #expect(participation.schoolName == "Công đoàn Trường Tiểu học Dân Lực")
            #expect(participation.schoolYear == 2021)
            #expect(participation.enrolledOn == "2021-09-15")
            #expect(participation.rounds.map(\.number) == [1, 2])
            #expect(participation.rounds.map(\.startsOn) == ["2021-09-01", "2022-01-16"])
            #expect(participation.rounds.map(\.endsOn) == ["2022-01-15", "2022-08-31"])
            #expect(participation.rounds.map(\.stage) == [.roundOpen, .roundOpen])
            #expect(participation.rounds.allSatisfy { !$0.hasResult })

            let fetched = try await f.call(Methods.TwoGoods.TwoGoods.getParticipation, GetParticipationRequest.with { $0.id = participation.id })
            #expect(fetched == participation)
            // Exactly one audit record, naming the participation and its school.
            let audit = try await f.auditRecords().filter { $0.id > lastAuditBefore }
            #expect(audit.count == 1)
            #expect(audit.first?.targetType == "thidua.two_goods.v1.SchoolParticipation")
            #expect(audit.first?.targetID == participation.id)
        }
    }

    @Test func aRetriedEnrolmentIsAnsweredOnce() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường THCS Dân Lực", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let request = EnrolSchoolRequest.with {
                $0.campaignID = campaign
                $0.schoolUnitID = school
            }
            let first = try await f.admin.unary(Methods.TwoGoods.TwoGoods.enrolSchool, request, metadata: ["idempotency-key": "enrol-1"])
            let again = try await f.admin.unary(Methods.TwoGoods.TwoGoods.enrolSchool, request, metadata: ["idempotency-key": "enrol-1"])
            #expect(again == first)
            #expect(first.enrolledOn == Organisation.today)
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listParticipations, ListParticipationsRequest.with {
                $0.campaignID = campaign
            })
            #expect(listed.participations.map(\.id) == [first.id])
        }
    }

    @Test func onlySchoolUnionsThatStillHaveAUnionTakePart() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let enterprise = try await f.unit("Công đoàn Công ty TNHH giày Venus", under: org.district, .grassrootsUnion, .nonStateEnterprise)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_sector", field: "school_unit_id") {
                _ = try await f.enrol(enterprise, in: campaign)
            }
            let schoolsSector = try await f.unit("Công đoàn ngành Giáo dục", under: org.district, .sectorUnion, .school)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_sector") {
                _ = try await f.enrol(schoolsSector, in: campaign)
            }
            let dissolved = try await f.school("Trường Mầm non Thọ Dân", under: org.district)
            _ = try await f.call(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = dissolved
                $0.effectiveOn = "2021-08-01"
                $0.reason = "sáp nhập"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_has_union", field: "school_unit_id") {
                _ = try await f.enrol(dissolved, in: campaign)
            }
            // Before the July 2025 reorganisation, a fully state-funded school still had its union.
            let stateFunded = try await f.stateFundedSchool("Trường Tiểu học Thọ Thế", under: org.district)
            let participation = try await f.enrol(stateFunded, in: campaign)
            #expect(participation.schoolUnitID == stateFunded)
        }
    }

    @Test func fromTheReorganisationFullyStateFundedSchoolsHaveNoUnion() async throws {
        try await Organisation.with(today: "2025-10-01") { f, org in
            let campaign = try await f.schoolYearCampaign(year: 2025, launchedBy: org.district)
            let stateFunded = try await f.stateFundedSchool("Trường Tiểu học công lập Thọ Thế", under: org.district)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_has_union", field: "school_unit_id") {
                _ = try await f.enrol(stateFunded, in: campaign, on: "2025-09-10")
            }
            let nonPublic = try await f.school("Trường Tiểu học tư thục Thọ Thế", under: org.district)
            #expect(try await f.enrol(nonPublic, in: campaign, on: "2025-09-10").schoolYear == 2025)
        }
    }

    @Test func onlyRunningTwoGoodsSchoolYearCampaignsTakeSchools() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Tiểu học Dân Lý", under: org.district)
            let general = try await f.schoolYearCampaign(module: "general", launchedBy: org.district)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                _ = try await f.enrol(school, in: general)
            }
            let calendarYear = try await f.campaign(module: TwoGoodsModule.moduleID, launchedBy: org.district, year: 2022)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.period", field: "campaign_id") {
                _ = try await f.enrol(school, in: calendarYear, on: "2022-03-01")
            }
            let draft = try await f.schoolYearCampaign(launchedBy: org.district, launched: false)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await f.enrol(school, in: draft)
            }
            let closed = try await f.schoolYearCampaign(launchedBy: org.district)
            for state: CampaignState in [.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with { $0.id = closed; $0.to = state })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await f.enrol(school, in: closed)
            }
            try await f.expectRefusal(.notFound, rule: "campaign.exists") {
                _ = try await f.enrol(school, in: "p4242")
            }
        }
    }

    @Test func aSchoolTakesPartInOneCampaignAYear() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường THCS Hợp Lý", under: org.district)
            let district = try await f.schoolYearCampaign(launchedBy: org.district)
            let province = try await f.schoolYearCampaign(launchedBy: org.province)
            let first = try await f.enrol(school, in: district)
            try await f.expectRefusal(.alreadyExists, rule: "two_goods.one_campaign_per_year", field: "school_unit_id") {
                _ = try await f.enrol(school, in: district)
            }
            try await f.expectRefusal(.alreadyExists, rule: "two_goods.one_campaign_per_year") {
                _ = try await f.enrol(school, in: province)
            }
            // The next school year is another matter.
            let next = try await f.schoolYearCampaign(year: 2022, launchedBy: org.district)
            let second = try await f.enrol(school, in: next, on: Organisation.today)
            #expect(second.id != first.id)
            #expect(second.schoolYear == 2022)
        }
    }

    @Test func enrolmentDatesAreNeitherFutureNorAfterTheYear() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Mầm non Hợp Tiến", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.enrolment_date", field: "enrolled_on") {
                _ = try await f.enrol(school, in: campaign, on: "2022-07-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format", field: "enrolled_on") {
                _ = try await f.enrol(school, in: campaign, on: "15/09/2021")
            }
        }
    }

    @Test func theSchoolMustBeInTheCampaignsScope() async throws {
        try await Organisation.with { f, org in
            let sector = try await f.unit("Công đoàn ngành Giáo dục huyện", under: org.district, .sectorUnion, .unspecified)
            let inside = try await f.school("Trường THPT Triệu Sơn 1", under: sector)
            let outside = try await f.school("Trường Tiểu học Minh Sơn", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district, scope: sector)
            #expect(try await f.enrol(inside, in: campaign).schoolUnitID == inside)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "school_unit_id") {
                _ = try await f.enrol(outside, in: campaign)
            }
            // A key of the district sees the sector union as inside its subtree: still outside.
            let districtKey = try await f.client(scopedTo: org.district, permissions: ["two_goods.write"])
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope") {
                _ = try await f.enrol(outside, in: campaign, as: districtKey)
            }
            // A province campaign covers a school the district's key enrols, and the school's own key.
            let province = try await f.schoolYearCampaign(year: 2022, launchedBy: org.province)
            #expect(try await f.enrol(outside, in: province, on: Organisation.today, as: districtKey).campaignID == province)
            let schoolKey = try await f.client(scopedTo: inside, permissions: ["two_goods.write"])
            #expect(try await f.enrol(inside, in: province, on: Organisation.today, as: schoolKey).campaignID == province)
        }
    }

    @Test func keysActOnlyInTheirSubtreeAndWithTheirPermissions() async throws {
        try await Organisation.with { f, org in
            let neighbour = try await f.unit("LĐLĐ huyện Thọ Xuân", under: org.province, .districtFederation, .unspecified)
            let school = try await f.school("Trường THCS Thọ Tân", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let participation = try await f.enrol(school, in: campaign)

            let outsider = try await f.client(scopedTo: neighbour, permissions: ["two_goods.read", "two_goods.write"])
            let otherSchool = try await f.school("Trường THCS Thọ Xuân", under: neighbour)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.enrol(otherSchool, in: campaign, as: outsider)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.getParticipation, GetParticipationRequest.with { $0.id = participation.id }, as: outsider)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.listParticipations, ListParticipationsRequest.with {
                    $0.campaignID = campaign
                    $0.unitID = org.district
                }, as: outsider)
            }
            let readOnly = try await f.client(scopedTo: org.district, permissions: ["two_goods.read"])
            let another = try await f.school("Trường Mầm non Thọ Tân", under: org.district)
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.enrol(another, in: campaign, as: readOnly)
            }
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listParticipations, ListParticipationsRequest.with {
                $0.campaignID = campaign
            }, as: readOnly)
            #expect(listed.participations.map(\.id) == [participation.id])
            try await f.expectRefusal(.notFound, rule: "two_goods.participation_exists") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.getParticipation, GetParticipationRequest.with { $0.id = "tp999" })
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "id") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.getParticipation, GetParticipationRequest.with { $0.id = school })
            }
        }
    }

    /// The refusal checks of these tests can fail: a call that succeeds, and so changes the
    /// database, is reported twice.
    @Test func theRefusalCheckNoticesASuccessfulCall() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Tiểu học Tân Ninh", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let failure = await #expect(throws: RefusalExpectationFailed.self) {
                try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_sector") {
                    _ = try await f.enrol(school, in: campaign)
                }
            }
            #expect(failure?.problems.count == 2)
            #expect(failure?.problems.first?.hasSuffix("got success") == true)
            #expect(failure?.problems.last?.hasPrefix("the call changed") == true)
        }
    }

    @Test func listingsArePaged() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            var enrolled: [String] = []
            for index in 1...5 {
                let school = try await f.school("Trường Tiểu học số \(index)", under: org.district)
                enrolled.append(try await f.enrol(school, in: campaign).id)
            }
            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await f.call(Methods.TwoGoods.TwoGoods.listParticipations, ListParticipationsRequest.with {
                    $0.campaignID = campaign
                    $0.pageSize = 2
                    $0.pageToken = token
                })
                #expect(page.participations.count <= 2)
                seen += page.participations.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == enrolled)
            try await f.expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.listParticipations, ListParticipationsRequest.with {
                    $0.campaignID = campaign
                    $0.pageSize = 5000
                })
            }
        }
    }
}
