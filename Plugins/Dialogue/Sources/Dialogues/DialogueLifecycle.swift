import DialogueAPI
import ThiduaModuleKit

/// The lifecycle of a workplace dialogue: planned → held → minutes published, or planned →
/// cancelled. Pure: the service looks up the rules and the headcount, and stores what this
/// returns.
enum DialogueLifecycle {
    /// What a request to plan a dialogue says.
    struct Plan: Sendable, Equatable {
        var unitID: String
        var kind: DialogueKind
        var event: WorkplaceEvent
        var requestedBy: BargainingSide
        var requestedOn: CalendarDate?
        var campaignID: String?
        var plannedOn: CalendarDate
        var agenda: String
        var delegationSize: Int
    }

    enum Event: Sendable, Equatable {
        /// A change of a planned dialogue; `employees` is the headcount on the new date.
        case reschedule(plannedOn: CalendarDate, delegationSize: Int, agenda: String, employees: Int)
        case hold(on: CalendarDate, employerLegalRepresentativePresent: Bool, representativesPresent: Int)
        case publishMinutes(
            signedByEmployer: Bool, signedByEmployeeRepresentatives: Bool, signedOn: CalendarDate, publishedOn: CalendarDate, summary: String
        )
        case cancel(reason: String)
    }

    /// A new dialogue in PLANNED. `employees` is the headcount on the planned date (0 if none).
    static func plan(_ plan: Plan, employees: Int, rules: DialogueRuleSet, today: CalendarDate) throws(RPCError) -> DialogueRecord {
        switch plan.kind {
        case .onEvent:
            guard plan.event != .unspecified else {
                throw RPCError(.invalidArgument, "a dialogue ON_EVENT names the listed event that calls for it", field: "event", rule: "dialogue.event_required")
            }
        default:
            guard plan.event == .unspecified else {
                throw RPCError(.invalidArgument, "only a dialogue ON_EVENT names an event", field: "event", rule: "dialogue.event_only_on_event")
            }
        }
        switch plan.kind {
        case .onRequest:
            guard plan.requestedBy != .unspecified, let requestedOn = plan.requestedOn else {
                throw RPCError(
                    .invalidArgument,
                    "a dialogue ON_REQUEST records the side that asked (requested_by) and the day (requested_on)",
                    field: plan.requestedBy == .unspecified ? "requested_by" : "requested_on",
                    rule: "dialogue.request_required"
                )
            }
            try Fields.notAfterToday(requestedOn, field: "requested_on", today: today)
            try Self.requireOrder(requestedOn, before: plan.plannedOn, "the request", field: "planned_on")
        default:
            guard plan.requestedBy == .unspecified, plan.requestedOn == nil else {
                throw RPCError(
                    .invalidArgument,
                    "only a dialogue ON_REQUEST records who asked for it",
                    field: plan.requestedBy == .unspecified ? "requested_on" : "requested_by",
                    rule: "dialogue.request_only_on_request"
                )
            }
        }
        try Self.checkDelegation(kind: plan.kind, size: plan.delegationSize, employees: employees, rules: rules, on: plan.plannedOn)
        return DialogueRecord(
            unitID: plan.unitID, kind: plan.kind, event: plan.event, requestedBy: plan.requestedBy, requestedOn: plan.requestedOn,
            campaignID: plan.campaignID, plannedOn: plan.plannedOn, agenda: plan.agenda, employees: employees,
            delegationSize: plan.delegationSize
        )
    }

    /// The dialogue after `event`, or the refusal naming the rule it breaks. `rules` are those in
    /// force on the day of the event (for minutes: on the day of the dialogue).
    static func apply(_ event: Event, to dialogue: DialogueRecord, rules: DialogueRuleSet, today: CalendarDate) throws(RPCError) -> DialogueRecord {
        var next = dialogue
        switch (dialogue.state, event) {
        case (.planned, .reschedule(let plannedOn, let delegationSize, let agenda, let employees)):
            if let requestedOn = dialogue.requestedOn {
                try Self.requireOrder(requestedOn, before: plannedOn, "the request", field: "planned_on")
            }
            try Self.checkDelegation(kind: dialogue.kind, size: delegationSize, employees: employees, rules: rules, on: plannedOn)
            next.plannedOn = plannedOn
            next.delegationSize = delegationSize
            next.agenda = agenda
            next.employees = employees

        case (.planned, .hold(let heldOn, let employerPresent, let present)):
            try Fields.notAfterToday(heldOn, field: "held_on", today: today)
            if let requestedOn = dialogue.requestedOn {
                try Self.requireOrder(requestedOn, before: heldOn, "the request", field: "held_on")
            }
            guard present <= dialogue.delegationSize else {
                throw RPCError(
                    .invalidArgument,
                    "\(present) representatives cannot be present out of a delegation of \(dialogue.delegationSize)",
                    field: "representatives_present",
                    rule: "dialogue.attendance",
                    values: ["present": "\(present)", "delegation": "\(dialogue.delegationSize)"]
                )
            }
            if dialogue.kind == .periodic {
                try Self.checkQuorum(employerPresent: employerPresent, present: present, of: dialogue.delegationSize, rules: rules)
            }
            next.state = .held
            next.heldOn = heldOn
            next.employerLegalRepresentativePresent = employerPresent
            next.representativesPresent = present

        case (.held, .publishMinutes(let byEmployer, let byEmployees, let signedOn, let publishedOn, let summary)):
            guard byEmployer && byEmployees else {
                let missing = byEmployer ? "the employee representatives" : "the employer"
                throw RPCError(
                    .failedPrecondition,
                    "the minutes of a dialogue are signed by both sides before they are published; \(missing) did not sign",
                    field: byEmployer ? "signed_by_employee_representatives" : "signed_by_employer",
                    rule: "dialogue.minutes_signatures"
                )
            }
            let heldOn = dialogue.heldOn!
            try Self.requireOrder(heldOn, before: signedOn, "the dialogue", field: "signed_on")
            try Self.requireOrder(signedOn, before: publishedOn, "the signature", field: "published_on")
            try Fields.notAfterToday(publishedOn, field: "published_on", today: today)
            let deadline = heldOn.adding(workingDays: Int(rules.minutesPublicationWorkingDays))
            guard publishedOn <= deadline else {
                throw RPCError(
                    .failedPrecondition,
                    "minutes are published within \(rules.minutesPublicationWorkingDays) working days of the dialogue of \(heldOn), "
                        + "by \(deadline) [\(rules.regulation)]; \(publishedOn) is late",
                    field: "published_on",
                    rule: "dialogue.minutes_publication_deadline",
                    values: ["days": "\(rules.minutesPublicationWorkingDays)", "deadline": "\(deadline)"]
                )
            }
            next.state = .minutesPublished
            next.minutesSignedOn = signedOn
            next.minutesPublishedOn = publishedOn
            next.minutesSummary = summary

        case (.planned, .cancel(let reason)):
            next.state = .cancelled
            next.cancelReason = reason

        default:
            throw RPCError(
                .failedPrecondition,
                "dialogue \(dialogue.id) is \(Self.name(of: dialogue.state)); it cannot \(Self.verb(of: event))",
                field: "id",
                rule: "dialogue.state"
            )
        }
        return next
    }

