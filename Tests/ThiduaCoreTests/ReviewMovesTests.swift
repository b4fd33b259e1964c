import Foundation
import Synchronization
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting

/// A module's review observer hears every move of its reviews, its own submission included, and
/// knows which move it was; a rejected review is sent in again through the kit.
@Suite struct ReviewMovesTests {
    static let subjectType = "thidua.review_probe.v1.Entry"

    @Test func everyMoveReachesTheObserverNamed() async throws {
        // A module that submits through the kit and records every move its observer hears.
        let heard = Mutex<[ReviewReference.Move]>([])
        let follower = ContextProbe(id: "review_probe") { context in
            context.core.observeReviews(of: Self.subjectType) { review, _ in
                heard.withLock { $0.append(review.move) }
            }
        }
        let server = try await TestServer.start(modules: [follower])
        let admin = try await server.connectAsAdmin()
        let key = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
        func unit(_ name: String, under parent: String, _ kind: UnitKind) async throws -> String {
            let unit = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
                $0.parentID = parent
                $0.name = name
                $0.kind = kind
                $0.validFrom = "2020-01-01"
            })
            return unit.id
        }
        let province = try await unit("LĐLĐ tỉnh Thanh Hóa", under: key.unitID, .provincialFederation)
        let district = try await unit("LĐLĐ huyện Triệu Sơn", under: province, .districtFederation)
        let school = try await unit("CĐCS Trường THCS Dân Lực", under: district, .grassrootsUnion)

        let principal = Principal(keyID: key.keyID, scopeUnitID: key.unitID, permissions: ["*"])
        let context = follower.context
        // Transactions of their own, as a module's calls would have inside core.mutate.
        let storage = try server.openStorage()
        let submitted = try await storage.write { db in
            try context.core.submitReview(
                ReviewSubmission(
                    subjectType: Self.subjectType, subjectID: "e1", campaignID: nil, unitID: school,
                    deciderUnitID: province, summary: "Sáng kiến"
                ),
                by: principal, in: db
            )
        }
        #expect(submitted.move == .submitted)
        let reviewID = submitted.id
        _ = try await admin.unary(Methods.Core.Reviews.approveReview, ApproveReviewRequest.with { $0.id = reviewID })
        _ = try await admin.unary(Methods.Core.Reviews.rejectReview, RejectReviewRequest.with {
            $0.id = reviewID
            $0.reason = "thiếu minh chứng"
        })
        let resubmitted = try await storage.write { db in
            try context.core.resubmitReview(reviewID, summary: "Sáng kiến, có minh chứng", by: principal, in: db)
        }
        #expect(resubmitted.round == 2)
        _ = try await admin.unary(Methods.Core.Reviews.approveReview, ApproveReviewRequest.with { $0.id = reviewID })
        _ = try await admin.unary(Methods.Core.Reviews.approveReview, ApproveReviewRequest.with { $0.id = reviewID })
        _ = try await admin.unary(Methods.Core.Reviews.publishReview, PublishReviewRequest.with { $0.id = reviewID })
        _ = try await admin.unary(Methods.Core.Reviews.correctReview, CorrectReviewRequest.with {
            $0.id = reviewID
            $0.reason = "sai tên tác giả"
        })

        #expect(heard.withLock { $0 } == [
            .submitted, .passedOn, .returned, .resubmitted, .passedOn, .decided, .published, .corrected,
        ])
        // Only a rejected review goes in again.
        await #expect(throws: RPCError.self) {
            _ = try await storage.write { db in
                try context.core.resubmitReview(reviewID, summary: nil, by: principal, in: db)
            }
        }
        await admin.close()
        try await server.stop()
    }
}
