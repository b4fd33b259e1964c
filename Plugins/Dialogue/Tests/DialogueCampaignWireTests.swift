import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaCoreAPI
import ThiduaWire

@testable import Dialogue

/// Dialogues that count toward a campaign of the core.
@Suite struct DialogueCampaignWireTests {
    @Test func aDialogueWhoseMinutesArePublishedCountsTowardItsCampaign() async throws {
        try await DialogueFixture.with { f, org in
            let campaign = try await f.campaign(module: "dialogue", launchedBy: org.districtID, year: 2025)
            let planned = try await f.planPeriodic(org.garmentID, campaignID: campaign)
            #expect(planned.campaignID == campaign)
            _ = try await f.hold(planned.id)
            _ = try await f.publish(planned.id)
            let progress = try await f.call(Methods.Core.Campaigns.getProgress, .with { $0.campaignID = campaign })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func onlyARunningDialogueCampaignOfTheRightPeriodAndScope() async throws {
        try await DialogueFixture.with { f, org in
            let general = try await f.campaign(module: "general", launchedBy: org.districtID, year: 2025)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module") {
                _ = try await f.planPeriodic(org.garmentID, campaignID: general)
            }
            let draft = try await f.campaign(module: "dialogue", launchedBy: org.districtID, year: 2025, launched: false)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running") {
                _ = try await f.planPeriodic(org.garmentID, campaignID: draft)
            }
            let lastYear = try await f.campaign(module: "dialogue", launchedBy: org.districtID, year: 2024)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.campaign_period") {
                _ = try await f.planPeriodic(org.garmentID, campaignID: lastYear)
            }
            let current = try await f.campaign(module: "dialogue", launchedBy: org.districtID, year: 2025)
            _ = try await f.recordHeadcount(org.elsewhereID, 90, asOf: "2025-01-01")
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope") {
                _ = try await f.planPeriodic(org.elsewhereID, delegation: 5, campaignID: current)
            }
            try await f.expectRefusal(.notFound, rule: "campaign.exists") {
                _ = try await f.planPeriodic(org.garmentID, campaignID: "p999")
            }
            // Moved out of the campaign's year, a dialogue no longer fits it.
            let planned = try await f.planPeriodic(org.garmentID, on: "2025-12-10", campaignID: current)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.campaign_period") {
                _ = try await f.call(Methods.Dialogue.Dialogues.updateDialogue, .with {
                    $0.id = planned.id
                    $0.plannedOn = "2026-01-08"
                    $0.updateMask = ["planned_on"]
                })
            }
        }
    }
}
