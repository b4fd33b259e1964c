import Testing
import ThiduaCoreAPI
import ThiduaWire
import WorkAndHome

/// Her proposal and its recognition through the core's review workflow, over the wire.
@Suite struct RecognitionTests {
    @Test func sheIsRecognisedByTheLaunchingUnitThroughTheCoresReview() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.proposed(of: org.school, in: org.campaign)
            #expect(proposed.state == .proposed && proposed.round == 1 && proposed.reviewID.hasPrefix("r"))
            let review = try await f.review(proposed.reviewID)
            #expect(review.subjectType == WorkAndHomeRegistration.protoMessageName && review.subjectID == proposed.id)
            #expect(review.unitID == org.school && review.levels == [org.district] && review.campaignID == org.campaign)
            #expect(review.summary == "Lê Thị Hoa — \"Giỏi việc nước, đảm việc nhà\" 2024")

            try f.clock.set("2024-06-18")
            try await f.approve(review.id)
            let recognised = try await f.registration(proposed.id)
            #expect(recognised.state == .recognised && recognised.recognisedOn == "2024-06-18")
            #expect(try await f.achieved(in: org.campaign, under: org.district) == 1)
            try await f.publish(review.id)
            #expect(try await f.registration(proposed.id).state == .published)

            // A correction of the published review reopens her recognition and takes the count back.
            let correction = try await f.call(Methods.Core.Reviews.correctReview, .with {
                $0.id = review.id; $0.reason = "Sai đơn vị công tác"; $0.summary = "Bình xét lại"
            })
            let reopened = try await f.registration(proposed.id)
            #expect(reopened.state == .proposed && reopened.reviewID == correction.id && reopened.recognisedOn.isEmpty)
            #expect(try await f.achieved(in: org.campaign, under: org.district) == 0)
        }
    }

    @Test func eachLevelPassesTheProposalOnUpToTheLaunchingUnit() async throws {
        try await Organisation.with { f, org in
            let provincial = try await f.campaign(module: WorkAndHomeModule.moduleID, launchedBy: org.province, year: 2024)
            let proposed = try await f.proposed(of: org.school, in: provincial)
            #expect(try await f.review(proposed.reviewID).levels == [org.district, org.province])
            try await f.approve(proposed.reviewID)
            let passedOn = try await f.registration(proposed.id)
            #expect(passedOn.state == .proposed && passedOn.recognisedOn.isEmpty)
            #expect(try await f.achieved(in: provincial, under: org.province) == 0)
            try await f.approve(proposed.reviewID)
            #expect(try await f.registration(proposed.id).state == .recognised)
            #expect(try await f.achieved(in: provincial, under: org.province) == 1)
        }
    }

    @Test func aReturnedProposalIsFixedAndSentInAgainAsANewRound() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.proposed(of: org.school, in: org.campaign)
            try await f.reject(proposed.reviewID, reason: "Thiếu xác nhận gia đình văn hóa")
            let returned = try await f.registration(proposed.id)
            #expect(returned.state == .returned && returned.returnReason == "Thiếu xác nhận gia đình văn hóa")

            var fixed = Assessments.of()
            fixed[1].evidence.append("Giấy công nhận Gia đình văn hóa năm 2023")
            #expect(try await f.assess(proposed.id, fixed).state == .returned)
            let again = try await f.propose(proposed.id, summary: "Đã bổ sung minh chứng")
            #expect(again.state == .proposed && again.round == 2 && again.reviewID == proposed.reviewID && again.returnReason.isEmpty)
            #expect(try await f.review(proposed.reviewID).summary == "Đã bổ sung minh chứng")
            try await f.approve(proposed.reviewID)
            #expect(try await f.registration(proposed.id).state == .recognised)
        }
    }

    @Test func theCoresResubmissionIsHeardAndRefusedWhileACriterionIsUnmet() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.proposed(of: org.school, in: org.campaign)
            try await f.reject(proposed.reviewID)
            try await f.assess(proposed.id, Assessments.of(unmet: ["family"]))
            let resubmit = ResubmitReviewRequest.with { $0.id = proposed.reviewID }
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.criteria_unmet", field: "id") {
                _ = try await f.call(Methods.Core.Reviews.resubmitReview, resubmit)
            }
            try await f.assess(proposed.id)
            #expect(try await f.call(Methods.Core.Reviews.resubmitReview, resubmit).round == 2)
            let again = try await f.registration(proposed.id)
            #expect(again.state == .proposed && again.round == 2)
        }
    }

    @Test func everyProposalBreakingARuleIsRefusedAndChangesNothing() async throws {
        try await Organisation.with { f, org in
            let registered = try await f.register(try await f.woman(of: org.school), in: org.campaign)
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.state", field: "id") { try await f.propose(registered.id) }
            try await f.assess(registered.id, Assessments.of(unmet: ["family", "community"]))
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.criteria_unmet", field: "id") { try await f.propose(registered.id) }
            try await f.assess(registered.id)
            try await f.expectRefusal(.invalidArgument, rule: "field.max_length", field: "summary") {
                try await f.propose(registered.id, summary: String(repeating: "x", count: 1001))
            }
            let registrar = try await f.client(scopedTo: org.school, permissions: ["work_and_home.register"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") { try await f.propose(registered.id, as: registrar) }
            let commune = try await f.client(scopedTo: org.commune, permissions: ["work_and_home.propose"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") { try await f.propose(registered.id, as: commune) }

            let union = try await f.client(scopedTo: org.school, permissions: ["work_and_home.propose"])
            #expect(try await f.propose(registered.id, as: union).state == .proposed)
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.state", field: "id") { try await f.propose(registered.id) }
        }
    }
}
