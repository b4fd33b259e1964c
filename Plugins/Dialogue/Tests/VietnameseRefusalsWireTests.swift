import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// The module's refusals as union staff read them: in Vietnamese, with the numbers filled in,
/// for a client that asks; in English for one that does not.
@Suite struct VietnameseRefusalsWireTests {
    /// An agreement of the electronics enterprise (200 employees) whose vote failed, 90 in favour.
    private func failedVote(_ f: ModuleFixture, _ org: DialogueFixture) async throws -> CollectiveAgreement {
        try await f.recordHeadcount(org.electronicsID, 200, asOf: "2025-01-01")
        let requested = try await f.call(Methods.Dialogue.Agreements.requestBargaining, .with {
            $0.unitID = org.electronicsID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = "2025-02-03"
        })
        _ = try await f.call(Methods.Dialogue.Agreements.recordBargainingSession, .with {
            $0.agreementID = requested.id
            $0.heldOn = "2025-02-04"
            $0.minutes = "Phiên 1: tiền lương, bữa ăn ca"
        })
        _ = try await f.call(Methods.Dialogue.Agreements.recordAgreementDraft, .with {
            $0.agreementID = requested.id
            $0.draftedOn = "2025-02-05"
            $0.clauses = [clause(1, .wages, favourable: true)]
        })
        return try await f.call(Methods.Dialogue.Agreements.recordAgreementVote, .with {
            $0.agreementID = requested.id
            $0.votedOn = "2025-02-06"
            $0.inFavour = 90
            $0.against = 20
        })
    }

    private func sign(_ f: ModuleFixture, _ agreement: CollectiveAgreement, as client: ThiduaClient) async throws {
        _ = try await f.call(Methods.Dialogue.Agreements.signAgreement, .with {
            $0.agreementID = agreement.id
            $0.signedOn = "2025-02-07"
            $0.termMonths = 12
        }, as: client)
    }

    @Test func theVoteMajorityRefusalInVietnameseCarriesItsNumbers() async throws {
        try await DialogueFixture.with { f, org in
            let agreement = try await self.failedVote(f, org)
            let staff = try await f.server.connect(apiKey: f.server.adminKey, acceptLanguage: "vi")
            var refusal: RPCError?
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.vote_majority") {
                do { try await self.sign(f, agreement, as: staff) } catch { refusal = error as? RPCError; throw error }
            }
            let expected = "Biểu quyết không đạt: 90 trên tổng số 200 người lao động tán thành, chưa quá 50%"
            #expect(refusal?.message == expected)
            #expect(refusal?.details.first?.description_p == expected)
            #expect(refusal?.details.first?.values == ["approving": "90", "total": "200", "percent": "50"])
            await staff.close()
        }
    }

    @Test func theSameRefusalIsInEnglishForAClientThatAsksForNothing() async throws {
        try await DialogueFixture.with { f, org in
            let agreement = try await self.failedVote(f, org)
            var refusal: RPCError?
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.vote_majority") {
                do { try await self.sign(f, agreement, as: f.admin) } catch { refusal = error as? RPCError; throw error }
            }
            #expect(refusal?.message.hasPrefix("the vote of 2025-02-06 did not pass: 90 of all 200 employees in favour is not more than 50%") == true)
            #expect(refusal?.details.first?.values == ["approving": "90", "total": "200", "percent": "50"])
        }
    }

    @Test func aDelegationOutsideItsBandIsRefusedInVietnameseWithItsSize() async throws {
        try await DialogueFixture.with { f, org in
            let staff = try await f.server.connect(apiKey: f.server.adminKey, acceptLanguage: "vi-VN")
            let plan = PlanDialogueRequest.with {
                $0.unitID = org.garmentID
                $0.kind = .periodic
                $0.plannedOn = "2025-03-14"
                $0.agenda = "Tiền lương, thưởng, bữa ăn ca"
                $0.delegationSize = 8
            }
            var refusal: RPCError?
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.delegation_size") {
                do { _ = try await f.call(Methods.Dialogue.Dialogues.planDialogue, plan, as: staff) } catch { refusal = error as? RPCError; throw error }
            }
            #expect(refusal?.message == "Đoàn đại diện 8 người không phù hợp với doanh nghiệp có 250 người lao động")
            await staff.close()
        }
    }
}