    /// FAILED_PRECONDITION (rule `dialogue.delegation_size`, or `dialogue.headcount_required`)
    /// unless the delegation fits the enterprise: never more people than it employs, and for a
    /// periodic dialogue a size in the band of its headcount.
    static func checkDelegation(kind: DialogueKind, size: Int, employees: Int, rules: DialogueRuleSet, on date: CalendarDate) throws(RPCError) {
        guard size >= 1 else {
            throw RPCError(.invalidArgument, "delegation_size must be at least 1", field: "delegation_size", rule: "dialogue.delegation_positive")
        }
        guard employees == 0 || size <= employees else {
            throw RPCError(
                .failedPrecondition,
                "a delegation of \(size) cannot come from an enterprise of \(employees) employees",
                field: "delegation_size",
                rule: "dialogue.delegation_size",
                values: ["size": "\(size)", "employees": "\(employees)"]
            )
        }
        guard kind == .periodic else { return }
        guard employees > 0, let band = rules.band(for: employees) else {
            throw RPCError(
                .failedPrecondition,
                "a periodic dialogue's delegation follows the headcount: record one on or before \(date) first",
                field: "unit_id",
                rule: "dialogue.headcount_required"
            )
        }
        let minimum = min(Int(band.minDelegates), employees)
        let maximum = band.maxDelegates == 0 ? Int.max : Int(band.maxDelegates)
        guard (minimum...maximum).contains(size) else {
            let range = band.maxDelegates == 0 ? "at least \(minimum)" : "\(minimum) to \(maximum)"
            throw RPCError(
                .failedPrecondition,
                "an enterprise of \(employees) employees sends \(range) representatives to a periodic dialogue [\(rules.regulation)]; got \(size)",
                field: "delegation_size",
                rule: "dialogue.delegation_size",
                values: ["size": "\(size)", "employees": "\(employees)"]
            )
        }
    }

    /// FAILED_PRECONDITION (rule `dialogue.periodic_quorum`) unless the employer's legal
    /// representative and more than the quorum of the delegation are present.
    static func checkQuorum(employerPresent: Bool, present: Int, of delegation: Int, rules: DialogueRuleSet) throws(RPCError) {
        guard employerPresent else {
            throw RPCError(
                .failedPrecondition,
                "a periodic dialogue is valid only with the employer's legal representative present [\(rules.regulation)]",
                field: "employer_legal_representative_present",
                rule: "dialogue.periodic_quorum",
                values: ["percent": "\(rules.periodicQuorumPercent)"]
            )
        }
        guard rules.isQuorate(present: present, of: delegation) else {
            throw RPCError(
                .failedPrecondition,
                "a periodic dialogue is valid only with more than \(rules.periodicQuorumPercent)% of the employee delegation present "
                    + "[\(rules.regulation)]; \(present) of \(delegation) is not enough",
                field: "representatives_present",
                rule: "dialogue.periodic_quorum",
                values: ["percent": "\(rules.periodicQuorumPercent)"]
            )
        }
    }

    /// FAILED_PRECONDITION (rule `dialogue.date_order`) when `later` is before `earlier`.
    static func requireOrder(_ earlier: CalendarDate, before later: CalendarDate, _ what: String, field: String) throws(RPCError) {
        guard earlier <= later else {
            throw RPCError(.failedPrecondition, "\(field) is \(later), before \(what) on \(earlier)", field: field, rule: "dialogue.date_order")
        }
    }

    private static func name(of state: DialogueState) -> String {
        switch state {
        case .planned: "planned"
        case .held: "held"
        case .minutesPublished: "closed with its minutes published"
        case .cancelled: "cancelled"
        default: "in an unknown state"
        }
    }

    private static func verb(of event: Event) -> String {
        switch event {
        case .reschedule: "be changed; only a planned dialogue can"
        case .hold: "be held; only a planned dialogue can"
        case .publishMinutes: "have its minutes published; only a held dialogue can"
        case .cancel: "be cancelled; only a planned dialogue can"
        }
    }
}
