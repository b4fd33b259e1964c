import DialogueAPI
import ThiduaModuleKit

/// The lifecycle of a collective agreement: request → sessions with minutes → draft → vote →
/// signed → copy filed → in force → renewal window → expired, or continued while its renewal is
/// bargained, or replaced by that renewal. Pure: the service looks up the rules in force on the
/// day of each step and the headcount, and stores what this returns.
enum AgreementLifecycle {
    struct Request: Sendable, Equatable {
        var unitID: String
        var title: String
        var requestedBy: BargainingSide
        var requestedOn: CalendarDate
        /// The agreement in force this bargaining renews.
        var renews: AgreementRecord?
    }

    enum Event: Sendable, Equatable {
        case session(heldOn: CalendarDate, minutes: String)
        case draft(on: CalendarDate, clauses: [AgreementClause])
        /// `employees` is the headcount on the vote day, 0 when none was recorded.
        case vote(on: CalendarDate, inFavour: Int, against: Int, employees: Int)
        /// `termField` names the request field the term came from, for a refusal.
        case sign(on: CalendarDate, effectiveFrom: CalendarDate, termMonths: Int, termField: String = "term_months")
        case file(on: CalendarDate, with: String)
        /// `renewalUnderWay`: a renewal of this agreement is being bargained.
        case continueUntil(CalendarDate, renewalUnderWay: Bool)
        case withdraw(on: CalendarDate, reason: String)
    }

    /// The states in which an agreement applies to the enterprise.
    static let inForceStates: Set<AgreementState> = [.inForce, .renewalWindow, .continued]

    /// A new bargaining in REQUESTED. `others` are the enterprise's other agreements; `rules` are
    /// those in force on the day of the request.
    static func request(_ request: Request, others: [AgreementRecord], rules: DialogueRuleSet) throws(RPCError) -> AgreementRecord {
        if let open = others.first(where: { $0.isBargaining || $0.stage == .signed }) {
            throw RPCError(
                .failedPrecondition,
                "agreement \(open.id) of this enterprise is \(Self.name(of: open.stage)); one bargaining at a time: finish or withdraw it first",
                field: "unit_id",
                rule: "dialogue.bargaining_under_way"
            )
        }
        if let renews = request.renews {
            guard renews.unitID == request.unitID else {
                throw RPCError(
                    .failedPrecondition,
                    "agreement \(renews.id) belongs to unit \(renews.unitID); an enterprise renews its own agreement",
                    field: "renews_agreement_id",
                    rule: "dialogue.renewal_same_enterprise"
                )
            }
            let state = Self.state(of: renews, on: request.requestedOn, rules: rules)
            guard state == .renewalWindow || state == .continued else {
                let opens = renews.expiresOn.map { " (from \($0.adding(days: -Int(rules.renewalWindowDays))))" } ?? ""
                throw RPCError(
                    .failedPrecondition,
                    "a renewal is bargained in the \(rules.renewalWindowDays) days before the agreement expires\(opens) or while it is "
                        + "continued; on \(request.requestedOn) agreement \(renews.id) is \(Self.name(of: state))",
                    field: "renews_agreement_id",
                    rule: "dialogue.renewal_window",
                    values: ["days": "\(rules.renewalWindowDays)"]
                )
            }
        } else if let current = others.first(where: { [.filed, .inForce, .renewalWindow, .continued].contains(Self.state(of: $0, on: request.requestedOn, rules: rules)) }) {
            throw RPCError(
                .failedPrecondition,
                "agreement \(current.id) applies until \(current.endsOn?.description ?? "its expiry"); a new agreement renews it "
                    + "(renews_agreement_id) in the \(rules.renewalWindowDays) days before it expires",
                field: "renews_agreement_id",
                rule: "dialogue.agreement_in_force",
                values: ["days": "\(rules.renewalWindowDays)"]
            )
        }
        return AgreementRecord(
            unitID: request.unitID, title: request.title, requestedBy: request.requestedBy, requestedOn: request.requestedOn,
            renewsRow: request.renews?.row
        )
    }

