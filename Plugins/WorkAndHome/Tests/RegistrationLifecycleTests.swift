import Testing
import ThiduaModuleKit
import WorkAndHome

/// The registration's lifecycle without I/O: every event from every state.
@Suite struct RegistrationLifecycleTests {
    typealias Event = RegistrationLifecycle.Event

    static let states: [WorkAndHomeState] = [.registered, .selfAssessed, .proposed, .returned, .recognised, .published]

    /// Each event's outcome from the states that allow it: the next state and the progress counted.
    static let allowed: [(Event, [WorkAndHomeState: (WorkAndHomeState, Int)])] = [
        (.selfAssess, [.registered: (.selfAssessed, 0), .selfAssessed: (.selfAssessed, 0), .returned: (.returned, 0)]),
        (.propose(resubmission: false, unmet: []), [.selfAssessed: (.proposed, 0)]),
        (.propose(resubmission: true, unmet: []), [.returned: (.proposed, 0)]),
        (.passOn, [.proposed: (.proposed, 0)]),
        (.returnToUnit, [.proposed: (.returned, 0)]),
        (.decide, [.proposed: (.recognised, 1)]),
        (.publish, [.recognised: (.published, 0)]),
        (.correct, [.published: (.proposed, -1)]),
    ]

    @Test(arguments: Self.states)
    func everyEventMovesOnlyFromTheStatesThatAllowIt(_ state: WorkAndHomeState) throws {
        for (event, outcomes) in Self.allowed {
            let lifecycle = RegistrationLifecycle(state: state)
            if let (next, progress) = outcomes[state] {
                let moved = try lifecycle.applying(event)
                #expect(moved.next.state == next && moved.progress == progress, "\(event) from \(state)")
            } else {
                let error = try #require(throws: RPCError.self, "\(event) from \(state)") { try lifecycle.applying(event) }
                #expect(error.code == .failedPrecondition && error.details.first?.rule == "work_and_home.state")
            }
        }
    }

    @Test func aProposalNeedsEveryCriterionMet() throws {
        for resubmission in [false, true] {
            let lifecycle = RegistrationLifecycle(state: resubmission ? .returned : .selfAssessed)
            let error = try #require(throws: RPCError.self) { try lifecycle.applying(.propose(resubmission: resubmission, unmet: ["family"])) }
            #expect(error.details.first?.rule == "work_and_home.criteria_unmet" && error.message.contains("family"))
        }
    }

    @Test func eachMoveOfTheCoresReviewIsOneEvent() {
        let unmet = ["work"]
        #expect(Event(.submitted, unmet: unmet) == .propose(resubmission: false, unmet: unmet))
        #expect(Event(.resubmitted, unmet: unmet) == .propose(resubmission: true, unmet: unmet))
        #expect(Event(.passedOn, unmet: []) == .passOn)
        #expect(Event(.returned, unmet: []) == .returnToUnit)
        #expect(Event(.decided, unmet: []) == .decide)
        #expect(Event(.published, unmet: []) == .publish)
        #expect(Event(.corrected, unmet: []) == .correct)
    }
}
