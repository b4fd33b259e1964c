import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// The core's campaign part of the demo (seed 000): the province's innovation campaign of the
/// 2021-2022 school year with the district's target of 1,500, and the awards of the report.
enum CampaignDemo {
    static let title = "Phong trào Lao động giỏi, Lao động sáng tạo năm học 2021-2022"
    static let target: UInt64 = 1_500
    /// Counted by the innovation module when the server has it; reported directly otherwise.
    static let initiatives: UInt64 = 7_929
    static let seasonAchievement = "Thành tích phong trào thi đua năm học 2021-2022"
    static let initiativesAchievement = "Chương trình 1 triệu sáng kiến năm học 2021-2022"

    static func load(into world: DemoWorld) async throws {
        let client = world.client
        let module = world.modules.contains("innovation") ? "innovation" : "general"
        let draft = try await client.unary(Methods.Core.Campaigns.createCampaign, CreateCampaignRequest.with {
            $0.module = module
            $0.title = Self.title
            $0.launchingUnitID = world.provinceID
            $0.periodKind = .schoolYear
            $0.year = 2021
            $0.metric = "initiatives"
        })
        let campaign = try await client.unary(Methods.Core.Campaigns.launchCampaign, LaunchCampaignRequest.with {
            $0.id = draft.id
            $0.decisionNumber = "125/QĐ-LĐLĐ"
            $0.decisionDate = "2021-09-10"
        })
        _ = try await client.unary(Methods.Core.Campaigns.setTarget, SetTargetRequest.with {
            $0.campaignID = campaign.id
            $0.unitID = world.districtID
            $0.planned = Self.target
            $0.reason = "chỉ tiêu LĐLĐ tỉnh giao"
        })
        _ = try await client.unary(Methods.Core.Campaigns.advanceCampaign, AdvanceCampaignRequest.with {
            $0.id = campaign.id
            $0.to = .inProgress
        })
        if module == "general" {
            try await self.reportInitiatives(campaign: campaign.id, world: world)
        }
        try await self.grantAwards(campaign: campaign.id, world: world)
        standardError("launched the innovation campaign with a target of \(Self.target) and granted the awards of the report\n")
    }

    /// Without the innovation module, the district's count is reported over the grassroots unions.
    private static func reportInitiatives(campaign: String, world: DemoWorld) async throws {
        let units = world.unitIDsByCode.keys.sorted().compactMap { world.unitIDsByCode[$0] }
        for (index, unit) in units.enumerated() {
            let share = Self.initiatives / UInt64(units.count) + (UInt64(index) < Self.initiatives % UInt64(units.count) ? 1 : 0)
            _ = try await world.client.unary(Methods.Core.Campaigns.reportProgress, ReportProgressRequest.with {
                $0.campaignID = campaign
                $0.unitID = unit
                $0.achieved = share
            })
        }
    }

    /// Seed 000's awards outside the schools' commendations: Bằng khen of the confederation
    /// (1 collective, 5 individuals), the province's Cờ thi đua (1 collective) and Bằng khen (6 and
    /// 8), and the district's Giấy khen for the initiatives programme (19 and 53).
    private static func grantAwards(campaign: String, world: DemoWorld) async throws {
        // Collectives and people from the communes, agencies and enterprises, each rewarded once.
        var collectives = world.unitIDsByCode.filter { !$0.key.hasPrefix("TS-TH") }.sorted { $0.key < $1.key }.map(\.value)[...]
        var people = try await self.members(outsideSchools: world)[...]
        let batches: [(form: String, issuer: String, collectives: Int, individuals: Int, achievement: String, campaign: String)] = [
            ("bang_khen_tld", world.rootID, 1, 5, Self.seasonAchievement, ""),
            ("co_thi_dua_tinh", world.provinceID, 1, 0, Self.seasonAchievement, ""),
            ("bang_khen_tinh", world.provinceID, 6, 8, Self.seasonAchievement, ""),
            ("giay_khen", world.districtID, 19, 53, Self.initiativesAchievement, campaign),
        ]
        for batch in batches {
            var grants: [GrantAwardRequest] = []
            for unit in collectives.prefix(batch.collectives) {
                grants.append(self.grant(batch.form, by: batch.issuer, unit: unit, member: "", for: batch.achievement, campaign: batch.campaign))
            }
            for member in people.prefix(batch.individuals) {
                grants.append(self.grant(batch.form, by: batch.issuer, unit: member.unitID, member: member.id, for: batch.achievement, campaign: batch.campaign))
            }
            collectives = collectives.dropFirst(batch.collectives)
            people = people.dropFirst(batch.individuals)
            for request in grants {
                _ = try await world.client.unary(Methods.Core.Awards.grantAward, request)
            }
        }
    }

    private static func grant(_ form: String, by issuer: String, unit: String, member: String, for achievement: String, campaign: String) -> GrantAwardRequest {
        GrantAwardRequest.with {
            $0.formCode = form
            $0.issuingUnitID = issuer
            $0.recipientUnitID = unit
            $0.recipientMemberID = member
            $0.achievement = achievement
            $0.campaignID = campaign
            $0.decisionNumber = "\(form == "giay_khen" ? 210 : 95)/QĐ-KT"
            $0.decisionDate = "2022-08-15"
        }
    }

    private static func members(outsideSchools world: DemoWorld) async throws -> [Member] {
        let schools = Set(world.unitIDsByCode.filter { $0.key.hasPrefix("TS-TH") }.map(\.value))
        let page = try await world.client.unary(Methods.Core.Members.listMembers, ListMembersRequest.with {
            $0.unitID = world.districtID
            $0.includeSubtree = true
            $0.page.pageSize = 1000
        })
        return page.members.filter { $0.unionMember && !schools.contains($0.unitID) }
    }

    static func printSummary(of world: DemoWorld) async throws {
        let campaigns = try await world.client.unary(Methods.Core.Campaigns.listCampaigns, ListCampaignsRequest.with {
            $0.unitID = world.districtID
            $0.year = 2021
        })
        if let campaign = campaigns.campaigns.first(where: { $0.title == Self.title }) {
            let progress = try await world.client.unary(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
                $0.campaignID = campaign.id
                $0.unitID = world.districtID
            })
            let total = progress.total
            standardOutput("  \(campaign.title) (\(campaign.id), module \(campaign.module)): \(total.achieved) \(campaign.metric) of \(total.planned) planned = \(total.percentOfPlan)%\n")
        }
        let awards = try await world.client.unary(Methods.Core.Reports.awardSummary, AwardSummaryRequest.with {
            $0.unitID = world.districtID
            $0.from = "2021-09-01"
            $0.to = "2022-08-31"
        })
        let levels: [UnitKind: String] = [
            .confederation: "confederation", .provincialFederation: "province", .districtFederation: "district",
        ]
        standardOutput("  awards of the 2021-2022 school year: \(awards.collectiveAwards) to collectives, \(awards.individualAwards) to individuals\n")
        for count in awards.counts {
            let whom = (count.recipients == .collective ? "collective" : "individual") + (count.count == 1 ? "" : "s")
            standardOutput("    \(count.formName) (\(levels[count.issuingKind] ?? "\(count.issuingKind)")): \(count.count) \(whom)\n")
        }
    }
}