    /// The agreement after `event`, or the refusal naming the rule it breaks.
    static func apply(_ event: Event, to agreement: AgreementRecord, rules: DialogueRuleSet, today: CalendarDate) throws(RPCError) -> AgreementRecord {
        var next = agreement
        switch (agreement.stage, event) {
        case (.requested, .session(let heldOn, let minutes)), (.negotiating, .session(let heldOn, let minutes)), (.drafted, .session(let heldOn, let minutes)):
            try Self.requireAfterLastStep(agreement, heldOn, field: "held_on", today: today)
            if agreement.sessions.isEmpty {
                let deadline = agreement.requestedOn.adding(workingDays: Int(rules.firstSessionWorkingDays))
                guard heldOn <= deadline else {
                    throw RPCError(
                        .failedPrecondition,
                        "the first session is held within \(rules.firstSessionWorkingDays) working days of the request of "
                            + "\(agreement.requestedOn), by \(deadline) [\(rules.regulation)]; \(heldOn) is late: withdraw this "
                            + "request and make a new one",
                        field: "held_on",
                        rule: "dialogue.first_session_deadline",
                        values: ["days": "\(rules.firstSessionWorkingDays)", "deadline": "\(deadline)"]
                    )
                }
            }
            next.sessions.append(.init(number: agreement.sessions.count + 1, heldOn: heldOn, minutes: minutes))
            next.stage = .negotiating

        case (.negotiating, .draft(let draftedOn, let clauses)):
            try Self.requireAfterLastStep(agreement, draftedOn, field: "drafted_on", today: today)
            next.clauses = try Self.checkedClauses(clauses, rules: rules)
            next.draftedOn = draftedOn
            next.stage = .drafted

        case (.drafted, .vote(let votedOn, let inFavour, let against, let employees)):
            try Self.requireAfterLastStep(agreement, votedOn, field: "voted_on", today: today)
            guard employees > 0 else {
                throw RPCError(
                    .failedPrecondition,
                    "the vote counts against all the enterprise's employees: record its headcount on or before \(votedOn) first",
                    field: "voted_on",
                    rule: "dialogue.headcount_required"
                )
            }
            guard inFavour + against <= employees else {
                throw RPCError(
                    .invalidArgument,
                    "\(inFavour) in favour and \(against) against is more votes than the \(employees) employees of the enterprise",
                    field: "in_favour",
                    rule: "dialogue.vote_count",
                    values: ["in_favour": "\(inFavour)", "against": "\(against)", "employees": "\(employees)"]
                )
            }
            let passed = rules.isMajority(inFavour: inFavour, of: employees)
            next.votes.append(.init(votedOn: votedOn, employees: employees, inFavour: inFavour, against: against, passed: passed))
            next.stage = passed ? .voted : .negotiating

        case (.voted, .sign(let signedOn, let effectiveFrom, let termMonths, let termField)):
            try Self.requireAfterLastStep(agreement, signedOn, field: "signed_on", today: today)
            // Any term from 1 to 3 years, not only whole years.
            guard Int(rules.minTermYears) * 12...Int(rules.maxTermYears) * 12 ~= termMonths else {
                throw RPCError(
                    .invalidArgument,
                    "an agreement runs \(rules.minTermYears) to \(rules.maxTermYears) years (\(rules.minTermYears * 12) to "
                        + "\(rules.maxTermYears * 12) months) [\(rules.regulation)]; got \(termMonths) months",
                    field: termField,
                    rule: "dialogue.term_years",
                    values: ["min": "\(rules.minTermYears)", "max": "\(rules.maxTermYears)", "months": "\(termMonths)"]
                )
            }
            guard effectiveFrom >= signedOn else {
                throw RPCError(
                    .invalidArgument,
                    "effective_from is \(effectiveFrom), before the signature on \(signedOn)",
                    field: "effective_from",
                    rule: "dialogue.effective_date"
                )
            }
            let expiresOn = effectiveFrom.adding(months: termMonths).adding(days: -1)
            next.clauses = try agreement.clauses.map { clause throws(RPCError) in
                guard clause.termMonths <= termMonths else {
                    throw RPCError(
                        .failedPrecondition,
                        "clause \(clause.number) runs \(clause.termMonths) months, longer than the agreement's \(termMonths) months",
                        field: termField,
                        rule: "dialogue.clause_term",
                        values: ["clause": "\(clause.number)", "clause_months": "\(clause.termMonths)", "months": "\(termMonths)"]
                    )
                }
                var signed = clause
                signed.expiresOn = clause.termMonths == 0
                    ? expiresOn.description : effectiveFrom.adding(months: Int(clause.termMonths)).adding(days: -1).description
                return signed
            }
            next.signedOn = signedOn
            next.effectiveFrom = effectiveFrom
            next.termMonths = termMonths
            next.expiresOn = expiresOn
            next.qualityGrade = rules.grade(of: agreement.clauses)
            next.favourableClauses = agreement.clauses.filter(\.moreFavourableThanLaw).count
            next.stage = .signed

        case (.signed, .file(let filedOn, let authority)):
            try Self.requireAfterLastStep(agreement, filedOn, field: "filed_on", today: today)
            // The copy is due within 10 days of signing [Labour Code 2019 Art. 77]. A later copy is
            // recorded on its real day and flagged: the delay breaks the duty to send it, it does
            // not void the agreement, which applies from its effective date [Art. 78].
            next.filedOn = filedOn
            next.filedWith = authority
            next.filedLate = filedOn > Self.copyDueOn(signedOn: agreement.signedOn!, rules: rules)
            next.stage = .filed

        case (.filed, .continueUntil(let until, let renewalUnderWay)) where agreement.replacedOn == nil:
            let expiresOn = agreement.expiresOn!
            let windowOpens = expiresOn.adding(days: -Int(rules.renewalWindowDays))
            guard today >= windowOpens else {
                throw RPCError(
                    .failedPrecondition,
                    "agreement \(agreement.id) expires on \(expiresOn); its continuation is decided from \(windowOpens), "
                        + "in the \(rules.renewalWindowDays) days before",
                    field: "agreement_id",
                    rule: "dialogue.continuation_window",
                    values: ["days": "\(rules.renewalWindowDays)"]
                )
            }
            guard renewalUnderWay else {
                throw RPCError(
                    .failedPrecondition,
                    "an expired agreement is continued only while its renewal is bargained: request one with renews_agreement_id",
                    field: "agreement_id",
                    rule: "dialogue.continuation_needs_renewal"
                )
            }
            let limit = expiresOn.adding(days: Int(rules.maxContinuationDays))
            guard until > expiresOn, until <= limit else {
                throw RPCError(
                    .failedPrecondition,
                    "an agreement expiring on \(expiresOn) is continued at most \(rules.maxContinuationDays) days, until a day after "
                        + "it and no later than \(limit) [\(rules.regulation)]; got \(until)",
                    field: "continued_until",
                    rule: "dialogue.continuation_limit",
                    values: ["days": "\(rules.maxContinuationDays)", "limit": "\(limit)"]
                )
            }
            next.continuedUntil = until

        case (.requested, .withdraw(let withdrawnOn, let reason)), (.negotiating, .withdraw(let withdrawnOn, let reason)),
            (.drafted, .withdraw(let withdrawnOn, let reason)), (.voted, .withdraw(let withdrawnOn, let reason)):
            try Self.requireAfterLastStep(agreement, withdrawnOn, field: "withdrawn_on", today: today)
            next.withdrawnOn = withdrawnOn
            next.withdrawReason = reason
            next.stage = .withdrawn

        case (.negotiating, .sign) where agreement.votes.last?.passed == false:
            let vote = agreement.votes.last!
            throw RPCError(
                .failedPrecondition,
                "the vote of \(vote.votedOn) did not pass: \(vote.inFavour) of all \(vote.employees) employees in favour is not more "
                    + "than \(rules.voteMajorityPercent)% [\(rules.regulation)]; bargain a new draft and vote again",
                field: "agreement_id",
                rule: "dialogue.vote_majority",
                values: ["approving": "\(vote.inFavour)", "total": "\(vote.employees)", "percent": "\(rules.voteMajorityPercent)"]
            )

        default:
            throw RPCError(
                .failedPrecondition,
                "agreement \(agreement.id) is \(Self.name(of: agreement.stage)); it cannot \(Self.verb(of: event))",
                field: "agreement_id",
                rule: "dialogue.agreement_state"
            )
        }
        return next
    }

