import Testing
import ThiduaClient
import ThiduaWire

@testable import Dialogue

/// The module's refusals as union staff read them: in Vietnamese, with the numbers filled in,
/// for a client that asks; in English for one that does not.
@Suite struct VietnameseRefusalsWireTests {
    /// An agreement of the electronics enterprise (200 employees) whose vote failed, 90 in favour.
    private func failedVote(_ f: DialogueFixture) async throws -> CollectiveAgreement {
        try await f.recordHeadcount(f.electronicsID, 200, asOf: "2025-01-01")
        let requested: CollectiveAgreement = try await f.call("Agreements/RequestBargaining", RequestBargainingRequest.with {
            $0.unitID = f.electronicsID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = "2025-02-03"
        })
        let _: CollectiveAgreement = try await f.call("Agreements/RecordBargainingSession", RecordBargainingSessionRequest.with {
            $0.agreementID = requested.id
            $0.heldOn = "2025-02-04"
            $0.minutes = "Phiên 1: tiền lương, bữa ăn ca"
        })
        let _: CollectiveAgreement = try await f.call("Agreements/RecordAgreementDraft", RecordAgreementDraftRequest.with {
            $0.agreementID = requested.id
            $0.draftedOn = "2025-02-05"
            $0.clauses = [clause(1, .wages, favourable: true)]
        })
        return try await f.call("Agreements/RecordAgreementVote", RecordAgreementVoteRequest.with {
            $0.agreementID = requested.id
            $0.votedOn = "2025-02-06"
            $0.inFavour = 90
            $0.against = 20
        })
    }

    private func sign(_ f: DialogueFixture, _ agreement: CollectiveAgreement, using client: ThiduaClient) async throws {
        let _: CollectiveAgreement = try await f.call("Agreements/SignAgreement", SignAgreementRequest.with {
            $0.agreementID = agreement.id
            $0.signedOn = "2025-02-07"
            $0.termMonths = 12
        }, using: client)
    }

    @Test func theVoteMajorityRefusalInVietnameseCarriesItsNumbers() async throws {
        try await DialogueFixture.with { f in
            let agreement = try await self.failedVote(f)
            let staff = try await f.server.connect(apiKey: f.server.adminKey, acceptLanguage: "vi")
            let refusal = try await f.expectRefusal(.failedPrecondition, rule: "dialogue.vote_majority") {
                try await self.sign(f, agreement, using: staff)
            }
            let expected = "Biểu quyết không đạt: 90 trên tổng số 200 người lao động tán thành, chưa quá 50%"
            #expect(refusal?.message == expected)
            #expect(refusal?.details.first?.description_p == expected)
            #expect(refusal?.details.first?.values == ["approving": "90", "total": "200", "percent": "50"])
            await staff.close()
        }
    }

    @Test func theSameRefusalIsInEnglishForAClientThatAsksForNothing() async throws {
        try await DialogueFixture.with { f in
            let agreement = try await self.failedVote(f)
            let refusal = try await f.expectRefusal(.failedPrecondition, rule: "dialogue.vote_majority") {
                try await self.sign(f, agreement, using: f.admin)
            }
            #expect(refusal?.message.hasPrefix("the vote of 2025-02-06 did not pass: 90 of all 200 employees in favour is not more than 50%") == true)
            #expect(refusal?.details.first?.values == ["approving": "90", "total": "200", "percent": "50"])
        }
    }

    @Test func aDelegationOutsideItsBandIsRefusedInVietnameseWithItsSize() async throws {
        try await DialogueFixture.with { f in
            let staff = try await f.server.connect(apiKey: f.server.adminKey, acceptLanguage: "vi-VN")
            let refusal = try await f.expectRefusal(.failedPrecondition, rule: "dialogue.delegation_size") {
                let _: WorkplaceDialogue = try await f.call("Dialogues/PlanDialogue", PlanDialogueRequest.with {
                    $0.unitID = f.garmentID
                    $0.kind = .periodic
                    $0.plannedOn = "2025-03-14"
                    $0.agenda = "Tiền lương, thưởng, bữa ăn ca"
                    $0.delegationSize = 8
                }, using: staff)
            }
            #expect(refusal?.message == "Đoàn đại diện 8 người không phù hợp với doanh nghiệp có 250 người lao động")
            await staff.close()
        }
    }
}
