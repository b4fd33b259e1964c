import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

@Suite struct CampaignsTests {
    static let campaignTables = ["core_campaign", "core_target", "core_progress", "core_registration"]

    @Test func aCampaignIsLaunchedWithItsDecisionAndAdvancesStepByStep() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let draft = try await fixture.createCampaign(launchedBy: tree.district.id, period: .schoolYear, year: 2021, launch: false)
            #expect(draft.state == .draft)
            #expect(draft.scopeUnitID == tree.district.id)
            #expect(draft.period.startsOn == "2021-09-01" && draft.period.endsOn == "2022-08-31" && draft.period.rounds.count == 2)

            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.registration_open", tables: Self.campaignTables) {
                try await fixture.register(tree.grassroots[0].id, in: draft.id)
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "field.required", tables: Self.campaignTables) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
                    $0.id = draft.id
                    $0.decisionNumber = "15/QĐ-LĐLĐ"
                })
            }
            let launched = try await fixture.admin.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
                $0.id = draft.id
                $0.decisionNumber = "15/QĐ-LĐLĐ"
                $0.decisionDate = "2021-09-05"
            })
            #expect(launched.state == .launched && launched.decisionNumber == "15/QĐ-LĐLĐ" && launched.decisionDate == "2021-09-05")

            func advance(_ to: CampaignState) async throws -> Campaign {
                try await fixture.admin.unary(Methods.Core.Campaigns.advanceCampaign, AdvanceCampaignRequest.with { $0.id = draft.id; $0.to = to })
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.transition", tables: Self.campaignTables) {
                _ = try await advance(.closed)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.transition", tables: Self.campaignTables) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
                    $0.id = draft.id; $0.decisionNumber = "16/QĐ"; $0.decisionDate = "2021-09-06"
                })
            }
            #expect(try await advance(.inProgress).state == .inProgress)
            #expect(try await advance(.interimReviewed).state == .interimReviewed)
            #expect(try await advance(.closed).state == .closed)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.closed", tables: Self.campaignTables) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.setTarget, SetTargetRequest.with {
                    $0.campaignID = draft.id; $0.unitID = tree.grassroots[0].id; $0.planned = 10
                })
            }
        }
    }

    @Test func badCampaignsAreRefused() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            func create(_ change: (inout CreateCampaignRequest) -> Void) async throws {
                var request = CreateCampaignRequest.with {
                    $0.module = "general"; $0.title = "Thi đua"; $0.launchingUnitID = tree.district.id
                    $0.periodKind = .calendarYear; $0.year = 2022
                }
                change(&request)
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.createCampaign, request)
            }
            let tables = Self.campaignTables
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "campaign.module_known", tables: tables) {
                try await create { $0.module = "innovation" }
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "field.enum", tables: tables) {
                try await create { $0.periodKind = .unspecified }
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "campaign.year", tables: tables) {
                try await create { $0.year = 1999 }
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.scope_under_launcher", tables: tables) {
                try await create { $0.scopeUnitID = tree.province.id }
            }
            try await fixture.expectRefusedUnchanged(.notFound, rule: "campaign.exists", tables: tables) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.getCampaign, GetCampaignRequest.with { $0.id = "p999" })
            }
        }
    }

    @Test func targetsAreSetFromAboveAndProgressRollsUpAndRanks() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let campaign = try await fixture.createCampaign(launchedBy: tree.province.id)
            let (provinceKey, _) = try await fixture.connect(scopedTo: tree.province.id, permissions: ["*"])
            func setTarget(_ unit: Unit, _ planned: UInt64, using client: ThiduaClient) async throws {
                _ = try await client.unary(Methods.Core.Campaigns.setTarget, SetTargetRequest.with {
                    $0.campaignID = campaign.id; $0.unitID = unit.id; $0.planned = planned
                })
            }
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "target.set_by_parent", tables: Self.campaignTables) {
                try await setTarget(tree.province, 9_000, using: provinceKey)
            }
            try await setTarget(tree.district, 1_500, using: provinceKey)
            try await setTarget(tree.grassroots[0], 500, using: provinceKey)
            try await setTarget(tree.grassroots[1], 500, using: provinceKey)

            for (unit, achieved) in zip(tree.grassroots, [600, 900, 100] as [UInt64]) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.reportProgress, ReportProgressRequest.with {
                    $0.campaignID = campaign.id; $0.unitID = unit.id; $0.achieved = achieved
                })
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "progress.achieved", tables: Self.campaignTables) {
                _ = try await fixture.admin.unary(Methods.Core.Campaigns.reportProgress, ReportProgressRequest.with {
                    $0.campaignID = campaign.id; $0.unitID = tree.grassroots[0].id; $0.achieved = 0
                })
            }

            let district = try await fixture.admin.unary(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
                $0.campaignID = campaign.id; $0.unitID = tree.district.id
            })
            #expect(district.total.planned == 1_500 && district.total.achieved == 1_600 && district.total.percentOfPlan == 106.7)
            #expect(district.children.map(\.percentOfPlan) == [120, 180, 0])
            // The province has no target of its own: its plan is the district's.
            let province = try await fixture.admin.unary(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
                $0.campaignID = campaign.id
            })
            #expect(province.total.unitID == tree.province.id && province.total.planned == 1_500 && province.total.achieved == 1_600)

            let cluster = try await fixture.admin.unary(Methods.Core.Units.createCluster, CreateClusterRequest.with {
                $0.name = "Cụm 1"; $0.year = 2022; $0.headUnitID = tree.grassroots[0].id; $0.unitIds = tree.grassroots.map(\.id)
            })
            let ranking = try await fixture.admin.unary(Methods.Core.Campaigns.rankCluster, RankClusterRequest.with {
                $0.campaignID = campaign.id; $0.clusterID = cluster.id
            })
            #expect(ranking.units.map(\.unitID) == [tree.grassroots[1].id, tree.grassroots[0].id, tree.grassroots[2].id])
            #expect(ranking.units.map(\.rank) == [1, 2, 3])
            await provinceKey.close()
        }
    }

    @Test func unitsAndPeopleRegisterOnceWithTitlesFromTheCatalogue() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let campaign = try await fixture.createCampaign(launchedBy: tree.district.id)
            let unit = tree.grassroots[0]
            let registration = try await fixture.register(unit.id, titles: ["tap_the_lao_dong_xuat_sac"], in: campaign.id)
            #expect(registration.id.hasPrefix("g") && registration.titles == ["tap_the_lao_dong_xuat_sac"])
            try await fixture.register(unit.id, member: tree.members[0].id, titles: ["lao_dong_tien_tien", "chien_si_thi_dua_co_so"], in: campaign.id)

            let tables = Self.campaignTables
            try await fixture.expectRefusedUnchanged(.alreadyExists, rule: "registration.once", tables: tables) {
                try await fixture.register(unit.id, in: campaign.id)
            }
            try await fixture.expectRefusedUnchanged(.notFound, rule: "award.form_exists", tables: tables) {
                try await fixture.register(tree.grassroots[1].id, titles: ["huan_chuong_vu_tru"], in: campaign.id)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.recipient_kind", tables: tables) {
                try await fixture.register(tree.grassroots[1].id, titles: ["lao_dong_tien_tien"], in: campaign.id)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "registration.member_of_unit", tables: tables) {
                try await fixture.register(tree.grassroots[1].id, member: tree.members[0].id, in: campaign.id)
            }
            let other = try await fixture.createUnit("LĐLĐ huyện Quan Hóa", under: tree.province.id, kind: .districtFederation)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "campaign.scope", tables: tables) {
                try await fixture.register(other.id, in: campaign.id)
            }
            let listed = try await fixture.admin.unary(
                Methods.Core.Campaigns.listRegistrations, ListRegistrationsRequest.with { $0.campaignID = campaign.id }
            )
            #expect(listed.registrations.count == 2)

            let summary = try await fixture.admin.unary(
                Methods.Core.Reports.registrationSummary, RegistrationSummaryRequest.with { $0.unitID = tree.district.id; $0.year = 2022 }
            )
            let counted = try #require(summary.campaigns.first { $0.campaignID == campaign.id })
            #expect(counted.units == 1 && counted.people == 1)
            #expect(counted.unitsBySector.map(\.sector) == [.communeTown])
        }
    }

    @Test func aGrassrootsKeySeesTheCampaignsThatCoverItButCannotRunThem() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let campaign = try await fixture.createCampaign(launchedBy: tree.district.id)
            let (key, _) = try await fixture.connect(scopedTo: tree.grassroots[0].id, permissions: ["*"])
            let seen = try await key.unary(Methods.Core.Campaigns.getCampaign, GetCampaignRequest.with { $0.id = campaign.id })
            #expect(seen.id == campaign.id)
            let listed = try await key.unary(Methods.Core.Campaigns.listCampaigns, ListCampaignsRequest())
            #expect(listed.campaigns.map(\.id) == [campaign.id])
            try await fixture.register(tree.grassroots[0].id, in: campaign.id, using: key)
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.subtree", tables: Self.campaignTables) {
                _ = try await key.unary(Methods.Core.Campaigns.advanceCampaign, AdvanceCampaignRequest.with {
                    $0.id = campaign.id; $0.to = .inProgress
                })
            }
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.subtree", tables: Self.campaignTables) {
                try await fixture.register(tree.grassroots[1].id, in: campaign.id, using: key)
            }
            await key.close()
        }
    }
}