    /// The agreement a renewal replaced, from the day the renewal takes effect.
    static func replaced(_ agreement: AgreementRecord, from date: CalendarDate) -> AgreementRecord {
        var next = agreement
        next.replacedOn = date
        return next
    }

    /// The last day to send the copy of an agreement signed on `signedOn` to the labour authority
    /// [Labour Code 2019 Art. 77]; `rules` are those in force on the signing day.
    static func copyDueOn(signedOn: CalendarDate, rules: DialogueRuleSet) -> CalendarDate {
        signedOn.adding(days: Int(rules.filingDays))
    }

    /// The state on `date`: the recorded stage until the copy is filed; from then on, the dates
    /// decide. The agreement applies from its effective date, the one the parties agreed or else
    /// the signing [Labour Code 2019 Art. 78], whenever its copy was filed: a copy filed after
    /// that date, even late, does not put its effect off. `rules` are those in force on `date`.
    static func state(of agreement: AgreementRecord, on date: CalendarDate, rules: DialogueRuleSet) -> AgreementState {
        guard agreement.stage == .filed, let filedOn = agreement.filedOn, let effectiveFrom = agreement.effectiveFrom,
            let expiresOn = agreement.expiresOn, let endsOn = agreement.endsOn
        else { return agreement.stage }
        if date < effectiveFrom { return date < filedOn ? .signed : .filed }
        // A renewal that took effect before this one lapsed replaced it.
        if let replacedOn = agreement.replacedOn, replacedOn <= date, replacedOn <= endsOn.adding(days: 1) { return .replaced }
        if date <= expiresOn {
            return date >= expiresOn.adding(days: -Int(rules.renewalWindowDays)) ? .renewalWindow : .inForce
        }
        return date <= endsOn ? .continued : .expired
    }

