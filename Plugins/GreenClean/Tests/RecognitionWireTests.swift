import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Proposal, recognition with the Giấy khen, refusals, disqualifiers and the proposal upward.
@Suite struct RecognitionWireTests {
    @Test func recognitionGrantsTheGiayKhenFromTheAppraisingUnitAndCountsProgress() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.registration(of: org.school, in: org.campaign, reaching: .proposed)
            #expect(proposed.proposedOn == Organisation.today)
            let recognised = try await f.recognise(proposed.id, date: "2024-06-14")
            #expect(recognised.state == .recognised)
            #expect(recognised.decisionNumber == "12/QĐ-LĐLĐ")
            #expect(recognised.decisionDate == "2024-06-14")
            #expect(recognised.decidedOn == Organisation.today)

            let award = try await f.call(Methods.Core.Awards.getAward, GetAwardRequest.with { $0.id = recognised.awardID })
            #expect(award.formCode == "giay_khen")
            #expect(award.issuingUnitID == org.district)
            #expect(award.recipientUnitID == org.school)
            #expect(award.campaignID == org.campaign)
            #expect(award.achievement.contains("2024"))
            #expect(award.decisionNumber == "12/QĐ-LĐLĐ")

            let progress = try await f.call(Methods.Core.Campaigns.getProgress, GetProgressRequest.with {
                $0.campaignID = org.campaign
            })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func aRetriedRecognitionGrantsOneAward() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.registration(of: org.school, in: org.campaign, reaching: .proposed)
            let request = GreenCleanRecogniseRequest.with {
                $0.id = proposed.id
                $0.decisionNumber = "12/QĐ-LĐLĐ"
                $0.decisionDate = "2024-06-10"
            }
            let first = try await f.admin.unary(Methods.GreenClean.Registrations.recognise, request, metadata: ["idempotency-key": "recognise-1"])
            let before = try f.server.snapshot()
            let retry = try await f.admin.unary(Methods.GreenClean.Registrations.recognise, request, metadata: ["idempotency-key": "recognise-1"])
            #expect(retry == first)
            #expect(try f.server.snapshot() == before)
        }
    }

    @Test func aTotalBelowThePassingScoreIsNotProposedAndIsDeclinedWithAReason() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(org.agency, in: org.campaign)
            try await f.selfAssess(registration.id, DefaultSheet.claims(minus: ["X": 5]))
            try await f.submit(registration.id)
            let appraised = try await f.appraise(registration.id)
            #expect(appraised.appraisedTotal == 95)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.below_passing_score", field: "id") {
                try await f.propose(registration.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await f.recognise(registration.id)
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                try await f.decline(registration.id, reason: "")
            }
            let declined = try await f.decline(registration.id, reason: "95 điểm, dưới mức 96")
            #expect(declined.state == .notRecognised)
            #expect(declined.declineReason == "95 điểm, dưới mức 96")
            #expect(declined.awardID.isEmpty)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await f.propose(registration.id)
            }
        }
    }

    @Test func aDisqualifyingFactBlocksAPerfectScoreAndItsRetractionLiftsIt() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.registration(of: org.school, in: org.campaign, reaching: .appraised)
            #expect(registration.appraisedTotal == 100)
            let accident = try await f.recordFact(org.school, .fatalWorkAccident, on: "2024-05-03")
            #expect(try await f.registration(registration.id).disqualifiers.map(\.factID) == [accident.id])
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified", field: "id") {
                try await f.propose(registration.id)
            }
            let refusal = await #expect(throws: RPCError.self) { try await f.propose(registration.id) }
            #expect(refusal?.details.first?.description_p == "fatal work accident on 2024-05-03 (\(accident.id))")

            _ = try await f.call(Methods.GreenClean.SafetyFacts.retractSafetyFact, RetractGreenCleanSafetyFactRequest.with {
                $0.id = accident.id
                $0.reason = "Nhập nhầm đơn vị"
            })
            #expect(try await f.registration(registration.id).disqualifiers.isEmpty)
            #expect(try await f.propose(registration.id).state == .proposed)
        }
    }

    @Test func aFactRecordedAfterTheProposalBlocksTheRecognition() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.registration(of: org.school, in: org.campaign, reaching: .proposed)
            try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2023, cases: 1)
            let cases = try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 2)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified") {
                try await f.recognise(proposed.id)
            }
            let refusal = await #expect(throws: RPCError.self) { try await f.recognise(proposed.id) }
            #expect(refusal?.message.contains(cases.id) == true)
            #expect(refusal?.message.contains("2 in 2024, 1 in 2023") == true)
            let fire = try await f.recordFact(org.school, .seriousFireOrExplosion, on: "2024-02-11")
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified") {
                try await f.recognise(proposed.id)
            }
            let both = await #expect(throws: RPCError.self) { try await f.recognise(proposed.id) }
            #expect(both?.details.count == 2)
            #expect(both?.details.map(\.description_p).contains { $0.contains(fire.id) } == true)
            let declined = try await f.decline(proposed.id, reason: "Cháy nghiêm trọng tháng 2")
            #expect(declined.state == .notRecognised)
            #expect(declined.proposedOn == Organisation.today)
        }
    }

    @Test func theDecisionDateIsCheckedAndTheAwardRulesOfTheCoreApply() async throws {
        try await Organisation.with { f, org in
            let proposed = try await f.registration(of: org.school, in: org.campaign, reaching: .proposed)
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.decision_date", field: "decision_date") {
                try await f.recognise(proposed.id, date: "2023-12-30")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future", field: "decision_date") {
                try await f.recognise(proposed.id, date: "2024-06-16")
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "decision_number") {
                _ = try await f.call(Methods.GreenClean.Registrations.recognise, GreenCleanRecogniseRequest.with {
                    $0.id = proposed.id
                    $0.decisionDate = "2024-06-10"
                })
            }
            // A cap of the core (at most one Giấy khen a year) refuses the grant, and the step with it.
            _ = try await f.call(Methods.Core.Awards.setAwardCap, AwardCap.with {
                $0.regulation = "Quy chế thử"
                $0.effectiveFrom = "2024-01-01"
                $0.formCode = "giay_khen"
                $0.maxCount = 1
            })
            let other = try await f.registration(of: org.agency, in: org.campaign, reaching: .proposed)
            try await f.recognise(other.id)
            try await f.expectRefusal(.failedPrecondition, rule: "award.cap") {
                try await f.recognise(proposed.id)
            }
            #expect(try await f.registration(proposed.id).state == .proposed)
        }
    }

    @Test func aRecognisedUnitIsProposedUpwardOnceEvenAfterTheClosing() async throws {
        try await Organisation.with { f, org in
            let recognised = try await f.registration(of: org.school, in: org.campaign, reaching: .recognised)
            for state: CampaignState in [.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with { $0.id = org.campaign; $0.to = state })
            }
            let upward = { (form: String) async throws -> GreenCleanRegistration in
                try await f.call(Methods.GreenClean.Registrations.proposeUpward, GreenCleanProposeUpwardRequest.with {
                    $0.id = recognised.id
                    $0.formCode = form
                    $0.note = "Đơn vị tiêu biểu 2 năm liền"
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.form_code", field: "form_code") {
                _ = try await upward("Bằng khen")
            }
            let proposed = try await upward("bang_khen_tinh")
            #expect(proposed.upwardUnitID == org.province)
            #expect(proposed.upwardFormCode == "bang_khen_tinh")
            #expect(proposed.upwardProposedOn == Organisation.today)
            #expect(proposed.state == .recognised)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.upward_once") {
                _ = try await upward("bang_khen_tinh")
            }
        }
    }

    @Test func aUnitThatIsNotRecognisedIsNotProposedUpward() async throws {
        try await Organisation.with { f, org in
            let appraised = try await f.registration(of: org.school, in: org.campaign, reaching: .appraised)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                _ = try await f.call(Methods.GreenClean.Registrations.proposeUpward, GreenCleanProposeUpwardRequest.with {
                    $0.id = appraised.id
                    $0.formCode = "bang_khen_tinh"
                })
            }
        }
    }
}
