import ThiduaModuleKit

/// The lifecycle of a member's yearly registration, as a pure state machine:
///
/// ```
/// REGISTERED -> SELF_ASSESSED -> PROPOSED -> RECOGNISED -> PUBLISHED
/// PROPOSED -> RETURNED -> PROPOSED (sent in again; she may assess herself anew meanwhile)
/// PUBLISHED -> PROPOSED (the recognition is corrected)
/// ```
///
/// From PROPOSED on, the moves are the core review's (``ReviewReference/Move``).
public struct RegistrationLifecycle: Sendable, Equatable {
    public enum Event: Sendable, Equatable {
        /// She records or replaces her self-assessment.
        case selfAssess
        /// Her union proposes her, or sends a returned proposal in again; `unmet` are the codes of
        /// the criteria she does not meet.
        case propose(resubmission: Bool, unmet: [String])
        /// A level approves and passes the proposal on.
        case passOn
        /// A level sends it back.
        case returnToUnit
        /// The launching unit recognises her.
        case decide
        case publish
        /// A correction of the published recognition reopens it.
        case correct

        /// The event a move of the core's review is.
        public init(_ move: ReviewReference.Move, unmet: [String]) {
            switch move {
            case .submitted: self = .propose(resubmission: false, unmet: unmet)
            case .resubmitted: self = .propose(resubmission: true, unmet: unmet)
            case .passedOn: self = .passOn
            case .returned: self = .returnToUnit
            case .decided: self = .decide
            case .published: self = .publish
            case .corrected: self = .correct
            }
        }

        var name: String {
            switch self {
            case .selfAssess: "a self-assessment"
            case .propose(let resubmission, _): resubmission ? "a resubmission" : "a proposal"
            case .passOn: "a pass to the next level"
            case .returnToUnit: "a return"
            case .decide: "a recognition"
            case .publish: "a publication"
            case .correct: "a correction"
            }
        }

        var allowedIn: [WorkAndHomeState] {
            switch self {
            case .selfAssess: [.registered, .selfAssessed, .returned]
            case .propose(let resubmission, _): resubmission ? [.returned] : [.selfAssessed]
            case .passOn, .returnToUnit, .decide: [.proposed]
            case .publish: [.recognised]
            case .correct: [.published]
            }
        }
    }

    public let state: WorkAndHomeState

    public init(state: WorkAndHomeState) {
        self.state = state
    }

    /// The registration after `event`, and what it adds to her unit's count in the campaign's
    /// progress; or the rule that refuses it.
    public func applying(_ event: Event) throws(RPCError) -> (next: RegistrationLifecycle, progress: Int) {
        guard event.allowedIn.contains(self.state) else {
            throw RPCError(
                .failedPrecondition,
                "the registration is \(self.state.name); \(event.name) is possible while it is "
                    + event.allowedIn.map(\.name).joined(separator: " or "),
                field: "id",
                rule: "work_and_home.state",
                values: ["state": self.state.name]
            )
        }
        switch event {
        case .selfAssess:
            return (Self(state: self.state == .returned ? .returned : .selfAssessed), 0)
        case .propose(_, let unmet):
            guard unmet.isEmpty else {
                throw RPCError(
                    .failedPrecondition,
                    "she is proposed only when she meets every criterion; not met: \(unmet.joined(separator: ", "))",
                    field: "id",
                    rule: "work_and_home.criteria_unmet",
                    values: ["criteria": unmet.joined(separator: ", ")]
                )
            }
            return (Self(state: .proposed), 0)
        case .passOn: return (Self(state: .proposed), 0)
        case .returnToUnit: return (Self(state: .returned), 0)
        case .decide: return (Self(state: .recognised), 1)
        case .publish: return (Self(state: .published), 0)
        case .correct: return (Self(state: .proposed), -1)
        }
    }
}

extension WorkAndHomeState {
    /// The name on the wire, for messages.
    var name: String {
        switch self {
        case .unspecified: "WORK_AND_HOME_STATE_UNSPECIFIED"
        case .registered: "REGISTERED"
        case .selfAssessed: "SELF_ASSESSED"
        case .proposed: "PROPOSED"
        case .returned: "RETURNED"
        case .recognised: "RECOGNISED"
        case .published: "PUBLISHED"
        case .UNRECOGNIZED(let value): "\(value)"
        }
    }
}
