import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

@Suite struct ReviewsTests {
    static let tables = ["core_review", "core_review_step"]

    /// A registration of the first grassroots union, and keys at each level above it.
    struct Setup {
        let tree: CampaignTree
        let registration: Registration
        let grassrootsKey: ThiduaClient
        let districtKey: ThiduaClient
        let provinceKey: ThiduaClient

        static func make(_ fixture: CoreFixture) async throws -> Setup {
            let tree = try await CampaignTree.make(fixture)
            let campaign = try await fixture.createCampaign(launchedBy: tree.province.id)
            let registration = try await fixture.register(tree.grassroots[0].id, in: campaign.id)
            return Setup(
                tree: tree,
                registration: registration,
                grassrootsKey: try await fixture.connect(scopedTo: tree.grassroots[0].id, permissions: ["*"]).0,
                districtKey: try await fixture.connect(scopedTo: tree.district.id, permissions: ["*"]).0,
                provinceKey: try await fixture.connect(scopedTo: tree.province.id, permissions: ["*"]).0
            )
        }

        func submit(deciderID: String) async throws -> Review {
            try await self.grassrootsKey.unary(Methods.Core.Reviews.submitReview, SubmitReviewRequest.with {
                $0.registrationID = self.registration.id
                $0.deciderUnitID = deciderID
                $0.summary = "Hoàn thành xuất sắc nhiệm vụ năm 2022"
            })
        }

        func close() async {
            for client in [self.grassrootsKey, self.districtKey, self.provinceKey] { await client.close() }
        }
    }

    static func call(_ method: String, _ id: String, reason: String = "", using client: ThiduaClient) async throws -> Review {
        switch method {
        case "ApproveReview": try await client.unary(Methods.Core.Reviews.approveReview, ApproveReviewRequest.with { $0.id = id })
        case "RejectReview": try await client.unary(Methods.Core.Reviews.rejectReview, RejectReviewRequest.with { $0.id = id; $0.reason = reason })
        case "ResubmitReview": try await client.unary(Methods.Core.Reviews.resubmitReview, ResubmitReviewRequest.with { $0.id = id })
        case "PublishReview": try await client.unary(Methods.Core.Reviews.publishReview, PublishReviewRequest.with { $0.id = id })
        default: try await client.unary(Methods.Core.Reviews.correctReview, CorrectReviewRequest.with { $0.id = id; $0.reason = reason })
        }
    }

    @Test func aReviewClimbsEachLevelIsDecidedPublishedAndThenOnlyCorrected() async throws {
        try await CoreFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            let submitted = try await setup.submit(deciderID: setup.tree.province.id)
            #expect(submitted.levels == [setup.tree.district.id, setup.tree.province.id])
            #expect(submitted.state == .inReview && submitted.currentLevel == 0 && submitted.round == 1)
            let id = submitted.id

            // Each level acts only at its own turn, and only with a key that reaches it.
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.subtree", tables: Self.tables) {
                _ = try await Self.call("ApproveReview", id, using: setup.grassrootsKey)
            }
            let atProvince = try await Self.call("ApproveReview", id, using: setup.districtKey)
            #expect(atProvince.currentLevel == 1 && atProvince.state == .inReview)
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.subtree", tables: Self.tables) {
                _ = try await Self.call("ApproveReview", id, using: setup.districtKey)
            }
            let decided = try await Self.call("ApproveReview", id, using: setup.provinceKey)
            #expect(decided.state == .decided)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.transition", tables: Self.tables) {
                _ = try await Self.call("RejectReview", id, reason: "late", using: setup.provinceKey)
            }
            let published = try await Self.call("PublishReview", id, using: setup.provinceKey)
            #expect(published.state == .published)
            #expect(published.steps.map(\.action) == ["submitted", "approved", "decided", "published"])

            for method in ["ApproveReview", "RejectReview", "ResubmitReview", "PublishReview"] {
                try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.published_immutable", tables: Self.tables) {
                    _ = try await Self.call(method, id, reason: "x", using: fixture.admin)
                }
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.published_immutable", tables: Self.tables) {
                _ = try await setup.submit(deciderID: setup.tree.province.id)
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "field.required", tables: Self.tables) {
                _ = try await Self.call("CorrectReview", id, using: setup.provinceKey)
            }
            let correction = try await Self.call("CorrectReview", id, reason: "sai số liệu sáng kiến", using: setup.provinceKey)
            #expect(correction.correctsReviewID == id && correction.state == .inReview && correction.levels == published.levels)
            let original = try await fixture.admin.unary(Methods.Core.Reviews.getReview, GetReviewRequest.with { $0.id = id })
            #expect(original.state == .published && original.steps == published.steps && original.summary == published.summary)
            #expect(original.correctedByReviewID == correction.id)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.already_corrected", tables: Self.tables) {
                _ = try await Self.call("CorrectReview", id, reason: "again", using: setup.provinceKey)
            }
            await setup.close()
        }
    }

    @Test func aRejectionCarriesItsReasonAndAResubmissionStartsAgainAtTheFirstLevel() async throws {
        try await CoreFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            let id = try await setup.submit(deciderID: setup.tree.province.id).id
            _ = try await Self.call("ApproveReview", id, using: setup.districtKey)
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "review.reason_required", tables: Self.tables) {
                _ = try await Self.call("RejectReview", id, reason: "  ", using: setup.provinceKey)
            }
            let auditBefore = try fixture.count("core_audit")
            let rejected = try await Self.call("RejectReview", id, reason: "thiếu minh chứng", using: setup.provinceKey)
            #expect(try fixture.count("core_audit") == auditBefore + 1)
            #expect(rejected.state == .rejected && rejected.steps.last?.reason == "thiếu minh chứng")
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.already_open", tables: Self.tables) {
                _ = try await setup.submit(deciderID: setup.tree.province.id)
            }
            let again = try await Self.call("ResubmitReview", id, using: setup.grassrootsKey)
            #expect(again.state == .inReview && again.currentLevel == 0 && again.round == 2)
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.subtree", tables: Self.tables) {
                _ = try await Self.call("ApproveReview", id, using: setup.grassrootsKey)
            }
            let listed = try await setup.districtKey.unary(Methods.Core.Reviews.listReviews, ListReviewsRequest.with {
                $0.waitingForUnitID = setup.tree.district.id
            })
            #expect(listed.reviews.map(\.id) == [id])
            await setup.close()
        }
    }

    @Test func theDeciderMustBeAboveTheSubmitter() async throws {
        try await CoreFixture.with { fixture in
            let setup = try await Setup.make(fixture)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "review.decider_above", tables: Self.tables) {
                _ = try await setup.submit(deciderID: setup.tree.grassroots[1].id)
            }
            let toParent = try await setup.submit(deciderID: "")
            #expect(toParent.levels == [setup.tree.district.id])
            await setup.close()
        }
    }
}
