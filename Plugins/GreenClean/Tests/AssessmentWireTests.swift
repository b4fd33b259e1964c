import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Self-assessment, submission, return for fixes and appraisal, over the wire.
@Suite struct AssessmentWireTests {
    @Test func aSelfAssessmentIsKeptInTheSheetsOrderWithItsEvidence() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.register(fixture.schoolID)
            var claims = GreenCleanFixture.claims(minus: ["D": 3])
            claims.reverse()
            claims[0].evidence = ["Ảnh khuôn viên tháng 5", "Biên bản diễn tập PCCC số 2"]
            claims[0].note = "diễn tập tháng 4"
            let assessed = try await fixture.selfAssess(registration.id, claims)
            #expect(assessed.state == .selfAssessed)
            #expect(assessed.results.map(\.criterionCode) == GreenCleanFixture.defaultMaxima.map(\.0))
            #expect(assessed.claimedTotal == 97)
            #expect(assessed.appraisedTotal == 0)
            let fire = assessed.results.last!
            #expect(fire.criterionCode == "PCCN")
            #expect(fire.maxPoints == 15)
            #expect(fire.evidence == ["Ảnh khuôn viên tháng 5", "Biên bản diễn tập PCCC số 2"])
            #expect(fire.note == "diễn tập tháng 4")
            #expect(!fire.criterionName.isEmpty)

            // A second self-assessment replaces the first.
            let again = try await fixture.selfAssess(registration.id)
            #expect(again.claimedTotal == 100)
            #expect(again.results.last?.evidence == ["Biên bản tự kiểm tra PCCN số 01/BB-CĐ"])
        }
    }

    @Test func badSelfAssessmentsAreRefusedAndChangeNothing() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.register(fixture.schoolID)
            try await fixture.selfAssess(registration.id)
            var over = GreenCleanFixture.claims()
            over[5].points = 21
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.score_range", field: "scores[5].points") {
                try await fixture.selfAssess(registration.id, over)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.criterion_missing", field: "scores") {
                try await fixture.selfAssess(registration.id, Array(GreenCleanFixture.claims().dropLast()))
            }
            var bare = GreenCleanFixture.claims()
            bare[1].evidence = []
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.evidence_required", field: "scores[1].evidence") {
                try await fixture.selfAssess(registration.id, bare)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "id.format", field: "id") {
                try await fixture.selfAssess("gf1")
            }
            try await fixture.expectRefusal(.notFound, rule: "green_clean.registration_exists", field: "id") {
                try await fixture.selfAssess("gc999")
            }
            try await fixture.submit(registration.id)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state", field: "id") {
                try await fixture.selfAssess(registration.id)
            }
        }
    }

    @Test func nothingIsSubmittedBeforeASelfAssessment() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.register(fixture.schoolID)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await fixture.submit(registration.id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await fixture.appraise(registration.id)
            }
        }
    }

    @Test func aReturnNeedsAReasonClearsTheAppraisalAndStartsANewRound() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.registration(of: fixture.schoolID, in: .appraised)
            #expect(registration.round == 1)
            #expect(registration.appraisedTotal == 100)
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                let _: GreenCleanRegistration = try await fixture.call(
                    GreenCleanMethods.returnForFixes, GreenCleanReturnRequest.with { $0.id = registration.id; $0.reason = "  " }
                )
            }
            let returned: GreenCleanRegistration = try await fixture.call(
                GreenCleanMethods.returnForFixes,
                GreenCleanReturnRequest.with { $0.id = registration.id; $0.reason = "Bổ sung minh chứng phân loại rác" }
            )
            #expect(returned.state == .returned)
            #expect(returned.returnReason == "Bổ sung minh chứng phân loại rác")
            #expect(returned.returnedOn == GreenCleanFixture.today)
            #expect(returned.appraisedTotal == 0)
            #expect(returned.appraisedOn.isEmpty)
            #expect(returned.claimedTotal == 100)
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await fixture.submit(registration.id)
            }
            try await fixture.selfAssess(registration.id, GreenCleanFixture.claims(minus: ["S1": 1]))
            let resubmitted = try await fixture.submit(registration.id)
            #expect(resubmitted.round == 2)
            #expect(resubmitted.state == .submitted)
        }
    }

    @Test func anAppraisalAdjustsScoresWithReasons() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.registration(of: fixture.schoolID, in: .submitted)
            let adjust = { (code: String, points: UInt32, reason: String) in
                GreenCleanAdjustment.with { $0.criterionCode = code; $0.points = points; $0.reason = reason }
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.adjustment_reason", field: "adjustments[0].reason") {
                try await fixture.appraise(registration.id, [adjust("AT", 17, "")])
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.adjustment_unchanged", field: "adjustments[0].points") {
                try await fixture.appraise(registration.id, [adjust("AT", 20, "đúng")])
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.score_range", field: "adjustments[1].points") {
                try await fixture.appraise(registration.id, [adjust("AT", 17, "r"), adjust("X", 16, "r")])
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.criterion_unknown") {
                try await fixture.appraise(registration.id, [adjust("ZZ", 1, "r")])
            }
            let appraised = try await fixture.appraise(registration.id, [
                adjust("AT", 17, "Chưa khám sức khỏe định kỳ cho 3 người"),
                adjust("S1", 14, "Rác chưa phân loại tại bếp"),
            ])
            #expect(appraised.state == .appraised)
            #expect(appraised.appraisedOn == GreenCleanFixture.today)
            #expect(appraised.claimedTotal == 100)
            #expect(appraised.appraisedTotal == 96)
            let safety = appraised.results.first { $0.criterionCode == "AT" }!
            #expect(safety.adjusted && safety.appraisedPoints == 17 && safety.claimedPoints == 20)
            #expect(safety.adjustmentReason == "Chưa khám sức khỏe định kỳ cho 3 người")
            let green = appraised.results.first { $0.criterionCode == "X" }!
            #expect(!green.adjusted && green.appraisedPoints == 15)
        }
    }

    @Test func onlyTheLaunchingUnitAppraisesAndOnlyItsOwnUnitsRegister() async throws {
        try await GreenCleanFixture.with { fixture in
            let every = ["green_clean.read", "green_clean.register", "green_clean.appraise", "green_clean.recognise", "green_clean.facts"]
            let schoolKey = try await fixture.connect(scopedTo: fixture.schoolID, permissions: every)
            let districtAppraiser = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["green_clean.appraise", "green_clean.read"])

            let registration = try await fixture.register(fixture.schoolID, using: schoolKey)
            try await fixture.selfAssess(registration.id, using: schoolKey)
            try await fixture.submit(registration.id, using: schoolKey)
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") {
                try await fixture.appraise(registration.id, using: schoolKey)
            }
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await fixture.register(fixture.agencyID, using: schoolKey)
            }
            try await fixture.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await fixture.register(fixture.agencyID, using: districtAppraiser)
            }
            let appraised = try await fixture.appraise(registration.id, using: districtAppraiser)
            #expect(appraised.state == .appraised)

            let agency = try await fixture.register(fixture.agencyID)
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") {
                _ = try await fixture.get(agency.id, using: schoolKey)
            }
            await schoolKey.close()
            await districtAppraiser.close()
        }
    }

    @Test func aClosedCampaignTakesNoMoreSteps() async throws {
        try await GreenCleanFixture.with { fixture in
            let registration = try await fixture.registration(of: fixture.schoolID, in: .selfAssessed)
            try await fixture.advanceCampaign(fixture.campaignID, through: [.inProgress, .interimReviewed, .closed])
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") {
                try await fixture.submit(registration.id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await fixture.register(fixture.agencyID)
            }
        }
    }
}
