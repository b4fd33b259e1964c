import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// Collective results and the reviews of the rounds, over the wire.
@Suite struct RoundReviewTests {
    @Test func aSchoolYearIsReviewedRoundByRound() async throws {
        try await TwoGoodsFixture.with { fixture in
            let school = try await fixture.school("Trường Tiểu học Kim Đồng")
            let campaign = try await fixture.campaign()
            let participation = try await fixture.enrol(school.id, in: campaign)
            let withResult = try await fixture.recordResult(participation.id, round: 1, .good, students: 500, passed: 490, excellent: 150)
            #expect(withResult.rounds[0].result.classification == .good)
            #expect(withResult.rounds[0].result.studentsPassed == 490)
            let interim = try await fixture.review(participation.id, round: 1, .interimReview, on: "2021-11-20")
            #expect(interim.rounds.map(\.stage) == [.interimReviewed, .roundOpen])
            #expect(interim.rounds[0].interimReviewedOn == "2021-11-20")
            #expect(interim.rounds[0].interimSummary == "Sơ kết, tổng kết phong trào Hai tốt")

            // A result may be replaced until the round's final review.
            try await fixture.recordResult(participation.id, round: 1, .outstanding)
            try await fixture.review(participation.id, round: 1, .finalReview, on: "2022-01-20")
            try await fixture.recordResult(participation.id, round: 2, .outstanding)
            try await fixture.review(participation.id, round: 2, .interimReview, on: "2022-03-26")
            let done = try await fixture.review(participation.id, round: 2, .finalReview, on: "2022-05-28")
            #expect(done.rounds.map(\.stage) == [.finalReviewed, .finalReviewed])
            #expect(done.rounds.map(\.finalReviewedOn) == ["2022-01-20", "2022-05-28"])
            #expect(done.rounds[0].result.classification == .outstanding)

            // The campaign's progress counts the school whose year is reviewed.
            let progress: GetProgressResponse = try await fixture.admin.unary("thidua.core.v1.Campaigns/GetProgress", GetProgressRequest.with {
                $0.campaignID = campaign.id
                $0.unitID = fixture.districtID
            })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func reviewsFollowTheirOrderAndDates() async throws {
        try await TwoGoodsFixture.with { fixture in
            let school = try await fixture.school("Trường THCS Nưa")
            let campaign = try await fixture.campaign()
            let id = try await fixture.enrol(school.id, in: campaign).id
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.review_order", field: "kind") {
                try await fixture.review(id, round: 1, .finalReview, on: "2022-01-10")
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.review_date", field: "held_on") {
                try await fixture.review(id, round: 1, .interimReview, on: "2022-02-01")
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.review_date", field: "held_on") {
                try await fixture.review(id, round: 2, .interimReview, on: "2022-07-15")
            }
            try await fixture.review(id, round: 1, .interimReview, on: "2021-11-20")
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.review_order") {
                try await fixture.review(id, round: 1, .interimReview, on: "2021-11-21")
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.result_required", field: "round") {
                try await fixture.review(id, round: 1, .finalReview, on: "2022-01-10")
            }
            try await fixture.review(id, round: 2, .interimReview, on: "2022-03-26")
            try await fixture.recordResult(id, round: 2)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.round_order", field: "round") {
                try await fixture.review(id, round: 2, .finalReview, on: "2022-05-28")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.round", field: "round") {
                try await fixture.review(id, round: 3, .interimReview, on: "2022-03-26")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.enum", field: "kind") {
                try await fixture.review(id, round: 1, .unspecified, on: "2021-11-20")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.required", field: "summary") {
                let _: SchoolParticipation = try await fixture.call("ReviewSchoolRound", ReviewSchoolRoundRequest.with {
                    $0.participationID = id
                    $0.round = 1
                    $0.kind = .finalReview
                    $0.heldOn = "2022-01-10"
                })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "date.format", field: "held_on") {
                try await fixture.review(id, round: 1, .finalReview, on: "")
            }
        }
    }

    @Test func aSchoolIsReviewedFromAbove() async throws {
        try await TwoGoodsFixture.with { fixture in
            let school = try await fixture.school("Trường Tiểu học Dân Quyền")
            let campaign = try await fixture.campaign()
            let id = try await fixture.enrol(school.id, in: campaign).id
            let own = try await fixture.connect(scopedTo: school.id, permissions: ["two_goods.review", "two_goods.write"])
            try await fixture.expectRefusal(.permissionDenied, rule: "two_goods.reviewer_above_school", field: "participation_id") {
                try await fixture.review(id, round: 1, .interimReview, on: "2021-11-20", using: own)
            }
            // The school records its own result; the district reviews it.
            try await fixture.recordResult(id, round: 1, using: own)
            let district = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["two_goods.review"])
            let reviewed = try await fixture.review(id, round: 1, .interimReview, on: "2021-11-20", using: district)
            #expect(reviewed.rounds[0].stage == .interimReviewed)
            try await fixture.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await fixture.recordResult(id, round: 1, using: district)
            }
            await own.close()
            await district.close()
        }
    }

    @Test func resultsAreCheckedAndCloseWithTheirRound() async throws {
        try await TwoGoodsFixture.with { fixture in
            let school = try await fixture.school("Trường Mầm non Hợp Thắng")
            let campaign = try await fixture.campaign()
            let id = try await fixture.enrol(school.id, in: campaign).id
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.result_counts", field: "result.students_passed") {
                try await fixture.recordResult(id, round: 1, students: 100, passed: 101, excellent: 0)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.result_counts", field: "result.students_excellent") {
                try await fixture.recordResult(id, round: 1, students: 100, passed: 90, excellent: 91)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.enum", field: "result.classification") {
                try await fixture.recordResult(id, round: 1, .unspecified)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.required", field: "result") {
                let _: SchoolParticipation = try await fixture.call("RecordSchoolResult", RecordSchoolResultRequest.with {
                    $0.participationID = id
                    $0.round = 1
                })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.round") {
                try await fixture.recordResult(id, round: 0)
            }
            try await fixture.recordResult(id, round: 1)
            try await fixture.review(id, round: 1, .interimReview, on: "2021-11-20")
            try await fixture.review(id, round: 1, .finalReview, on: "2022-01-20")
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.round_closed", field: "round") {
                try await fixture.recordResult(id, round: 1, .good)
            }
        }
    }

    @Test func nothingChangesOnceTheCampaignIsClosedOrTheSchoolLosesItsUnion() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let school = try await fixture.school("Trường Tiểu học Thọ Ngọc")
            let id = try await fixture.enrol(school.id, in: campaign).id
            let _: ThiduaCoreAPI.Unit = try await fixture.admin.unary("thidua.core.v1.Units/DissolveUnit", DissolveUnitRequest.with {
                $0.id = school.id
                $0.effectiveOn = "2022-02-01"
                $0.reason = "sáp nhập trường"
            })
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.school_has_union", field: "participation_id") {
                try await fixture.recordResult(id, round: 1)
            }
            // Still visible as history.
            let kept: SchoolParticipation = try await fixture.call("GetParticipation", GetParticipationRequest.with { $0.id = id })
            #expect(kept.id == id)

            let other = try await fixture.school("Trường Tiểu học Thọ Cường")
            let otherID = try await fixture.enrol(other.id, in: campaign).id
            for state: CampaignState in [.inProgress, .interimReviewed, .closed] {
                try await fixture.advance(campaign, to: state)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "participation_id") {
                try await fixture.recordResult(otherID, round: 1)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.running") {
                try await fixture.review(otherID, round: 1, .interimReview, on: "2021-11-20")
            }
        }
    }
}
