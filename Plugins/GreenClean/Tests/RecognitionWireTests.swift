import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Proposal, recognition with the Giấy khen, refusals, disqualifiers and the proposal upward.
@Suite struct RecognitionWireTests {
    @Test func recognitionGrantsTheGiayKhenFromTheAppraisingUnitAndCountsProgress() async throws {
        try await GreenCleanFixture.with { fixture in
            let proposed = try await fixture.registration(of: fixture.schoolID, in: .proposed)
            #expect(proposed.proposedOn == GreenCleanFixture.today)
            let recognised = try await fixture.recognise(proposed.id, date: "2024-06-14")
            #expect(recognised.state == .recognised)
            #expect(recognised.decisionNumber == "12/QĐ-LĐLĐ")
            #expect(recognised.decisionDate == "2024-06-14")
            #expect(recognised.decidedOn == GreenCleanFixture.today)

            let award: Award = try await fixture.call("thidua.core.v1.Awards/GetAward", GetAwardRequest.with { $0.id = recognised.awardID })
            #expect(award.formCode == "giay_khen")
            #expect(award.issuingUnitID == fixture.districtID)
            #expect(award.recipientUnitID == fixture.schoolID)
            #expect(award.campaignID == fixture.campaignID)
            #expect(award.achievement.contains("2024"))
            #expect(award.decisionNumber == "12/QĐ-LĐLĐ")

            let progress: GetProgressResponse = try await fixture.call("thidua.core.v1.Campaigns/GetProgress", GetProgressRequest.with {
                $0.campaignID = fixture.campaignID
            })
            #expect(progress.total.achieved == 1)
        }
    }

