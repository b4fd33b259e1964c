import ThiduaModuleKit

/// The review workflow as a state machine: the levels approve one after the other, the last
/// approval decides, the deciding unit publishes. Pure: the store persists what it returns.
struct ReviewLifecycle: Equatable, Sendable {
    enum Action: Equatable, Sendable {
        case approve
        case reject(reason: String)
        case resubmit
        case publish
    }

    var state: ReviewState
    /// The index of the level the review waits for; `levelCount` once decided.
    var currentLevel: Int
    let levelCount: Int
    var round: Int

    /// A fresh submission, waiting for the first level.
    static func submitted(levels: Int) -> ReviewLifecycle {
        ReviewLifecycle(state: .inReview, currentLevel: 0, levelCount: levels, round: 1)
    }

    /// The step's name for the history: "approved", "decided", "rejected"...
    func applying(_ action: Action) throws(RPCError) -> (next: ReviewLifecycle, step: String) {
        var next = self
        switch (self.state, action) {
        case (.published, _):
            throw Self.refusal("review is published; it never changes: correct it with a new review", rule: "review.published_immutable")
        case (.inReview, .approve):
            next.currentLevel += 1
            if next.currentLevel == self.levelCount {
                next.state = .decided
                return (next, "decided")
            }
            return (next, "approved")
        case (.inReview, .reject(let reason)):
            guard !reason.isEmpty else {
                throw RPCError(.invalidArgument, "a rejection needs a reason", field: "reason", rule: "review.reason_required")
            }
            next.state = .rejected
            return (next, "rejected")
        case (.rejected, .resubmit):
            next.state = .inReview
            next.currentLevel = 0
            next.round += 1
            return (next, "resubmitted")
        case (.decided, .publish):
            next.state = .published
            return (next, "published")
        default:
            throw Self.refusal("a review that is \(self.state) cannot be \(action.pastTense)", rule: "review.transition")
        }
    }

    private static func refusal(_ message: String, rule: String) -> RPCError {
        RPCError(.failedPrecondition, message, field: "id", rule: rule)
    }
}

extension ReviewLifecycle.Action {
    var pastTense: String {
        switch self {
        case .approve: "approved"
        case .reject: "rejected"
        case .resubmit: "resubmitted"
        case .publish: "published"
        }
    }
}
