/// What a module knows of a campaign of the core (`thidua.core.v1.Campaign`).
public struct CampaignReference: Sendable, Equatable {
    /// The lifecycle, numbered as `thidua.core.v1.CampaignState`.
    public enum State: Int, Sendable, Comparable {
        case draft = 1, launched, inProgress, interimReviewed, closed

        public static func < (lhs: State, rhs: State) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A part of the period with its own review: a school year has two.
    public struct Round: Sendable, Equatable {
        public let number: Int
        public let startsOn: CalendarDate
        public let endsOn: CalendarDate

        public init(number: Int, startsOn: CalendarDate, endsOn: CalendarDate) {
            self.number = number
            self.startsOn = startsOn
            self.endsOn = endsOn
        }
    }

    public let id: String
    public let module: String
    public let title: String
    public let launchingUnitID: String
    public let scopeUnitID: String
    public let state: State
    public let isSchoolYear: Bool
    /// The calendar year, or the year the school year starts.
    public let year: Int
    public let rounds: [Round]

    public init(
        id: String, module: String, title: String, launchingUnitID: String, scopeUnitID: String,
        state: State, isSchoolYear: Bool, year: Int, rounds: [Round]
    ) {
        self.id = id
        self.module = module
        self.title = title
        self.launchingUnitID = launchingUnitID
        self.scopeUnitID = scopeUnitID
        self.state = state
        self.isSchoolYear = isSchoolYear
        self.year = year
        self.rounds = rounds
    }

    /// The first day counted.
    public var startsOn: CalendarDate { self.rounds.first!.startsOn }
    /// The last day counted.
    public var endsOn: CalendarDate { self.rounds.last!.endsOn }

    /// Whether `date` falls inside the campaign's window.
    public func covers(_ date: CalendarDate) -> Bool {
        self.startsOn <= date && date <= self.endsOn
    }

    /// The round `date` falls in, if any.
    public func round(containing date: CalendarDate) -> Round? {
        self.rounds.first { $0.startsOn <= date && date <= $0.endsOn }
    }

    /// Launched and not yet closed: work can be registered and counted.
    public var isRunning: Bool { self.state >= .launched && self.state < .closed }

    /// FAILED_PRECONDITION (rule `campaign.module`) unless the campaign belongs to `module`.
    public func require(module: String, field: String) throws(RPCError) {
        guard self.module == module else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(self.id) belongs to module \"\(self.module)\", not \"\(module)\"",
                field: field,
                rule: "campaign.module"
            )
        }
    }

    /// How a campaign's period is counted.
    public enum Period: Sendable {
        /// One round, 1 January to 31 December.
        case calendarYear
        /// Two rounds, from 1 September to 31 May of the next year.
        case schoolYear

        var name: String { self == .schoolYear ? "a school year" : "a calendar year" }
    }

    /// The period the campaign runs over.
    public var period: Period { self.isSchoolYear ? .schoolYear : .calendarYear }

    /// FAILED_PRECONDITION (rule `campaign.period`) unless the campaign runs over `period`, the one
    /// its module counts in.
    public func require(period: Period, field: String) throws(RPCError) {
        guard self.period == period else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(self.id) runs over \(self.period.name); module \"\(self.module)\" counts over \(period.name)",
                field: field,
                rule: "campaign.period"
            )
        }
    }

    /// FAILED_PRECONDITION (rule `campaign.ended`) when `date`, the date of a registration, is after
    /// the campaign's last day.
    public func requireNotEnded(on date: CalendarDate, field: String) throws(RPCError) {
        guard date <= self.endsOn else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(self.id) ended on \(self.endsOn); a registration on \(date) is too late",
                field: field,
                rule: "campaign.ended",
                values: ["ends_on": self.endsOn.description]
            )
        }
    }

    /// FAILED_PRECONDITION (rule `campaign.running`) unless the campaign is launched and not closed.
    public func requireRunning(field: String) throws(RPCError) {
        guard self.isRunning else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(self.id) is \(self.state); work is accepted from its launch until it closes",
                field: field,
                rule: "campaign.running"
            )
        }
    }
}

/// What a module knows of a member (`thidua.core.v1.Member`).
public struct MemberReference: Sendable, Equatable {
    /// Numbered as `thidua.core.v1.Gender`.
    public enum Gender: Int, Sendable, CaseIterable {
        case unspecified = 0
        case female = 1
        case male = 2
    }

    public let id: String
    public let unitID: String
    public let fullName: String
    public let gender: Gender
    /// Whether the worker is a union member (a unit's workers include non-members).
    public let isUnionMember: Bool
    /// Free text such as "teacher" or "chủ tịch công đoàn"; empty when not recorded.
    public let role: String
    /// False once the person has left.
    public let isCurrent: Bool

    public init(id: String, unitID: String, fullName: String, gender: Gender, isUnionMember: Bool, role: String, isCurrent: Bool) {
        self.id = id
        self.unitID = unitID
        self.fullName = fullName
        self.gender = gender
        self.isUnionMember = isUnionMember
        self.role = role
        self.isCurrent = isCurrent
    }
}
