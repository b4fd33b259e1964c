import Testing
import ThiduaModuleKit
@testable import TwoGoods

/// The school-year state machine, without I/O.
@Suite struct SchoolYearLifecycleTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    /// 2021-2022: round 1 from 1 September to 15 January, round 2 to 31 August.
    static let windows: [CampaignReference.Round] = [
        .init(number: 1, startsOn: date("2021-09-01"), endsOn: date("2022-01-15")),
        .init(number: 2, startsOn: date("2022-01-16"), endsOn: date("2022-08-31")),
    ]
    static let today = date("2022-06-30")

    static func fresh() -> SchoolYearLifecycle { SchoolYearLifecycle(windows: windows) }

    /// Expects `event` to be refused with `rule`.
    func refusal(
        _ rule: String, _ code: StatusCode = .failedPrecondition, from year: SchoolYearLifecycle, _ event: SchoolYearLifecycle.Event,
        today: CalendarDate = Self.today, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        do {
            _ = try year.applying(event, today: today)
            Issue.record("expected \(rule), but \(event) was applied", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.details.first?.rule == rule, "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func aWholeYearRunsInOrder() throws {
        var year = Self.fresh()
        #expect(year.rounds.map(\.stage) == [.open, .open])
        #expect(!year.isYearReviewed)
        year = try year.applying(.recordResult(round: 1), today: Self.today)
        year = try year.applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        year = try year.applying(.finalReview(round: 1, on: Self.date("2022-01-20")), today: Self.today)
        #expect(year.rounds.map(\.stage) == [.finalReviewed, .open])
        year = try year.applying(.interimReview(round: 2, on: Self.date("2022-03-26")), today: Self.today)
        year = try year.applying(.recordResult(round: 2), today: Self.today)
        #expect(year.yearReviewedOn == nil)
        year = try year.applying(.finalReview(round: 2, on: Self.date("2022-05-28")), today: Self.today)
        #expect(year.rounds.map(\.stage) == [.finalReviewed, .finalReviewed])
        #expect(year.isYearReviewed)
        #expect(year.yearReviewedOn == Self.date("2022-05-28"))
        #expect(year.round(1)?.interimOn == Self.date("2021-11-20"))
        #expect(year.round(1)?.finalOn == Self.date("2022-01-20"))
    }

    @Test func applyingLeavesTheOriginalUntouched() throws {
        let year = Self.fresh()
        _ = try year.applying(.interimReview(round: 1, on: Self.date("2021-10-01")), today: Self.today)
        #expect(year == Self.fresh())
    }

    @Test func aRoundIsReviewedInterimThenFinalOnce() throws {
        let open = try Self.fresh().applying(.recordResult(round: 1), today: Self.today)
        refusal("two_goods.review_order", from: open, .finalReview(round: 1, on: Self.date("2022-01-10")))
        let interim = try open.applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        refusal("two_goods.review_order", from: interim, .interimReview(round: 1, on: Self.date("2021-12-01")))
        let final = try interim.applying(.finalReview(round: 1, on: Self.date("2022-01-10")), today: Self.today)
        refusal("two_goods.review_order", from: final, .finalReview(round: 1, on: Self.date("2022-01-11")))
    }

    @Test func roundTwoClosesOnlyAfterRoundOne() throws {
        var year = Self.fresh()
        year = try year.applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        year = try year.applying(.interimReview(round: 2, on: Self.date("2022-03-26")), today: Self.today)
        year = try year.applying(.recordResult(round: 2), today: Self.today)
        refusal("two_goods.round_order", from: year, .finalReview(round: 2, on: Self.date("2022-05-28")))
    }

    @Test func aFinalReviewNeedsTheRoundsResult() throws {
        let year = try Self.fresh().applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        refusal("two_goods.result_required", from: year, .finalReview(round: 1, on: Self.date("2022-01-10")))
    }

    @Test func reviewDatesFollowTheRoundsAndToday() throws {
        let fresh = Self.fresh()
        // An interim review is held inside its round.
        refusal("two_goods.review_date", from: fresh, .interimReview(round: 1, on: Self.date("2021-08-31")))
        refusal("two_goods.review_date", from: fresh, .interimReview(round: 1, on: Self.date("2022-01-16")))
        refusal("two_goods.review_date", from: fresh, .interimReview(round: 2, on: Self.date("2022-01-15")))
        // Not in the future.
        refusal("two_goods.review_date", from: fresh, .interimReview(round: 2, on: Self.date("2022-07-01")))
        var year = try fresh.applying(.recordResult(round: 1), today: Self.today)
        year = try year.applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        // A final review comes on or after the interim one, inside the school year.
        refusal("two_goods.review_date", from: year, .finalReview(round: 1, on: Self.date("2021-11-19")))
        refusal("two_goods.review_date", from: year, .finalReview(round: 1, on: Self.date("2022-09-01")), today: Self.date("2022-12-31"))
        let sameDay = try year.applying(.finalReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        #expect(sameDay.round(1)?.finalOn == Self.date("2021-11-20"))
        year = try year.applying(.finalReview(round: 1, on: Self.date("2022-01-20")), today: Self.today)
        year = try year.applying(.interimReview(round: 2, on: Self.date("2022-01-18")), today: Self.today)
        year = try year.applying(.recordResult(round: 2), today: Self.today)
        // Round 2 closes on or after round 1 did.
        refusal("two_goods.review_date", from: year, .finalReview(round: 2, on: Self.date("2022-01-19")))
        #expect(try year.applying(.finalReview(round: 2, on: Self.date("2022-01-20")), today: Self.today).isYearReviewed)
    }

    @Test func onlyTheCampaignsRoundsExist() {
        for round in [0, 3, -1] {
            refusal("two_goods.round", .invalidArgument, from: Self.fresh(), .recordResult(round: round))
            refusal("two_goods.round", .invalidArgument, from: Self.fresh(), .interimReview(round: round, on: Self.date("2021-10-01")))
        }
    }

    @Test func resultsAndRecordsCloseWithTheirReviews() throws {
        var year = try Self.fresh().applying(.recordResult(round: 1), today: Self.today)
        year = try year.applying(.interimReview(round: 1, on: Self.date("2021-11-20")), today: Self.today)
        // Replacing a result is allowed until the final review.
        year = try year.applying(.recordResult(round: 1), today: Self.today)
        year = try year.applying(.finalReview(round: 1, on: Self.date("2022-01-20")), today: Self.today)
        refusal("two_goods.round_closed", from: year, .recordResult(round: 1))
        try year.requireYearOpen(field: "participation_id")
        year = try year.applying(.recordResult(round: 2), today: Self.today)
        year = try year.applying(.interimReview(round: 2, on: Self.date("2022-03-26")), today: Self.today)
        year = try year.applying(.finalReview(round: 2, on: Self.date("2022-05-28")), today: Self.today)
        let error = #expect(throws: RPCError.self) { try year.requireYearOpen(field: "participation_id") }
        #expect(error?.details.first?.rule == "two_goods.year_reviewed")
    }
}
