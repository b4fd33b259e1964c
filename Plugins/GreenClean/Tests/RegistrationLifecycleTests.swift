import Testing
import ThiduaWire

@testable import GreenClean

/// The lifecycle as a pure state machine: no server, no database.
@Suite struct RegistrationLifecycleTests {
    typealias State = RegistrationLifecycle.State
    typealias Event = RegistrationLifecycle.Event

    static let passing = RecognitionCheck(unitID: "u9", year: 2021, appraisedTotal: 97, passingScore: 96, disqualifiers: [])
    static let fatalAccident = Disqualifier(factID: "gf3", kind: .fatalWorkAccident, description: "fatal work accident on 2021-05-03 (gf3)")

    /// Every event, named, for the table of allowed moves.
    static let events: [(String, Event)] = [
        ("selfAssess", .selfAssess),
        ("submit", .submit),
        ("returnForFixes", .returnForFixes(reason: "thiếu biên bản kiểm tra")),
        ("appraise", .appraise),
        ("proposeRecognition", .proposeRecognition(Self.passing)),
        ("recognise", .recognise(Self.passing)),
        ("decline", .decline(reason: "chưa đạt")),
        ("proposeUpward", .proposeUpward),
    ]

    /// The moves the domain allows, written out independently of the machine's own table.
    static let allowed: [State: [String: State]] = [
        .registered: ["selfAssess": .selfAssessed],
        .selfAssessed: ["selfAssess": .selfAssessed, "submit": .submitted],
        .submitted: ["returnForFixes": .returned, "appraise": .appraised],
        .returned: ["selfAssess": .selfAssessed],
        .appraised: ["returnForFixes": .returned, "proposeRecognition": .proposed, "decline": .notRecognised],
        .proposed: ["recognise": .recognised, "decline": .notRecognised],
        .recognised: ["proposeUpward": .recognised],
        .notRecognised: [:],
    ]

    @Test(arguments: State.allCases)
    func eachStateAllowsExactlyItsMoves(_ state: State) throws {
        let lifecycle = RegistrationLifecycle(state: state, round: 1, wasProposed: state == .proposed, proposedUpward: false)
        for (name, event) in Self.events {
            if let expected = Self.allowed[state]![name] {
                #expect(try lifecycle.applying(event).state == expected, "\(state) + \(name)")
            } else {
                let error = #expect(throws: RPCError.self, "\(state) + \(name) must be refused") { try lifecycle.applying(event) }
                #expect(error?.code == .failedPrecondition)
                #expect(error?.details.first?.rule == "green_clean.state")
                #expect(error?.message.contains("\(state)") == true)
            }
        }
    }

    @Test func aReturnedRegistrationIsResubmittedInANewRound() throws {
        var lifecycle = RegistrationLifecycle()
        #expect(lifecycle.round == 0)
        lifecycle = try lifecycle.applying(.selfAssess).applying(.submit)
        #expect(lifecycle.round == 1)
        lifecycle = try lifecycle.applying(.returnForFixes(reason: "bổ sung ảnh khuôn viên"))
        #expect(lifecycle.state == .returned)
        lifecycle = try lifecycle.applying(.selfAssess).applying(.submit)
        #expect(lifecycle.round == 2)
        lifecycle = try lifecycle.applying(.appraise).applying(.returnForFixes(reason: "điểm PCCN chưa có minh chứng"))
        lifecycle = try lifecycle.applying(.selfAssess).applying(.submit).applying(.appraise)
        #expect(lifecycle.round == 3)
        #expect(lifecycle.state == .appraised)
    }

    @Test func theWholeWayToAProposalUpward() throws {
        let lifecycle = try RegistrationLifecycle()
            .applying(.selfAssess)
            .applying(.submit)
            .applying(.appraise)
            .applying(.proposeRecognition(Self.passing))
            .applying(.recognise(Self.passing))
            .applying(.proposeUpward)
        #expect(lifecycle == RegistrationLifecycle(state: .recognised, round: 1, wasProposed: true, proposedUpward: true))
    }

    @Test func aUnitIsProposedUpwardOnlyOnce() throws {
        let recognised = RegistrationLifecycle(state: .recognised, round: 1, wasProposed: true, proposedUpward: true)
        let error = #expect(throws: RPCError.self) { try recognised.applying(.proposeUpward) }
        #expect(error?.details.first?.rule == "green_clean.upward_once")
    }

    @Test(arguments: ["", "   ", "\n\t"])
    func aReturnAndADeclineNeedAReason(_ reason: String) throws {
        let submitted = RegistrationLifecycle(state: .submitted, round: 1, wasProposed: false, proposedUpward: false)
        let returned = #expect(throws: RPCError.self) { try submitted.applying(.returnForFixes(reason: reason)) }
        #expect(returned?.code == .invalidArgument)
        #expect(returned?.details.first?.rule == "green_clean.reason_required")
        let appraised = RegistrationLifecycle(state: .appraised, round: 1, wasProposed: false, proposedUpward: false)
        let declined = #expect(throws: RPCError.self) { try appraised.applying(.decline(reason: reason)) }
        #expect(declined?.details.first?.rule == "green_clean.reason_required")
    }

    @Test func aDisqualifyingFactBlocksRecognitionWhateverTheScore() throws {
        let perfect = RecognitionCheck(unitID: "u9", year: 2021, appraisedTotal: 100, passingScore: 96, disqualifiers: [Self.fatalAccident])
        let appraised = RegistrationLifecycle(state: .appraised, round: 1, wasProposed: false, proposedUpward: false)
        let proposal = #expect(throws: RPCError.self) { try appraised.applying(.proposeRecognition(perfect)) }
        #expect(proposal?.code == .failedPrecondition)
        #expect(proposal?.details.map(\.rule) == ["green_clean.disqualified"])
        #expect(proposal?.details.first?.description_p.contains("gf3") == true)
        #expect(proposal?.message.contains("fatal work accident on 2021-05-03") == true)

        let proposed = RegistrationLifecycle(state: .proposed, round: 1, wasProposed: true, proposedUpward: false)
        let recognition = #expect(throws: RPCError.self) { try proposed.applying(.recognise(perfect)) }
        #expect(recognition?.details.first?.rule == "green_clean.disqualified")
    }

    @Test func everyDisqualifyingFactIsNamed() throws {
        let disease = Disqualifier(factID: "gf8", kind: .occupationalDiseaseCases, description: "more occupational-disease cases than the year before (gf8)")
        let check = RecognitionCheck(unitID: "u9", year: 2021, appraisedTotal: 99, passingScore: 96, disqualifiers: [Self.fatalAccident, disease])
        let error = #expect(throws: RPCError.self) { try check.require() }
        #expect(error?.details.map(\.rule) == ["green_clean.disqualified", "green_clean.disqualified"])
        #expect(error?.details.map(\.description_p) == [Self.fatalAccident.description, disease.description])
    }

    @Test func aTotalBelowThePassingScoreIsNotProposed() throws {
        let appraised = RegistrationLifecycle(state: .appraised, round: 1, wasProposed: false, proposedUpward: false)
        let short = RecognitionCheck(unitID: "u9", year: 2021, appraisedTotal: 95, passingScore: 96, disqualifiers: [])
        let error = #expect(throws: RPCError.self) { try appraised.applying(.proposeRecognition(short)) }
        #expect(error?.details.first?.rule == "green_clean.below_passing_score")
        let exact = RecognitionCheck(unitID: "u9", year: 2021, appraisedTotal: 96, passingScore: 96, disqualifiers: [])
        #expect(try appraised.applying(.proposeRecognition(exact)).state == .proposed)
    }
}