    /// INVALID_ARGUMENT for a date after today, FAILED_PRECONDITION (rule `dialogue.date_order`)
    /// for one before the last recorded step.
    private static func requireAfterLastStep(_ agreement: AgreementRecord, _ date: CalendarDate, field: String, today: CalendarDate) throws(RPCError) {
        try Fields.notAfterToday(date, field: field, today: today)
        try DialogueLifecycle.requireOrder(agreement.lastStepOn, before: date, "the last step of agreement \(agreement.id)", field: field)
    }

    /// The draft's clauses, checked: numbered uniquely from 1, titled, of a known topic, each
    /// term within the longest agreement term. Their expiry is set at signing.
    private static func checkedClauses(_ clauses: [AgreementClause], rules: DialogueRuleSet) throws(RPCError) -> [AgreementClause] {
        guard !clauses.isEmpty else {
            throw RPCError(.invalidArgument, "a draft has at least one clause", field: "clauses", rule: "dialogue.clauses_required")
        }
        var numbers: Set<UInt32> = []
        return try clauses.enumerated().map { index, clause throws(RPCError) in
            let field = "clauses[\(index)]"
            guard clause.number >= 1, numbers.insert(clause.number).inserted else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).number is \(clause.number); clauses are numbered from 1, each number once",
                    field: "\(field).number",
                    rule: "dialogue.clause_numbers"
                )
            }
            var checked = clause
            checked.title = try Fields.text(clause.title, field: "\(field).title", maxLength: 500)
            checked.topic = try Fields.known(clause.topic, field: "\(field).topic")
            guard clause.termMonths <= rules.maxTermYears * 12 else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).term_months is \(clause.termMonths); no clause outlives the longest term of \(rules.maxTermYears) years",
                    field: "\(field).term_months",
                    rule: "dialogue.clause_term_max",
                    values: ["max": "\(rules.maxTermYears)"]
                )
            }
            checked.expiresOn = ""
            return checked
        }
    }

    static func name(of state: AgreementState) -> String {
        switch state {
        case .requested: "requested"
        case .negotiating: "being negotiated"
        case .drafted: "drafted"
        case .voted: "voted"
        case .signed: "signed"
        case .filed: "filed, not yet in force"
        case .inForce: "in force"
        case .renewalWindow: "in force, in its renewal window"
        case .continued: "continued"
        case .expired: "expired"
        case .replaced: "replaced by its renewal"
        case .withdrawn: "withdrawn"
        default: "in an unknown state"
        }
    }

    private static func verb(of event: Event) -> String {
        switch event {
        case .session: "hold a session: sessions come between the request and the vote"
        case .draft: "take a draft: a draft follows a session"
        case .vote: "be voted on: a vote follows a draft"
        case .sign: "be signed: signing follows a vote that passed"
        case .file: "be filed: a signed agreement is filed, once"
        case .continueUntil: "be continued: only an agreement in force reaching its expiry can"
        case .withdraw: "be withdrawn: only a bargaining not yet signed can"
        }
    }
}
