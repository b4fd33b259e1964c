import ThiduaModuleKit

/// The reviews of one school's school year, as a state machine: each round goes open → interim
/// reviewed (sơ kết) → final reviewed (tổng kết); a final review needs the round's collective
/// result, and a round closes only after the one before it. Pure: the store persists what it
/// returns, and nothing here reads a clock or a database.
public struct SchoolYearLifecycle: Sendable, Equatable {
    /// Where one round stands.
    public enum Stage: Int, Sendable, Comparable {
        case open = 1, interimReviewed, finalReviewed

        public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What can happen to a school's year.
    public enum Event: Sendable, Equatable {
        /// The round's collective result is recorded or replaced.
        case recordResult(round: Int)
        case interimReview(round: Int, on: CalendarDate)
        case finalReview(round: Int, on: CalendarDate)
    }

    /// One round: its window from the campaign, and its state.
    public struct Round: Sendable, Equatable {
        public let number: Int
        public let startsOn: CalendarDate
        public let endsOn: CalendarDate
        public var stage: Stage
        public var interimOn: CalendarDate?
        public var finalOn: CalendarDate?
        public var hasResult: Bool

        public init(
            number: Int, startsOn: CalendarDate, endsOn: CalendarDate,
            stage: Stage = .open, interimOn: CalendarDate? = nil, finalOn: CalendarDate? = nil, hasResult: Bool = false
        ) {
            self.number = number
            self.startsOn = startsOn
            self.endsOn = endsOn
            self.stage = stage
            self.interimOn = interimOn
            self.finalOn = finalOn
            self.hasResult = hasResult
        }
    }

    /// In order, round 1 first.
    public private(set) var rounds: [Round]

    public init(rounds: [Round]) {
        self.rounds = rounds.sorted { $0.number < $1.number }
    }

    /// A school year that has just begun: every round open, nothing recorded.
    public init(windows: [CampaignReference.Round]) {
        self.init(rounds: windows.map { Round(number: $0.number, startsOn: $0.startsOn, endsOn: $0.endsOn) })
    }

    /// The last day of the school year.
    public var endsOn: CalendarDate { self.rounds.last!.endsOn }

    /// Every round has its final review: the year is reviewed, and what was counted no longer
    /// changes.
    public var isYearReviewed: Bool { self.rounds.allSatisfy { $0.stage == .finalReviewed } }

    /// The day of the last round's final review, once the year is reviewed.
    public var yearReviewedOn: CalendarDate? { self.isYearReviewed ? self.rounds.last!.finalOn : nil }

    /// The round numbered `number`.
    public func round(_ number: Int) -> Round? {
        self.rounds.first { $0.number == number }
    }

    /// The year after `event`, or the rule it breaks. `today` bounds the dates of reviews.
    public func applying(_ event: Event, today: CalendarDate) throws(RPCError) -> SchoolYearLifecycle {
        var next = self
        switch event {
        case .recordResult(let number):
            let index = try self.index(of: number)
            guard self.rounds[index].stage != .finalReviewed else {
                throw Self.refusal(
                    "round \(number) had its final review on \(self.rounds[index].finalOn!); its result no longer changes",
                    field: "round", rule: "two_goods.round_closed"
                )
            }
            next.rounds[index].hasResult = true
        case .interimReview(let number, let date):
            let index = try self.index(of: number)
            let round = self.rounds[index]
            guard round.stage == .open else {
                throw Self.refusal("round \(number) already had its interim review on \(round.interimOn!)", field: "kind", rule: "two_goods.review_order")
            }
            guard round.startsOn <= date, date <= round.endsOn else {
                throw Self.refusal(
                    "an interim review of round \(number) is held inside the round, \(round.startsOn) to \(round.endsOn); \(date) is not",
                    field: "held_on", rule: "two_goods.review_date"
                )
            }
            try Self.requireNotFuture(date, today: today)
            next.rounds[index].stage = .interimReviewed
            next.rounds[index].interimOn = date
        case .finalReview(let number, let date):
            let index = try self.index(of: number)
            let round = self.rounds[index]
            switch round.stage {
            case .open:
                throw Self.refusal("round \(number) needs its interim review before its final review", field: "kind", rule: "two_goods.review_order")
            case .finalReviewed:
                throw Self.refusal("round \(number) already had its final review on \(round.finalOn!)", field: "kind", rule: "two_goods.review_order")
            case .interimReviewed:
                break
            }
            if index > 0, self.rounds[index - 1].stage != .finalReviewed {
                throw Self.refusal(
                    "round \(number) closes only after round \(self.rounds[index - 1].number) had its final review",
                    field: "round", rule: "two_goods.round_order"
                )
            }
            guard round.hasResult else {
                throw Self.refusal(
                    "round \(number) needs the school's collective result before its final review",
                    field: "round", rule: "two_goods.result_required"
                )
            }
            let earliest = max(round.interimOn!, index > 0 ? self.rounds[index - 1].finalOn! : round.interimOn!)
            guard earliest <= date, date <= self.endsOn else {
                throw Self.refusal(
                    "the final review of round \(number) is held from \(earliest) (the reviews before it) to \(self.endsOn) (the end of the school year); \(date) is not",
                    field: "held_on", rule: "two_goods.review_date"
                )
            }
            try Self.requireNotFuture(date, today: today)
            next.rounds[index].stage = .finalReviewed
            next.rounds[index].finalOn = date
        }
        return next
    }

    /// FAILED_PRECONDITION (rule `two_goods.year_reviewed`) once the year is reviewed: teacher
    /// records counted in the final review no longer change.
    public func requireYearOpen(field: String) throws(RPCError) {
        if let reviewedOn = self.yearReviewedOn {
            throw Self.refusal(
                "the school year had its final review on \(reviewedOn); its records no longer change",
                field: field, rule: "two_goods.year_reviewed"
            )
        }
    }

    private func index(of number: Int) throws(RPCError) -> Int {
        guard let index = self.rounds.firstIndex(where: { $0.number == number }) else {
            throw RPCError(
                .invalidArgument,
                "round must be one of \(self.rounds.map { "\($0.number)" }.joined(separator: ", ")); got \(number)",
                field: "round",
                rule: "two_goods.round"
            )
        }
        return index
    }

    private static func requireNotFuture(_ date: CalendarDate, today: CalendarDate) throws(RPCError) {
        guard date <= today else {
            throw Self.refusal("a review is recorded once held; \(date) is after today, \(today)", field: "held_on", rule: "two_goods.review_date")
        }
    }

    private static func refusal(_ message: String, field: String, rule: String) -> RPCError {
        RPCError(.failedPrecondition, message, field: field, rule: rule)
    }
}
