import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

@testable import Dialogue

/// Dialogues that count toward a campaign of the core.
@Suite struct DialogueCampaignWireTests {
    func campaign(_ f: DialogueFixture, module: String = "dialogue", year: UInt32 = 2025, launch: Bool = true) async throws -> Campaign {
        let created: Campaign = try await f.admin.unary("thidua.core.v1.Campaigns/CreateCampaign", CreateCampaignRequest.with {
            $0.module = module
            $0.title = "Đối thoại định kỳ tại doanh nghiệp năm \(year)"
            $0.launchingUnitID = f.districtID
            $0.periodKind = .calendarYear
            $0.year = year
            $0.metric = "dialogues"
        })
        guard launch else { return created }
        return try await f.admin.unary("thidua.core.v1.Campaigns/LaunchCampaign", LaunchCampaignRequest.with {
            $0.id = created.id
            $0.decisionNumber = "12/QĐ-LĐLĐ"
            $0.decisionDate = "\(year)-01-15"
        })
    }

    @Test func aDialogueWhoseMinutesArePublishedCountsTowardItsCampaign() async throws {
        try await DialogueFixture.with { f in
            let campaign = try await self.campaign(f)
            let planned = try await f.planPeriodic(f.garmentID, campaignID: campaign.id)
            #expect(planned.campaignID == campaign.id)
            _ = try await f.hold(planned.id)
            _ = try await f.publish(planned.id)
            let progress: GetProgressResponse = try await f.admin.unary("thidua.core.v1.Campaigns/GetProgress", GetProgressRequest.with {
                $0.campaignID = campaign.id
            })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func onlyARunningDialogueCampaignOfTheRightPeriodAndScope() async throws {
        try await DialogueFixture.with { f in
            let general = try await self.campaign(f, module: "general")
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module") {
                _ = try await f.planPeriodic(f.garmentID, campaignID: general.id)
            }
            let draft = try await self.campaign(f, launch: false)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running") {
                _ = try await f.planPeriodic(f.garmentID, campaignID: draft.id)
            }
            let lastYear = try await self.campaign(f, year: 2024)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.campaign_period") {
                _ = try await f.planPeriodic(f.garmentID, campaignID: lastYear.id)
            }
            let current = try await self.campaign(f)
            _ = try await f.recordHeadcount(f.elsewhereID, 90, asOf: "2025-01-01")
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope") {
                _ = try await f.planPeriodic(f.elsewhereID, delegation: 5, campaignID: current.id)
            }
            try await f.expectRefusal(.notFound, rule: "campaign.exists") {
                _ = try await f.planPeriodic(f.garmentID, campaignID: "p999")
            }
            // Moved out of the campaign's year, a dialogue no longer fits it.
            let planned = try await f.planPeriodic(f.garmentID, on: "2025-12-10", campaignID: current.id)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.campaign_period") {
                let _: WorkplaceDialogue = try await f.call("Dialogues/UpdateDialogue", UpdateDialogueRequest.with {
                    $0.id = planned.id
                    $0.plannedOn = "2026-01-08"
                    $0.updateMask = ["planned_on"]
                })
            }
        }
    }
}
