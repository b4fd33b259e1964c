import ThiduaModuleKit

/// The lifecycle of a unit's yearly registration, as a pure state machine: no I/O, every rule of
/// order in one place.
///
/// ```
/// registered -> selfAssessed -> submitted -> appraised -> proposed -> recognised
/// submitted | appraised -> returned -> selfAssessed (submitted again: one round more)
/// appraised | proposed -> notRecognised
/// recognised -> (proposed upward, once)
/// ```
public struct RegistrationLifecycle: Sendable, Equatable {
    /// Numbered as `thidua.green_clean.v1.GreenCleanState`.
    public enum State: Int, Sendable, CaseIterable, CustomStringConvertible {
        case registered = 1, selfAssessed, submitted, returned, appraised, proposed, recognised, notRecognised

        public var description: String {
            switch self {
            case .registered: "REGISTERED"
            case .selfAssessed: "SELF_ASSESSED"
            case .submitted: "SUBMITTED"
            case .returned: "RETURNED"
            case .appraised: "APPRAISED"
            case .proposed: "PROPOSED"
            case .recognised: "RECOGNISED"
            case .notRecognised: "NOT_RECOGNISED"
            }
        }
    }

    /// What can happen to a registration.
    public enum Event: Sendable {
        /// The unit records (or replaces) its own scores.
        case selfAssess
        /// The unit sends its self-assessment for appraisal.
        case submit
        /// The appraising unit sends it back, saying what to fix.
        case returnForFixes(reason: String)
        /// The appraising unit fixes the scores.
        case appraise
        /// The appraising unit proposes the unit for recognition.
        case proposeRecognition(RecognitionCheck)
        /// The decision recognising the unit.
        case recognise(RecognitionCheck)
        /// The decision not to recognise it.
        case decline(reason: String)
        /// A recognised unit is proposed to the level above for a higher award.
        case proposeUpward

        var name: String {
            switch self {
            case .selfAssess: "a self-assessment"
            case .submit: "a submission for appraisal"
            case .returnForFixes: "a return for fixes"
            case .appraise: "an appraisal"
            case .proposeRecognition: "a proposal for recognition"
            case .recognise: "a recognition"
            case .decline: "a decision not to recognise"
            case .proposeUpward: "a proposal upward"
            }
        }

        /// The states the event may happen in.
        var allowedIn: [State] {
            switch self {
            case .selfAssess: [.registered, .selfAssessed, .returned]
            case .submit: [.selfAssessed]
            case .returnForFixes: [.submitted, .appraised]
            case .appraise: [.submitted]
            case .proposeRecognition: [.appraised]
            case .recognise: [.proposed]
            case .decline: [.appraised, .proposed]
            case .proposeUpward: [.recognised]
            }
        }
    }

    public private(set) var state: State
    /// Submissions so far: 1 after the first, one more for each resubmission.
    public private(set) var round: Int
    /// Whether the unit was proposed for recognition (a return is no longer possible after that).
    public private(set) var wasProposed: Bool
    /// Whether the recognised unit was proposed to the level above.
    public private(set) var proposedUpward: Bool

    /// A new registration.
    public init() {
        self.init(state: .registered, round: 0, wasProposed: false, proposedUpward: false)
    }

    /// A registration as stored.
    public init(state: State, round: Int, wasProposed: Bool, proposedUpward: Bool) {
        self.state = state
        self.round = round
        self.wasProposed = wasProposed
        self.proposedUpward = proposedUpward
    }

    /// The registration after `event`, or the rule that refuses it.
    public func applying(_ event: Event) throws(RPCError) -> RegistrationLifecycle {
        guard event.allowedIn.contains(self.state) else {
            let allowed = event.allowedIn.map(\.description).joined(separator: " or ")
            throw RPCError(
                .failedPrecondition,
                "the registration is \(self.state); \(event.name) is possible while it is \(allowed)",
                field: "id",
                rule: "green_clean.state"
            )
        }
        var next = self
        switch event {
        case .selfAssess:
            next.state = .selfAssessed
        case .submit:
            next.state = .submitted
            next.round += 1
        case .returnForFixes(let reason):
            try Self.requireReason(reason)
            next.state = .returned
        case .appraise:
            next.state = .appraised
        case .proposeRecognition(let check):
            try check.require()
            next.state = .proposed
            next.wasProposed = true
        case .recognise(let check):
            try check.require()
            next.state = .recognised
        case .decline(let reason):
            try Self.requireReason(reason)
            next.state = .notRecognised
        case .proposeUpward:
            guard !self.proposedUpward else {
                throw RPCError(
                    .failedPrecondition,
                    "the unit was already proposed to the level above for this registration",
                    field: "id",
                    rule: "green_clean.upward_once"
                )
            }
            next.proposedUpward = true
        }
        return next
    }

    private static func requireReason(_ reason: String) throws(RPCError) {
        guard !reason.allSatisfy(\.isWhitespace) else {
            throw RPCError(.invalidArgument, "a reason is required", field: "reason", rule: "green_clean.reason_required")
        }
    }
}
