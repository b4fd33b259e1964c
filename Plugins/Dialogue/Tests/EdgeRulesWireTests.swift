import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// The rules the other suites do not reach: dissolved enterprises, renewals across enterprises,
/// early continuations, odd requests, retries of lifecycle steps and the change feed.
@Suite struct EdgeRulesWireTests {
    @Test func aDissolvedEnterpriseTakesNoNewRecordsAndLeavesTheCoverage() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID)
            _ = try await f.admin.unary(Methods.Core.Units.dissolveUnit, .with {
                $0.id = org.garmentID
                $0.effectiveOn = "2025-04-01"
                $0.decision = "15/QĐ-LĐLĐ"
                $0.reason = "Doanh nghiệp giải thể"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.unit_live") {
                try await f.recordHeadcount(org.garmentID, 200, asOf: "2025-04-02")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.unit_live") {
                _ = try await f.planPeriodic(org.garmentID, on: "2025-05-05")
            }
            // Its history stays readable.
            let fetched = try await f.call(Methods.Dialogue.Dialogues.getDialogue, .with { $0.id = planned.id })
            #expect(fetched.unitID == org.garmentID)
            let coverage = try await f.call(Methods.Dialogue.BargainingReports.getBargainingCoverage, .with {
                $0.unitID = org.districtID
            })
            #expect(coverage.total.unionisedEnterprises == 1)
        }
    }

    @Test func renewalsBelongToTheSameEnterpriseAndContinuationsWaitForTheWindow() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.garmentID, 240, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(org.electronicsID, 180, asOf: "2024-01-01")
            // In force from 15 April 2025 for three years.
            let current = try await f.agreementInForce(org.garmentID, requestedOn: "2025-04-01", signedOn: "2025-04-15", termYears: 3)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.renewal_same_enterprise") {
                _ = try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
                    $0.unitID = org.electronicsID
                    $0.title = "Thỏa ước"
                    $0.requestedBy = .employer
                    $0.requestedOn = "2025-06-02"
                    $0.renewsAgreementID = current.id
                })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.continuation_window") {
                _ = try await f.call(Methods.Dialogue.Agreements.continueAgreement, .with {
                    $0.agreementID = current.id
                    $0.continuedUntil = "2028-05-01"
                })
            }
            let requested = try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
                $0.unitID = org.electronicsID
                $0.title = "Thỏa ước"
                $0.requestedBy = .employer
                $0.requestedOn = "2025-06-02"
            })
            _ = try await f.call(Methods.Dialogue.Agreements.recordBargainingSession, .with {
                $0.agreementID = requested.id
                $0.heldOn = "2025-06-03"
                $0.minutes = "Phiên 1"
            })
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.clause_numbers") {
                _ = try await f.call(Methods.Dialogue.Agreements.recordAgreementDraft, .with {
                    $0.agreementID = requested.id
                    $0.draftedOn = "2025-06-04"
                    $0.clauses = [clause(0, .wages, favourable: true)]
                })
            }
        }
    }

    @Test func oddRequestsAreRefusedByField() async throws {
        try await DialogueFixture.with { f, org in
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.year") {
                _ = try await f.call(Methods.Dialogue.Dialogues.getDialogueCalendar, .with { $0.year = 99_999 })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum") {
                _ = try await f.call(Methods.Dialogue.Agreements.listAgreements, .with {
                    $0.state = .UNRECOGNIZED(42)
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.max_length") {
                _ = try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
                    $0.unitID = org.garmentID
                    $0.title = String(repeating: "Thỏa ước ", count: 50)
                    $0.requestedBy = .employer
                    $0.requestedOn = "2025-06-02"
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format") {
                _ = try await f.call(Methods.Dialogue.Agreements.getAgreement, .with { $0.id = "dl1" })
            }
        }
    }

    @Test func aRetriedStepAnswersAsTheFirstTimeAndFeedsTheChangeFeedOnce() async throws {
        try await DialogueFixture.with { f, org in
            let planned = try await f.planPeriodic(org.garmentID)
            let hold = HoldDialogueRequest.with {
                $0.id = planned.id
                $0.heldOn = "2025-03-14"
                $0.employerLegalRepresentativePresent = true
                $0.representativesPresent = 9
            }
            let first = try await f.admin.unary(Methods.Dialogue.Dialogues.holdDialogue, hold, metadata: ["idempotency-key": "hold-1"])
            let again = try await f.admin.unary(Methods.Dialogue.Dialogues.holdDialogue, hold, metadata: ["idempotency-key": "hold-1"])
            #expect(again == first)
            // Without the key, the same step is a second hold, which the lifecycle refuses.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.state") {
                _ = try await f.call(Methods.Dialogue.Dialogues.holdDialogue, hold)
            }
            #expect(try await f.changes(of: planned.id).map(\.operation) == ["created", "updated"])
        }
    }

    @Test func theRefusalCheckNoticesACallThatSucceedsAndChangesTheDatabase() async throws {
        try await DialogueFixture.with { f, org in
            // The call succeeds and records a headcount: the check reports both.
            let failure = await #expect(throws: RefusalExpectationFailed.self) {
                try await f.expectRefusal(.invalidArgument, rule: "dialogue.headcount_positive") {
                    try await f.recordHeadcount(org.electronicsID, 10, asOf: "2025-01-01")
                }
            }
            #expect(failure?.problems.count == 2)
            #expect(failure?.problems.first?.hasSuffix("got success") == true)
            #expect(failure?.problems.last?.hasPrefix("the call changed") == true)
        }
    }
}