    @Test func aRetriedRecognitionGrantsOneAward() async throws {
        try await GreenCleanFixture.with { fixture in
            let proposed = try await fixture.registration(of: fixture.schoolID, in: .proposed)
            let first = try await fixture.recognise(proposed.id, metadata: ["idempotency-key": "recognise-1"])
            let before = try fixture.server.snapshot()
            let retry = try await fixture.recognise(proposed.id, metadata: ["idempotency-key": "recognise-1"])
            #expect(retry == first)
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func aTotalBelowThePassingScoreIsNotProposedAndIsDeclinedWithAReason() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.register(fixture.agencyID)
            try await fixture.selfAssess(registration.id, GreenCleanFixture.claims(minus: ["X": 5]))
            try await fixture.submit(registration.id)
            let appraised = try await fixture.appraise(registration.id)
            #expect(appraised.appraisedTotal == 95)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.below_passing_score", field: "id") {
                try await fixture.propose(registration.id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await fixture.recognise(registration.id)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                try await fixture.decline(registration.id, reason: "")
            }
            let declined = try await fixture.decline(registration.id, reason: "95 điểm, dưới mức 96")
            #expect(declined.state == .notRecognised)
            #expect(declined.declineReason == "95 điểm, dưới mức 96")
            #expect(declined.awardID.isEmpty)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await fixture.propose(registration.id)
            }
        }
    }

    @Test func aDisqualifyingFactBlocksAPerfectScoreAndItsRetractionLiftsIt() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.registration(of: fixture.schoolID, in: .appraised)
            #expect(registration.appraisedTotal == 100)
            let accident = try await fixture.recordFact(fixture.schoolID, .fatalWorkAccident, on: "2024-05-03")
            #expect(try await fixture.get(registration.id).disqualifiers.map(\.factID) == [accident.id])
            let refusal = try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified", field: "id") {
                try await fixture.propose(registration.id)
            }
            #expect(refusal?.details.first?.description_p == "fatal work accident on 2024-05-03 (\(accident.id))")

            let _: GreenCleanSafetyFact = try await fixture.call(GreenCleanMethods.retractSafetyFact, RetractGreenCleanSafetyFactRequest.with {
                $0.id = accident.id
                $0.reason = "Nhập nhầm đơn vị"
            })
            #expect(try await fixture.get(registration.id).disqualifiers.isEmpty)
            #expect(try await fixture.propose(registration.id).state == .proposed)
        }
    }

    @Test func aFactRecordedAfterTheProposalBlocksTheRecognition() async throws {
        try await GreenCleanFixture.with { fixture in
            let proposed = try await fixture.registration(of: fixture.schoolID, in: .proposed)
            try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2023, cases: 1)
            let cases = try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2024, cases: 2)
            let refusal = try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified") {
                try await fixture.recognise(proposed.id)
            }
            #expect(refusal?.message.contains(cases.id) == true)
            #expect(refusal?.message.contains("2 in 2024, 1 in 2023") == true)
            let fire = try await fixture.recordFact(fixture.schoolID, .seriousFireOrExplosion, on: "2024-02-11")
            let both = try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.disqualified") {
                try await fixture.recognise(proposed.id)
            }
            #expect(both?.details.count == 2)
            #expect(both?.details.map(\.description_p).contains { $0.contains(fire.id) } == true)
            let declined = try await fixture.decline(proposed.id, reason: "Cháy nghiêm trọng tháng 2")
            #expect(declined.state == .notRecognised)
            #expect(declined.proposedOn == GreenCleanFixture.today)
        }
    }

    @Test func theDecisionDateIsCheckedAndTheAwardRulesOfTheCoreApply() async throws {
        try await GreenCleanFixture.with { fixture in
            let proposed = try await fixture.registration(of: fixture.schoolID, in: .proposed)
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.decision_date", field: "decision_date") {
                try await fixture.recognise(proposed.id, date: "2023-12-30")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "date.future", field: "decision_date") {
                try await fixture.recognise(proposed.id, date: "2024-06-16")
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.required", field: "decision_number") {
                let _: GreenCleanRegistration = try await fixture.call(GreenCleanMethods.recognise, GreenCleanRecogniseRequest.with {
                    $0.id = proposed.id
                    $0.decisionDate = "2024-06-10"
                })
            }
            // A cap of the core (at most one Giấy khen a year) refuses the grant, and the step with it.
            let _: AwardCap = try await fixture.call("thidua.core.v1.Awards/SetAwardCap", AwardCap.with {
                $0.regulation = "Quy chế thử"
                $0.effectiveFrom = "2024-01-01"
                $0.formCode = "giay_khen"
                $0.maxCount = 1
            })
            let other = try await fixture.registration(of: fixture.agencyID, in: .proposed)
            try await fixture.recognise(other.id)
            let refusal = try await fixture.expectRefusal(.failedPrecondition, rule: "award.cap") {
                try await fixture.recognise(proposed.id)
            }
            #expect(refusal != nil)
            #expect(try await fixture.get(proposed.id).state == .proposed)
        }
    }

    @Test func aRecognisedUnitIsProposedUpwardOnceEvenAfterTheClosing() async throws {
        try await GreenCleanFixture.with { fixture in
            let recognised = try await fixture.registration(of: fixture.schoolID, in: .recognised)
            try await fixture.advanceCampaign(fixture.campaignID, through: [.inProgress, .interimReviewed, .closed])
            let upward = { (form: String) async throws -> GreenCleanRegistration in
                try await fixture.call(GreenCleanMethods.proposeUpward, GreenCleanProposeUpwardRequest.with {
                    $0.id = recognised.id
                    $0.formCode = form
                    $0.note = "Đơn vị tiêu biểu 2 năm liền"
                })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.form_code", field: "form_code") {
                _ = try await upward("Bằng khen")
            }
            let proposed = try await upward("bang_khen_tinh")
            #expect(proposed.upwardUnitID == fixture.provinceID)
            #expect(proposed.upwardFormCode == "bang_khen_tinh")
            #expect(proposed.upwardProposedOn == GreenCleanFixture.today)
            #expect(proposed.state == .recognised)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.upward_once") {
                _ = try await upward("bang_khen_tinh")
            }
        }
    }

    @Test func aUnitThatIsNotRecognisedIsNotProposedUpward() async throws {
        try await GreenCleanFixture.with { fixture in
            let appraised = try await fixture.registration(of: fixture.schoolID, in: .appraised)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                let _: GreenCleanRegistration = try await fixture.call(GreenCleanMethods.proposeUpward, GreenCleanProposeUpwardRequest.with {
                    $0.id = appraised.id
                    $0.formCode = "bang_khen_tinh"
                })
            }
        }
    }
}
