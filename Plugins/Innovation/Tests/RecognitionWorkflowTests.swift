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
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let submitted = try await fixture.submit(filed.id)
            #expect(submitted.state == .inReview)
            #expect(submitted.reviewID.hasPrefix("r"))
            let review: Review = try await fixture.call("thidua.core.v1.Reviews/GetReview", GetReviewRequest.with { $0.id = submitted.reviewID })
            #expect(review.subjectType == "thidua.innovation.v1.Initiative")
            #expect(review.subjectID == filed.id)
            #expect(review.campaignID == fixture.campaignID)
            #expect(review.levels == [fixture.districtID])
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 0)

            let decided = try await fixture.approve(reviewID: review.id)
            #expect(decided.state == .decided)
            let recognised = try await fixture.get(filed.id)
            #expect(recognised.state == .recognised)
            #expect(recognised.recognisedOn == InnovationFixture.today)
            #expect(recognised.counted)
            #expect(try await fixture.progress(of: fixture.schoolID).achieved == 1)
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 1)

            let _: Review = try await fixture.call("thidua.core.v1.Reviews/PublishReview", PublishReviewRequest.with { $0.id = review.id })
            let published = try await fixture.get(filed.id)
            #expect(published.state == .published)
            #expect(published.history.map(\.action) == ["filed", "submitted", "recognised", "published"])
            #expect(published.history.map(\.state) == [.filed, .inReview, .recognised, .published])
            #expect(published.history.dropFirst().allSatisfy { $0.reviewID == review.id })
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 1)

            // The author follows it with a key of her own unit.
            let author = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["innovation.read"])
            let mine: ListInitiativesResponse = try await fixture.call(
                "thidua.innovation.v1.Initiatives/ListAuthorInitiatives",
                ListAuthorInitiativesRequest.with { $0.memberID = fixture.teacherID },
                using: author
            )
            #expect(mine.initiatives == [published])
            await author.close()
        }
    }

    @Test func eachLevelOfALongerReviewIsAStepTheAuthorSees() async throws {
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let submitted: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/SubmitInitiative",
                SubmitInitiativeRequest.with { $0.id = filed.id; $0.deciderUnitID = fixture.rootID }
            )
            let first = try await fixture.approve(reviewID: submitted.reviewID)
            #expect(first.state == .inReview)
            #expect(try await fixture.get(filed.id).history.map(\.action) == ["filed", "submitted", "advanced"])
            try await fixture.approve(reviewID: submitted.reviewID)
            #expect(try await fixture.get(filed.id).state == .recognised)
        }
    }

    @Test func aRecognitionAppliedOutsideTheWindowIsNotCounted() async throws {
        try await InnovationFixture.with { fixture in
            var request = fixture.filing()
            request.firstAppliedOn = "2021-08-31"  // the school year starts on 1 September
            let filed = try await fixture.file(request)
            let submitted = try await fixture.submit(filed.id)
            try await fixture.approve(reviewID: submitted.reviewID)
            let recognised = try await fixture.get(filed.id)
            #expect(recognised.state == .recognised)
            #expect(!recognised.counted)
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 0)
        }
    }

    @Test func aReturnedInitiativeIsFixedAndResubmittedButOnlyIfItStillQualifies() async throws {
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let submitted = try await fixture.submit(filed.id)
            let _: Review = try await fixture.call("thidua.core.v1.Reviews/RejectReview", RejectReviewRequest.with {
                $0.id = submitted.reviewID
                $0.reason = "Chưa có biên bản áp dụng thử"
            })
            let returned = try await fixture.get(filed.id)
            #expect(returned.state == .returned)
            #expect(returned.history.last?.action == "returned")
            #expect(returned.history.last?.reason == "Chưa có biên bản áp dụng thử")

            // Changed so that it no longer qualifies: the core's resubmission is refused.
            let _: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/UpdateInitiative",
                UpdateInitiativeRequest.with {
                    $0.id = filed.id
                    $0.updateMask = ["benefit_vnd"]
                    $0.benefitVnd = 0
                    $0.reason = "chưa tính được giá trị làm lợi"
                }
            )
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.benefit_stated") {
                let _: Review = try await fixture.call("thidua.core.v1.Reviews/ResubmitReview", ResubmitReviewRequest.with { $0.id = submitted.reviewID })
            }
            #expect(try fixture.server.snapshot() == before)

            let fixed: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/UpdateInitiative",
                UpdateInitiativeRequest.with {
                    $0.id = filed.id
                    $0.updateMask = ["application", "benefit_vnd", "benefit_note"]
                    $0.application = .trialApplied
                    $0.benefitVnd = 42_000_000
                    $0.benefitNote = "Tiết kiệm giấy in đề kiểm tra"
                }
            )
            #expect(fixed.application == .trialApplied)
            #expect(fixed.firstAppliedOn == "2022-03-01")
            let _: Review = try await fixture.call("thidua.core.v1.Reviews/ResubmitReview", ResubmitReviewRequest.with { $0.id = submitted.reviewID })
            try await fixture.approve(reviewID: submitted.reviewID)
            let recognised = try await fixture.get(filed.id)
            #expect(recognised.state == .recognised)
            #expect(recognised.history.map(\.action) == ["filed", "submitted", "returned", "updated", "updated", "resubmitted", "recognised"])
        }
    }

    @Test func submissionNeedsAFiledInitiativeThatWasAppliedWithItsBenefit() async throws {
        try await InnovationFixture.with { fixture in
            var notApplied = fixture.filing("Chưa áp dụng")
            notApplied.application = .notApplied
            notApplied.firstAppliedOn = ""
            let pending = try await fixture.file(notApplied)
            var noBenefit = fixture.filing("Chưa có giá trị làm lợi")
            noBenefit.benefitVnd = 0
            let unmeasured = try await fixture.file(noBenefit)
            let ready = try await fixture.file(fixture.filing())
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.applied", field: "application") {
                _ = try await fixture.submit(pending.id)
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.benefit_stated", field: "benefit_vnd") {
                _ = try await fixture.submit(unmeasured.id)
            }
            await expectRefusal(.failedPrecondition, rule: "review.decider_above", field: "decider_unit_id") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/SubmitInitiative",
                    SubmitInitiativeRequest.with { $0.id = ready.id; $0.deciderUnitID = fixture.otherSchoolID }
                )
            }
            await expectRefusal(.notFound, rule: "innovation.exists", field: "id") {
                _ = try await fixture.submit("in999")
            }
            await expectRefusal(.invalidArgument, rule: "id.format", field: "id") {
                _ = try await fixture.submit("r1")
            }
            #expect(try fixture.server.snapshot() == before)

            _ = try await fixture.submit(ready.id)
            let inReview = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.state") { _ = try await fixture.submit(ready.id) }
            await expectRefusal(.failedPrecondition, rule: "innovation.state") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/UpdateInitiative",
                    UpdateInitiativeRequest.with { $0.id = ready.id; $0.updateMask = ["summary"]; $0.summary = "x" }
                )
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.state") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/WithdrawInitiative",
                    WithdrawInitiativeRequest.with { $0.id = ready.id; $0.reason = "x" }
                )
            }
            await expectRefusal(.invalidArgument, rule: "update_mask.field", field: "update_mask[0]") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/UpdateInitiative",
                    UpdateInitiativeRequest.with { $0.id = ready.id; $0.updateMask = ["state"] }
                )
            }
            #expect(try fixture.server.snapshot() == inReview)
        }
    }

    @Test func aCorrectionReopensTheRecognitionAndTakesBackItsCount() async throws {
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let submitted = try await fixture.submit(filed.id)
            try await fixture.approve(reviewID: submitted.reviewID)
            let _: Review = try await fixture.call("thidua.core.v1.Reviews/PublishReview", PublishReviewRequest.with { $0.id = submitted.reviewID })
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 1)

            let correction: Review = try await fixture.call("thidua.core.v1.Reviews/CorrectReview", CorrectReviewRequest.with {
                $0.id = submitted.reviewID
                $0.reason = "Giá trị làm lợi tính trùng"
            })
            let reopened = try await fixture.get(filed.id)
            #expect(reopened.state == .inReview)
            #expect(reopened.reviewID == correction.id)
            #expect(!reopened.counted)
            #expect(reopened.recognisedOn.isEmpty)
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 0)

            try await fixture.approve(reviewID: correction.id)
            let again = try await fixture.get(filed.id)
            #expect(again.state == .recognised)
            #expect(again.counted)
            #expect(again.history.map(\.action) == ["filed", "submitted", "recognised", "published", "correction", "recognised"])
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 1)
        }
    }

    @Test func aWithdrawnInitiativeLeavesTheWorkflowForGood() async throws {
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let submitted = try await fixture.submit(filed.id)
            let _: Review = try await fixture.call("thidua.core.v1.Reviews/RejectReview", RejectReviewRequest.with {
                $0.id = submitted.reviewID
                $0.reason = "Trùng với sáng kiến cấp huyện"
            })
            await expectRefusal(.invalidArgument, rule: "field.required", field: "reason") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/WithdrawInitiative", WithdrawInitiativeRequest.with { $0.id = filed.id }
                )
            }
            let withdrawn: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/WithdrawInitiative",
                WithdrawInitiativeRequest.with { $0.id = filed.id; $0.reason = "Tác giả rút hồ sơ" }
            )
            #expect(withdrawn.state == .withdrawn)
            #expect(withdrawn.history.last?.reason == "Tác giả rút hồ sơ")

            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.state") {
                let _: Review = try await fixture.call("thidua.core.v1.Reviews/ResubmitReview", ResubmitReviewRequest.with { $0.id = submitted.reviewID })
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.state") { _ = try await fixture.submit(filed.id) }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func everyChangeLeavesOneAuditRecordAndAFeedEntry() async throws {
        try await InnovationFixture.with { fixture in
            let filed = try await fixture.file(fixture.filing())
            let _: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/UpdateInitiative",
                UpdateInitiativeRequest.with { $0.id = filed.id; $0.updateMask = ["summary"]; $0.summary = "Khối 8 và 9"; $0.reason = "mở rộng" }
            )
            _ = try await fixture.submit(filed.id)
            let audit = try await fixture.auditRecords()
                .filter { $0.targetType == "thidua.innovation.v1.Initiative" }
                .map { "\($0.method) \($0.targetID) \($0.reason) \(!$0.oldValueJson.isEmpty)" }
            #expect(audit == [
                "thidua.innovation.v1.Initiatives/FileInitiative \(filed.id)  false",
                "thidua.innovation.v1.Initiatives/UpdateInitiative \(filed.id) mở rộng true",
                "thidua.innovation.v1.Initiatives/SubmitInitiative \(filed.id) submitted for recognition as r1 true",
            ])
            let feed = try await fixture.changes().filter { $0.entityType == "thidua.innovation.v1.Initiative" }.map(\.operation)
            #expect(feed == ["created", "updated", "updated"])
        }
    }
}
