import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// Collective results and the reviews of the rounds, over the wire.
@Suite struct RoundReviewTests {
    @Test func aSchoolYearIsReviewedRoundByRound() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Tiểu học Kim Đồng", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let participation = try await f.enrol(school, in: campaign)
            let withResult = try await f.recordResult(participation.id, round: 1, .good, students: 500, passed: 490, excellent: 150)
            #expect(withResult.rounds[0].result.classification == .good)
            #expect(withResult.rounds[0].result.studentsPassed == 490)
            let interim = try await f.review(participation.id, round: 1, .interimReview, on: "2021-11-20")
            #expect(interim.rounds.map(\.stage) == [.interimReviewed, .roundOpen])
            #expect(interim.rounds[0].interimReviewedOn == "2021-11-20")
            #expect(interim.rounds[0].interimSummary == "Sơ kết, tổng kết phong trào Hai tốt")

            // A result may be replaced until the round's final review.
            try await f.recordResult(participation.id, round: 1, .outstanding)
            try await f.review(participation.id, round: 1, .finalReview, on: "2022-01-20")
            try await f.recordResult(participation.id, round: 2, .outstanding)
            try await f.review(participation.id, round: 2, .interimReview, on: "2022-03-26")
            let done = try await f.review(participation.id, round: 2, .finalReview, on: "2022-05-28")
            #expect(done.rounds.map(\.stage) == [.finalReviewed, .finalReviewed])
            #expect(done.rounds.map(\.finalReviewedOn) == ["2022-01-20", "2022-05-28"])
            #expect(done.rounds[0].result.classification == .outstanding)

            // The campaign's progress counts the school whose year is reviewed.
            let progress = try await f.call(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
                $0.campaignID = campaign
                $0.unitID = org.district
            })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func reviewsFollowTheirOrderAndDates() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường THCS Nưa", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let id = try await f.enrol(school, in: campaign).id
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.review_order", field: "kind") {
                try await f.review(id, round: 1, .finalReview, on: "2022-01-10")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.review_date", field: "held_on") {
                try await f.review(id, round: 1, .interimReview, on: "2022-02-01")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.review_date", field: "held_on") {
                try await f.review(id, round: 2, .interimReview, on: "2022-07-15")
            }
            try await f.review(id, round: 1, .interimReview, on: "2021-11-20")
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.review_order") {
                try await f.review(id, round: 1, .interimReview, on: "2021-11-21")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.result_required", field: "round") {
                try await f.review(id, round: 1, .finalReview, on: "2022-01-10")
            }
            try await f.review(id, round: 2, .interimReview, on: "2022-03-26")
            try await f.recordResult(id, round: 2)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.round_order", field: "round") {
                try await f.review(id, round: 2, .finalReview, on: "2022-05-28")
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.round", field: "round") {
                try await f.review(id, round: 3, .interimReview, on: "2022-03-26")
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum", field: "kind") {
                try await f.review(id, round: 1, .unspecified, on: "2021-11-20")
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "summary") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.reviewSchoolRound, ReviewSchoolRoundRequest.with {
                    $0.participationID = id
                    $0.round = 1
                    $0.kind = .finalReview
                    $0.heldOn = "2022-01-10"
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format", field: "held_on") {
                try await f.review(id, round: 1, .finalReview, on: "")
            }
        }
    }

    @Test func aSchoolIsReviewedFromAbove() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Tiểu học Dân Quyền", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let own = try await f.client(scopedTo: school, permissions: ["two_goods.review", "two_goods.write"])
            try await f.expectRefusal(.permissionDenied, rule: "two_goods.reviewer_above_school", field: "participation_id") {
                try await f.review(id, round: 1, .interimReview, on: "2021-11-20", as: own)
            }
            // The school records its own result; the district reviews it.
            try await f.recordResult(id, round: 1, as: own)
            let district = try await f.client(scopedTo: org.district, permissions: ["two_goods.review"])
            let reviewed = try await f.review(id, round: 1, .interimReview, on: "2021-11-20", as: district)
            #expect(reviewed.rounds[0].stage == .interimReviewed)
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await f.recordResult(id, round: 1, as: district)
            }
        }
    }

    @Test func resultsAreCheckedAndCloseWithTheirRound() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường Mầm non Hợp Thắng", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let id = try await f.enrol(school, in: campaign).id
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.result_counts", field: "result.students_passed") {
                try await f.recordResult(id, round: 1, students: 100, passed: 101, excellent: 0)
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.result_counts", field: "result.students_excellent") {
                try await f.recordResult(id, round: 1, students: 100, passed: 90, excellent: 91)
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum", field: "result.classification") {
                try await f.recordResult(id, round: 1, .unspecified)
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "result") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.recordSchoolResult, RecordSchoolResultRequest.with {
                    $0.participationID = id
                    $0.round = 1
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.round") {
                try await f.recordResult(id, round: 0)
            }
            try await f.recordResult(id, round: 1)
            try await f.review(id, round: 1, .interimReview, on: "2021-11-20")
            try await f.review(id, round: 1, .finalReview, on: "2022-01-20")
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.round_closed", field: "round") {
                try await f.recordResult(id, round: 1, .good)
            }
        }
    }

    @Test func nothingChangesOnceTheCampaignIsClosedOrTheSchoolLosesItsUnion() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường Tiểu học Thọ Ngọc", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            _ = try await f.call(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = school
                $0.effectiveOn = "2022-02-01"
                $0.reason = "sáp nhập trường"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.school_has_union", field: "participation_id") {
                try await f.recordResult(id, round: 1)
            }
            // Still visible as history.
            let kept = try await f.call(Methods.TwoGoods.TwoGoods.getParticipation, GetParticipationRequest.with { $0.id = id })
            #expect(kept.id == id)

            let other = try await f.school("Trường Tiểu học Thọ Cường", under: org.district)
            let otherID = try await f.enrol(other, in: campaign).id
            for state: CampaignState in [.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with { $0.id = campaign; $0.to = state })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "participation_id") {
                try await f.recordResult(otherID, round: 1)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running") {
                try await f.review(otherID, round: 1, .interimReview, on: "2021-11-20")
            }
        }
    }
}
