import Foundation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// What the campaign, review and award methods are called on: things of another province.
struct ForeignObjects: Sendable {
    let province: String
    let commune: String
    let grassroots: String
    let campaign: String
    let draftCampaign: String
    let registration: String
    let review: String
    let award: String
    let cluster: String
}

private func probe<Request, Response>(
    _ method: UnaryMethod<Request, Response>,
    _ request: @escaping @Sendable (ForeignObjects) -> Request
) -> (String, @Sendable (ThiduaClient, ForeignObjects) async throws -> Void) {
    (method.path, { client, foreign in _ = try await client.unary(method, request(foreign)) })
}

let everyCampaignTargetedCall = [
    probe(Methods.Core.Campaigns.createCampaign) { f in
        CreateCampaignRequest.with { $0.module = "general"; $0.title = "x"; $0.launchingUnitID = f.province; $0.periodKind = .calendarYear; $0.year = 2024 }
    },
    probe(Methods.Core.Campaigns.getCampaign) { f in GetCampaignRequest.with { $0.id = f.campaign } },
    probe(Methods.Core.Campaigns.listCampaigns) { f in ListCampaignsRequest.with { $0.unitID = f.province } },
    probe(Methods.Core.Campaigns.launchCampaign) { f in
        LaunchCampaignRequest.with { $0.id = f.draftCampaign; $0.decisionNumber = "1/QĐ"; $0.decisionDate = "2024-01-02" }
    },
    probe(Methods.Core.Campaigns.advanceCampaign) { f in AdvanceCampaignRequest.with { $0.id = f.campaign; $0.to = .inProgress } },
    probe(Methods.Core.Campaigns.setTarget) { f in SetTargetRequest.with { $0.campaignID = f.campaign; $0.unitID = f.commune; $0.planned = 5 } },
    probe(Methods.Core.Campaigns.registerForCampaign) { f in RegisterForCampaignRequest.with { $0.campaignID = f.campaign; $0.unitID = f.commune } },
    probe(Methods.Core.Campaigns.listRegistrations) { f in ListRegistrationsRequest.with { $0.campaignID = f.campaign } },
    probe(Methods.Core.Campaigns.reportProgress) { f in
        ReportProgressRequest.with { $0.campaignID = f.campaign; $0.unitID = f.grassroots; $0.achieved = 1 }
    },
    probe(Methods.Core.Campaigns.getProgress) { f in GetProgressRequest.with { $0.campaignID = f.campaign } },
    probe(Methods.Core.Campaigns.rankCluster) { f in RankClusterRequest.with { $0.campaignID = f.campaign; $0.clusterID = f.cluster } },
    probe(Methods.Core.Reviews.submitReview) { f in SubmitReviewRequest.with { $0.registrationID = f.registration } },
    probe(Methods.Core.Reviews.getReview) { f in GetReviewRequest.with { $0.id = f.review } },
    probe(Methods.Core.Reviews.listReviews) { f in ListReviewsRequest.with { $0.unitID = f.province } },
    probe(Methods.Core.Reviews.approveReview) { f in ApproveReviewRequest.with { $0.id = f.review } },
    probe(Methods.Core.Reviews.rejectReview) { f in RejectReviewRequest.with { $0.id = f.review; $0.reason = "probe" } },
    probe(Methods.Core.Reviews.resubmitReview) { f in ResubmitReviewRequest.with { $0.id = f.review } },
    probe(Methods.Core.Reviews.publishReview) { f in PublishReviewRequest.with { $0.id = f.review } },
    probe(Methods.Core.Reviews.correctReview) { f in CorrectReviewRequest.with { $0.id = f.review; $0.reason = "probe" } },
    probe(Methods.Core.Awards.grantAward) { f in
        GrantAwardRequest.with {
            $0.formCode = "bang_khen_tinh"; $0.issuingUnitID = f.province; $0.recipientUnitID = f.grassroots
            $0.achievement = "probe"; $0.decisionNumber = "1/QĐ"; $0.decisionDate = "2024-05-01"
        }
    },
    probe(Methods.Core.Awards.revokeAward) { f in RevokeAwardRequest.with { $0.id = f.award; $0.reason = "probe" } },
    probe(Methods.Core.Awards.getAward) { f in GetAwardRequest.with { $0.id = f.award } },
    probe(Methods.Core.Awards.listAwards) { f in ListAwardsRequest.with { $0.unitID = f.province } },
    probe(Methods.Core.Reports.awardSummary) { f in AwardSummaryRequest.with { $0.unitID = f.province } },
    probe(Methods.Core.Reports.registrationSummary) { f in
        RegistrationSummaryRequest.with { $0.unitID = f.province; $0.year = 2024 }
    },
]

