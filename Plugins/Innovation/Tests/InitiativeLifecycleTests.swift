import Testing
import ThiduaModuleKit

@testable import Innovation

/// The lifecycle alone, without storage or a server: every event from every state.
@Suite struct InitiativeLifecycleTests {
    typealias Event = InitiativeLifecycle.Event

    static let states: [InitiativeState] = [.unspecified, .filed, .inReview, .returned, .recognised, .published, .withdrawn]
    static let events: [Event] = [
        .file, .importDecided, .edit, .submit, .withdraw,
        .review(.inReview), .review(.rejected), .review(.decided), .review(.published),
    ]

    /// Every allowed move, with its history step and its effect on the campaign's count; every
    /// other pair is refused.
    static let allowed: [String: InitiativeLifecycle.Transition] = [
        "file@unspecified": .init(state: .filed, action: "filed", effect: .none),
        "importDecided@unspecified": .init(state: .recognised, action: "imported", effect: .count),
        "edit@filed": .init(state: .filed, action: "updated", effect: .none),
        "edit@returned": .init(state: .returned, action: "updated", effect: .none),
        "submit@filed": .init(state: .inReview, action: "submitted", effect: .none),
        "review(inReview)@filed": .init(state: .inReview, action: "submitted", effect: .none),
        "review(inReview)@inReview": .init(state: .inReview, action: "advanced", effect: .none),
        "review(inReview)@returned": .init(state: .inReview, action: "resubmitted", effect: .none),
        "review(inReview)@recognised": .init(state: .inReview, action: "correction", effect: .uncount),
        "review(inReview)@published": .init(state: .inReview, action: "correction", effect: .uncount),
        "review(rejected)@inReview": .init(state: .returned, action: "returned", effect: .none),
        "review(decided)@inReview": .init(state: .recognised, action: "recognised", effect: .count),
        "review(published)@recognised": .init(state: .published, action: "published", effect: .none),
        "withdraw@filed": .init(state: .withdrawn, action: "withdrawn", effect: .none),
        "withdraw@returned": .init(state: .withdrawn, action: "withdrawn", effect: .none),
    ]

    static func key(_ event: Event, _ state: InitiativeState) -> String {
        let name: String
        switch event {
        case .review(let review): name = "review(\(review))"
        default: name = "\(event)"
        }
        return "\(name)@\(state)"
    }

    @Test(arguments: Self.states)
    func everyEventFromState(_ state: InitiativeState) {
        for event in Self.events {
            let key = Self.key(event, state)
            if let expected = Self.allowed[key] {
                #expect((try? InitiativeLifecycle.apply(event, to: state)) == expected, "\(key)")
            } else {
                #expect(throws: RPCError.self, "\(key) should be refused") {
                    try InitiativeLifecycle.apply(event, to: state)
                }
            }
        }
    }

    @Test func refusalsNameTheStateRule() {
        do {
            _ = try InitiativeLifecycle.apply(.edit, to: .inReview)
            Issue.record("editing an initiative in review was allowed")
        } catch {
            #expect(error.code == .failedPrecondition)
            #expect(error.details.first?.rule == "innovation.state")
            #expect(error.message.contains("IN_REVIEW"))
        }
    }

    @Test func everyAllowedKeyIsReachable() {
        let reachable = Set(Self.states.flatMap { state in Self.events.map { Self.key($0, state) } })
        #expect(Set(Self.allowed.keys).isSubset(of: reachable))
    }

    @Test func theSchemaNamesWithdrawnByItsNumber() {
        // The partial index of live titles, and the novelty query that must match it, say
        // "state <> 6".
        #expect(InitiativeState.withdrawn.rawValue == 6)
    }
}
