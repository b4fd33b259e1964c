import InnovationAPI
import ThiduaModuleKit

/// The life of an initiative as a pure state machine: no storage, no clock.
///
/// ```text
///  (new) --file--> FILED --submit--> IN_REVIEW --decided--> RECOGNISED --published--> PUBLISHED
///  (new) --import of a decided register--> RECOGNISED
///  RECOGNISED, PUBLISHED --correction (a new review)--> IN_REVIEW
///  IN_REVIEW --a level approves--> IN_REVIEW;  IN_REVIEW --rejected--> RETURNED --resubmitted--> IN_REVIEW
///  FILED, RETURNED --edit--> same state;  FILED, RETURNED --withdraw--> WITHDRAWN
/// ```
///
/// Review moves come from the core's review workflow; a move the machine refuses is refused in
/// the core too (the observer throws inside the core's transaction).
enum InitiativeLifecycle {
    enum Event: Equatable, Sendable {
        /// Filed into a unit's register.
        case file
        /// Imported with an upper level's council decision.
        case importDecided
        case edit
        case submit
        case withdraw
        /// The core's review of the initiative moved to this state.
        case review(ReviewReference.State)
    }

    /// What the campaign's progress must do after a transition.
    enum Effect: Equatable, Sendable {
        case none
        /// Count the initiative, if it was first applied inside the campaign's window.
        case count
        /// Take back the count, if it was counted.
        case uncount
    }

    struct Transition: Equatable, Sendable {
        let state: InitiativeState
        /// The step's name in the initiative's history.
        let action: String
        let effect: Effect
    }

    /// The state before an initiative exists.
    static let new = InitiativeState.unspecified

    /// The transition `event` makes from `state`, or FAILED_PRECONDITION (rule `innovation.state`).
    static func apply(_ event: Event, to state: InitiativeState) throws(RPCError) -> Transition {
        switch (event, state) {
        case (.file, .unspecified):
            return Transition(state: .filed, action: "filed", effect: .none)
        case (.importDecided, .unspecified):
            return Transition(state: .recognised, action: "imported", effect: .count)
        case (.edit, .filed), (.edit, .returned):
            return Transition(state: state, action: "updated", effect: .none)
        case (.submit, .filed), (.review(.inReview), .filed):
            return Transition(state: .inReview, action: "submitted", effect: .none)
        case (.review(.inReview), .returned):
            return Transition(state: .inReview, action: "resubmitted", effect: .none)
        case (.review(.inReview), .inReview):
            return Transition(state: .inReview, action: "advanced", effect: .none)
        case (.review(.inReview), .recognised), (.review(.inReview), .published):
            return Transition(state: .inReview, action: "correction", effect: .uncount)
        case (.review(.rejected), .inReview):
            return Transition(state: .returned, action: "returned", effect: .none)
        case (.review(.decided), .inReview):
            return Transition(state: .recognised, action: "recognised", effect: .count)
        case (.review(.published), .recognised):
            return Transition(state: .published, action: "published", effect: .none)
        case (.withdraw, .filed), (.withdraw, .returned):
            return Transition(state: .withdrawn, action: "withdrawn", effect: .none)
        default:
            throw RPCError(
                .failedPrecondition,
                "an initiative that is \(Self.name(of: state)) cannot be \(Self.describe(event))",
                field: "id",
                rule: "innovation.state"
            )
        }
    }

    private static func name(of state: InitiativeState) -> String {
        switch state {
        case .unspecified: "not yet filed"
        case .filed: "FILED"
        case .inReview: "IN_REVIEW"
        case .returned: "RETURNED"
        case .recognised: "RECOGNISED"
        case .published: "PUBLISHED"
        case .withdrawn: "WITHDRAWN"
        case .UNRECOGNIZED(let value): "in state \(value)"
        }
    }

    private static func describe(_ event: Event) -> String {
        switch event {
        case .file: "filed again"
        case .importDecided: "imported again"
        case .edit: "changed (only FILED or RETURNED initiatives can)"
        case .submit: "submitted (only a FILED one can; a RETURNED one is resubmitted with thidua.core.v1.Reviews/ResubmitReview)"
        case .withdraw: "withdrawn (only FILED or RETURNED initiatives can)"
        case .review(.inReview): "put in review"
        case .review(.rejected): "returned (only one IN_REVIEW can)"
        case .review(.decided): "recognised (only one IN_REVIEW can)"
        case .review(.published): "published (only a RECOGNISED one can)"
        }
    }
}