@Suite(.serialized) struct CampaignScopeTests {
    @Test(arguments: [UInt64(4), 5, 6])
    func noCampaignReviewOrAwardMethodReachesAnotherProvince(seed: UInt64) async throws {
        var random = SeededGenerator(state: seed)
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            var provinces: [(province: Unit, communes: [Unit], grassroots: [Unit])] = []
            for p in 0..<3 {
                let province = try await fixture.createUnit("Tỉnh \(p)", under: root, kind: .provincialFederation)
                var communes: [Unit] = []
                var grassroots: [Unit] = []
                for c in 0..<Int.random(in: 1...2, using: &random) {
                    let commune = try await fixture.createUnit("Xã \(p)-\(c)", under: province.id, kind: .communeUnion)
                    communes.append(commune)
                    grassroots.append(try await fixture.createUnit("CĐCS \(p)-\(c)", under: commune.id, sector: .school))
                }
                provinces.append((province, communes, grassroots))
            }
            // The key: a random province, or a commune of one; the foreign objects: another province's.
            let home = Int.random(in: 0..<3, using: &random)
            let scope = Bool.random(using: &random) ? provinces[home].province : provinces[home].communes[0]
            let away = provinces[(home + Int.random(in: 1...2, using: &random)) % 3]
            let foreign = try await Self.objects(in: away, using: fixture)
            let (client, _) = try await fixture.connect(scopedTo: scope.id, permissions: ["*"])

            for (method, call) in everyCampaignTargetedCall {
                let before = try fixture.snapshot(["core_campaign", "core_registration", "core_review", "core_award", "core_target", "core_progress"])
                await expectRefusal(.permissionDenied, rule: "scope.subtree") {
                    do { try await call(client, foreign) } catch { throw Self.naming(method, error) }
                }
                #expect(try fixture.snapshot(["core_campaign", "core_registration", "core_review", "core_award", "core_target", "core_progress"]) == before, "\(method)")
            }
            // Listings without a root stay inside the key's subtree.
            let campaigns = try await client.unary(Methods.Core.Campaigns.listCampaigns, ListCampaignsRequest())
            #expect(!campaigns.campaigns.contains { $0.id == foreign.campaign || $0.id == foreign.draftCampaign })
            let awards = try await client.unary(Methods.Core.Awards.listAwards, ListAwardsRequest())
            #expect(awards.awards.isEmpty)
            let reviews = try await client.unary(Methods.Core.Reviews.listReviews, ListReviewsRequest())
            #expect(reviews.reviews.isEmpty)
            await client.close()
        }
    }

    /// Adds the method's name to a refusal, so a failing probe says which method leaked.
    static func naming(_ method: String, _ error: any Error) -> any Error {
        guard let error = error as? RPCError else { return error }
        return RPCError(error.code, "\(method): \(error.message)", details: error.details)
    }

    static func objects(in province: (province: Unit, communes: [Unit], grassroots: [Unit]), using fixture: CoreFixture) async throws -> ForeignObjects {
        let campaign = try await fixture.createCampaign(launchedBy: province.province.id, year: 2024)
        let draft = try await fixture.createCampaign(launchedBy: province.province.id, year: 2024, launch: false)
        let registration = try await fixture.register(province.grassroots[0].id, in: campaign.id)
        let review = try await fixture.admin.unary(Methods.Core.Reviews.submitReview, SubmitReviewRequest.with {
            $0.registrationID = registration.id; $0.deciderUnitID = province.province.id
        })
        let award = try await AwardsTests.grant("giay_khen", by: province.communes[0].id, to: province.grassroots[0].id, for: "2024", using: fixture.admin)
        let cluster = try await fixture.admin.unary(Methods.Core.Units.createCluster, CreateClusterRequest.with {
            $0.name = "Cụm"; $0.year = 2024; $0.headUnitID = province.grassroots[0].id; $0.unitIds = province.grassroots.map(\.id)
        })
        return ForeignObjects(
            province: province.province.id, commune: province.communes[0].id, grassroots: province.grassroots[0].id,
            campaign: campaign.id, draftCampaign: draft.id, registration: registration.id, review: review.id,
            award: award.id, cluster: cluster.id
        )
    }
}
