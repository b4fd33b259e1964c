import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Innovation

/// Recognition through the core's review workflow, followed by the initiative step by step.
@Suite struct RecognitionWorkflowTests {
    @Test func aRecognisedInitiativeCountsTowardTheCampaignAndItsAuthorSeesEveryStep() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            let submitted = try await f.submit(filed.id)
            #expect(submitted.state == .inReview)
            #expect(submitted.reviewID.hasPrefix("r"))
            let review = try await f.call(Methods.Core.Reviews.getReview, .with { $0.id = submitted.reviewID })
            #expect(review.subjectType == "thidua.innovation.v1.Initiative")
            #expect(review.subjectID == filed.id)
            #expect(review.campaignID == org.campaignID)
            #expect(review.levels == [org.districtID])
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 0)

            let decided = try await f.approve(reviewID: review.id)
            #expect(decided.state == .decided)
            let recognised = try await f.initiative(filed.id)
            #expect(recognised.state == .recognised)
            #expect(recognised.recognisedOn == InnovationFixture.today)
            #expect(recognised.counted)
            #expect(try await f.progress(of: org.schoolID, in: org.campaignID).achieved == 1)
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 1)

            _ = try await f.call(Methods.Core.Reviews.publishReview, .with { $0.id = review.id })
            let published = try await f.initiative(filed.id)
            #expect(published.state == .published)
            #expect(published.history.map(\.action) == ["filed", "submitted", "recognised", "published"])
            #expect(published.history.map(\.state) == [.filed, .inReview, .recognised, .published])
            #expect(published.history.dropFirst().allSatisfy { $0.reviewID == review.id })
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 1)

            // The author follows it with a key of her own unit.
            let author = try await f.client(scopedTo: org.schoolID, permissions: ["innovation.read"])
            let mine = try await f.call(
                Methods.Innovation.Initiatives.listAuthorInitiatives,
                .with { $0.memberID = org.teacherID },
                as: author
            )
            #expect(mine.initiatives == [published])
        }
    }

    @Test func eachLevelOfALongerReviewIsAStepTheAuthorSees() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            let submitted = try await f.call(
                Methods.Innovation.Initiatives.submitInitiative,
                .with { $0.id = filed.id; $0.deciderUnitID = f.rootUnitID }
            )
            let first = try await f.approve(reviewID: submitted.reviewID)
            #expect(first.state == .inReview)
            #expect(try await f.initiative(filed.id).history.map(\.action) == ["filed", "submitted", "advanced"])
            try await f.approve(reviewID: submitted.reviewID)
            #expect(try await f.initiative(filed.id).state == .recognised)
        }
    }

    @Test func aRecognitionAppliedOutsideTheWindowIsNotCounted() async throws {
        try await InnovationFixture.with { f, org in
            var request = org.filing()
            request.firstAppliedOn = "2021-08-31"  // the school year starts on 1 September
            let filed = try await f.file(request)
            let submitted = try await f.submit(filed.id)
            try await f.approve(reviewID: submitted.reviewID)
            let recognised = try await f.initiative(filed.id)
            #expect(recognised.state == .recognised)
            #expect(!recognised.counted)
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 0)
        }
    }

    @Test func aReturnedInitiativeIsFixedAndResubmittedButOnlyIfItStillQualifies() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            let submitted = try await f.submit(filed.id)
            _ = try await f.call(Methods.Core.Reviews.rejectReview, .with {
                $0.id = submitted.reviewID
                $0.reason = "Chưa có biên bản áp dụng thử"
            })
            let returned = try await f.initiative(filed.id)
            #expect(returned.state == .returned)
            #expect(returned.history.last?.action == "returned")
            #expect(returned.history.last?.reason == "Chưa có biên bản áp dụng thử")

            // Changed so that it no longer qualifies: the core's resubmission is refused.
            _ = try await f.call(
                Methods.Innovation.Initiatives.updateInitiative,
                .with {
                    $0.id = filed.id
                    $0.updateMask = ["benefit_vnd"]
                    $0.benefitVnd = 0
                    $0.reason = "chưa tính được giá trị làm lợi"
                }
            )
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.benefit_stated") {
                _ = try await f.call(Methods.Core.Reviews.resubmitReview, .with { $0.id = submitted.reviewID })
            }

            let fixed = try await f.call(
                Methods.Innovation.Initiatives.updateInitiative,
                .with {
                    $0.id = filed.id
                    $0.updateMask = ["application", "benefit_vnd", "benefit_note"]
                    $0.application = .trialApplied
                    $0.benefitVnd = 42_000_000
                    $0.benefitNote = "Tiết kiệm giấy in đề kiểm tra"
                }
            )
            #expect(fixed.application == .trialApplied)
            #expect(fixed.firstAppliedOn == "2022-03-01")
            _ = try await f.call(Methods.Core.Reviews.resubmitReview, .with { $0.id = submitted.reviewID })
            try await f.approve(reviewID: submitted.reviewID)
            let recognised = try await f.initiative(filed.id)
            #expect(recognised.state == .recognised)
            #expect(recognised.history.map(\.action) == ["filed", "submitted", "returned", "updated", "updated", "resubmitted", "recognised"])
        }
    }

    @Test func submissionNeedsAFiledInitiativeThatWasAppliedWithItsBenefit() async throws {
        try await InnovationFixture.with { f, org in
            var notApplied = org.filing("Chưa áp dụng")
            notApplied.application = .notApplied
            notApplied.firstAppliedOn = ""
            let pending = try await f.file(notApplied)
            var noBenefit = org.filing("Chưa có giá trị làm lợi")
            noBenefit.benefitVnd = 0
            let unmeasured = try await f.file(noBenefit)
            let ready = try await f.file(org.filing())
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.applied", field: "application") {
                _ = try await f.submit(pending.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.benefit_stated", field: "benefit_vnd") {
                _ = try await f.submit(unmeasured.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "review.decider_above", field: "decider_unit_id") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.submitInitiative,
                    .with { $0.id = ready.id; $0.deciderUnitID = org.otherSchoolID }
                )
            }
            try await f.expectRefusal(.notFound, rule: "innovation.exists", field: "id") {
                _ = try await f.submit("in999")
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "id") {
                _ = try await f.submit("r1")
            }

            _ = try await f.submit(ready.id)
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.state") { _ = try await f.submit(ready.id) }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.state") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.updateInitiative,
                    .with { $0.id = ready.id; $0.updateMask = ["summary"]; $0.summary = "x" }
                )
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.state") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.withdrawInitiative,
                    .with { $0.id = ready.id; $0.reason = "x" }
                )
            }
            try await f.expectRefusal(.invalidArgument, rule: "update_mask.field", field: "update_mask[0]") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.updateInitiative,
                    .with { $0.id = ready.id; $0.updateMask = ["state"] }
                )
            }
        }
    }

    @Test func aCorrectionReopensTheRecognitionAndTakesBackItsCount() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            let submitted = try await f.submit(filed.id)
            try await f.approve(reviewID: submitted.reviewID)
            _ = try await f.call(Methods.Core.Reviews.publishReview, .with { $0.id = submitted.reviewID })
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 1)

            let correction = try await f.call(Methods.Core.Reviews.correctReview, .with {
                $0.id = submitted.reviewID
                $0.reason = "Giá trị làm lợi tính trùng"
            })
            let reopened = try await f.initiative(filed.id)
            #expect(reopened.state == .inReview)
            #expect(reopened.reviewID == correction.id)
            #expect(!reopened.counted)
            #expect(reopened.recognisedOn.isEmpty)
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 0)

            try await f.approve(reviewID: correction.id)
            let again = try await f.initiative(filed.id)
            #expect(again.state == .recognised)
            #expect(again.counted)
            #expect(again.history.map(\.action) == ["filed", "submitted", "recognised", "published", "correction", "recognised"])
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 1)
        }
    }

    @Test func aWithdrawnInitiativeLeavesTheWorkflowForGood() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            let submitted = try await f.submit(filed.id)
            _ = try await f.call(Methods.Core.Reviews.rejectReview, .with {
                $0.id = submitted.reviewID
                $0.reason = "Trùng với sáng kiến cấp huyện"
            })
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "reason") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.withdrawInitiative, .with { $0.id = filed.id }
                )
            }
            let withdrawn = try await f.call(
                Methods.Innovation.Initiatives.withdrawInitiative,
                .with { $0.id = filed.id; $0.reason = "Tác giả rút hồ sơ" }
            )
            #expect(withdrawn.state == .withdrawn)
            #expect(withdrawn.history.last?.reason == "Tác giả rút hồ sơ")

            try await f.expectRefusal(.failedPrecondition, rule: "innovation.state") {
                _ = try await f.call(Methods.Core.Reviews.resubmitReview, .with { $0.id = submitted.reviewID })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.state") { _ = try await f.submit(filed.id) }
        }
    }

    @Test func everyChangeLeavesOneAuditRecordAndAFeedEntry() async throws {
        try await InnovationFixture.with { f, org in
            let filed = try await f.file(org.filing())
            _ = try await f.call(
                Methods.Innovation.Initiatives.updateInitiative,
                .with { $0.id = filed.id; $0.updateMask = ["summary"]; $0.summary = "Khối 8 và 9"; $0.reason = "mở rộng" }
            )
            _ = try await f.submit(filed.id)
            let audit = try await f.auditRecords()
                .filter { $0.targetType == "thidua.innovation.v1.Initiative" }
                .map { "\($0.method) \($0.targetID) \($0.reason) \(!$0.oldValueJson.isEmpty)" }
            #expect(audit == [
                "\(Methods.Innovation.Initiatives.fileInitiative.path) \(filed.id)  false",
                "\(Methods.Innovation.Initiatives.updateInitiative.path) \(filed.id) mở rộng true",
                "\(Methods.Innovation.Initiatives.submitInitiative.path) \(filed.id) submitted for recognition as r1 true",
            ])
            let feed = try await f.changes().filter { $0.entityType == "thidua.innovation.v1.Initiative" }.map(\.operation)
            #expect(feed == ["created", "updated", "updated"])
        }
    }
}
