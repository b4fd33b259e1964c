import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

@testable import Dialogue

/// The rules the other suites do not reach: dissolved enterprises, renewals across enterprises,
/// early continuations, odd requests, retries of lifecycle steps and the change feed.
@Suite struct EdgeRulesWireTests {
    @Test func aDissolvedEnterpriseTakesNoNewRecordsAndLeavesTheCoverage() async throws {
        try await DialogueFixture.with { f in
            let planned = try await f.planPeriodic(f.garmentID)
            let _: ThiduaCoreAPI.Unit = try await f.admin.unary("thidua.core.v1.Units/DissolveUnit", DissolveUnitRequest.with {
                $0.id = f.garmentID
                $0.effectiveOn = "2025-04-01"
                $0.decision = "15/QĐ-LĐLĐ"
                $0.reason = "Doanh nghiệp giải thể"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.unit_live") {
                try await f.recordHeadcount(f.garmentID, 200, asOf: "2025-04-02")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.unit_live") {
                _ = try await f.planPeriodic(f.garmentID, on: "2025-05-05")
            }
            // Its history stays readable.
            let fetched: WorkplaceDialogue = try await f.call("Dialogues/GetDialogue", GetDialogueRequest.with { $0.id = planned.id })
            #expect(fetched.unitID == f.garmentID)
            let coverage: BargainingCoverage = try await f.call("BargainingReports/GetBargainingCoverage", GetBargainingCoverageRequest.with {
                $0.unitID = f.districtID
            })
            #expect(coverage.total.unionisedEnterprises == 1)
        }
    }

    @Test func renewalsBelongToTheSameEnterpriseAndContinuationsWaitForTheWindow() async throws {
        try await DialogueFixture.with { f in
            _ = try await f.recordHeadcount(f.garmentID, 240, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(f.electronicsID, 180, asOf: "2024-01-01")
            // In force from 15 April 2025 for three years.
            let current = try await f.agreementInForce(f.garmentID, requestedOn: "2025-04-01", signedOn: "2025-04-15", termYears: 3)
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.renewal_same_enterprise") {
                let _: CollectiveAgreement = try await f.call("Agreements/RequestBargaining", RequestBargainingRequest.with {
                    $0.unitID = f.electronicsID
                    $0.title = "Thỏa ước"
                    $0.requestedBy = .employer
                    $0.requestedOn = "2025-06-02"
                    $0.renewsAgreementID = current.id
                })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.continuation_window") {
                let _: CollectiveAgreement = try await f.call("Agreements/ContinueAgreement", ContinueAgreementRequest.with {
                    $0.agreementID = current.id
                    $0.continuedUntil = "2028-05-01"
                })
            }
            let requested: CollectiveAgreement = try await f.call("Agreements/RequestBargaining", RequestBargainingRequest.with {
                $0.unitID = f.electronicsID
                $0.title = "Thỏa ước"
                $0.requestedBy = .employer
                $0.requestedOn = "2025-06-02"
            })
            let _: CollectiveAgreement = try await f.call("Agreements/RecordBargainingSession", RecordBargainingSessionRequest.with {
                $0.agreementID = requested.id
                $0.heldOn = "2025-06-03"
                $0.minutes = "Phiên 1"
            })
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.clause_numbers") {
                let _: CollectiveAgreement = try await f.call("Agreements/RecordAgreementDraft", RecordAgreementDraftRequest.with {
                    $0.agreementID = requested.id
                    $0.draftedOn = "2025-06-04"
                    $0.clauses = [clause(0, .wages, favourable: true)]
                })
            }
        }
    }

    @Test func oddRequestsAreRefusedByField() async throws {
        try await DialogueFixture.with { f in
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.year") {
                let _: DialogueCalendar = try await f.call("Dialogues/GetDialogueCalendar", GetDialogueCalendarRequest.with { $0.year = 99_999 })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum") {
                let _: ListAgreementsResponse = try await f.call("Agreements/ListAgreements", ListAgreementsRequest.with {
                    $0.state = .UNRECOGNIZED(42)
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.max_length") {
                let _: CollectiveAgreement = try await f.call("Agreements/RequestBargaining", RequestBargainingRequest.with {
                    $0.unitID = f.garmentID
                    $0.title = String(repeating: "Thỏa ước ", count: 50)
                    $0.requestedBy = .employer
                    $0.requestedOn = "2025-06-02"
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format") {
                let _: CollectiveAgreement = try await f.call("Agreements/GetAgreement", GetAgreementRequest.with { $0.id = "dl1" })
            }
        }
    }

    @Test func aRetriedStepAnswersAsTheFirstTimeAndFeedsTheChangeFeedOnce() async throws {
        try await DialogueFixture.with { f in
            let planned = try await f.planPeriodic(f.garmentID)
            let hold = HoldDialogueRequest.with {
                $0.id = planned.id
                $0.heldOn = "2025-03-14"
                $0.employerLegalRepresentativePresent = true
                $0.representativesPresent = 9
            }
            let first: WorkplaceDialogue = try await f.call("Dialogues/HoldDialogue", hold, idempotencyKey: "hold-1")
            let again: WorkplaceDialogue = try await f.call("Dialogues/HoldDialogue", hold, idempotencyKey: "hold-1")
            #expect(again == first)
            // Without the key, the same step is a second hold, which the lifecycle refuses.
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.state") {
                let _: WorkplaceDialogue = try await f.call("Dialogues/HoldDialogue", hold)
            }
            #expect(try await f.changes(of: planned.id).map(\.operation) == ["created", "updated"])
        }
    }

    @Test func theRefusalCheckNoticesACallThatSucceedsAndChangesTheDatabase() async throws {
        try await DialogueFixture.with { f in
            await withKnownIssue("the call succeeds and records a headcount") {
                try await f.expectRefusal(.invalidArgument, rule: "dialogue.headcount_positive") {
                    try await f.recordHeadcount(f.electronicsID, 10, asOf: "2025-01-01")
                }
            }
        }
    }
}
