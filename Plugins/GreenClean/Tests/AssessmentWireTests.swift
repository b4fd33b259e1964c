import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Self-assessment, submission, return for fixes and appraisal, over the wire.
@Suite struct AssessmentWireTests {
    @Test func aSelfAssessmentIsKeptInTheSheetsOrderWithItsEvidence() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(org.school, in: org.campaign)
            var claims = DefaultSheet.claims(minus: ["D": 3])
            claims.reverse()
            claims[0].evidence = ["Ảnh khuôn viên tháng 5", "Biên bản diễn tập PCCC số 2"]
            claims[0].note = "diễn tập tháng 4"
            let assessed = try await f.selfAssess(registration.id, claims)
            #expect(assessed.state == .selfAssessed)
            #expect(assessed.results.map(\.criterionCode) == DefaultSheet.maxima.map(\.0))
            #expect(assessed.claimedTotal == 97)
            #expect(assessed.appraisedTotal == 0)
            let fire = assessed.results.last!
            #expect(fire.criterionCode == "PCCN")
            #expect(fire.maxPoints == 15)
            #expect(fire.evidence == ["Ảnh khuôn viên tháng 5", "Biên bản diễn tập PCCC số 2"])
            #expect(fire.note == "diễn tập tháng 4")
            #expect(!fire.criterionName.isEmpty)

            // A second self-assessment replaces the first.
            let again = try await f.selfAssess(registration.id)
            #expect(again.claimedTotal == 100)
            #expect(again.results.last?.evidence == ["Biên bản tự kiểm tra PCCN số 01/BB-CĐ"])
        }
    }

    @Test func badSelfAssessmentsAreRefusedAndChangeNothing() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(org.school, in: org.campaign)
            try await f.selfAssess(registration.id)
            var over = DefaultSheet.claims()
            over[5].points = 21
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.score_range", field: "scores[5].points") {
                try await f.selfAssess(registration.id, over)
            }
            try await f.expectRefusal(.invalidArgument, rule: "criteria.missing", field: "scores") {
                try await f.selfAssess(registration.id, Array(DefaultSheet.claims().dropLast()))
            }
            var bare = DefaultSheet.claims()
            bare[1].evidence = []
            try await f.expectRefusal(.invalidArgument, rule: "criteria.evidence_required", field: "scores[1].evidence") {
                try await f.selfAssess(registration.id, bare)
            }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "id") {
                try await f.selfAssess("gf1")
            }
            try await f.expectRefusal(.notFound, rule: "green_clean.registration_exists", field: "id") {
                try await f.selfAssess("gc999")
            }
            try await f.submit(registration.id)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state", field: "id") {
                try await f.selfAssess(registration.id)
            }
        }
    }

    @Test func nothingIsSubmittedBeforeASelfAssessment() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(org.school, in: org.campaign)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await f.submit(registration.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await f.appraise(registration.id)
            }
        }
    }

    @Test func aReturnNeedsAReasonClearsTheAppraisalAndStartsANewRound() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.registration(of: org.school, in: org.campaign, reaching: .appraised)
            #expect(registration.round == 1)
            #expect(registration.appraisedTotal == 100)
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                _ = try await f.call(Methods.GreenClean.Registrations.returnForFixes, .with { $0.id = registration.id; $0.reason = "  " })
            }
            let returned = try await f.call(
                Methods.GreenClean.Registrations.returnForFixes,
                GreenCleanReturnRequest.with { $0.id = registration.id; $0.reason = "Bổ sung minh chứng phân loại rác" }
            )
            #expect(returned.state == .returned)
            #expect(returned.returnReason == "Bổ sung minh chứng phân loại rác")
            #expect(returned.returnedOn == Organisation.today)
            #expect(returned.appraisedTotal == 0)
            #expect(returned.appraisedOn.isEmpty)
            #expect(returned.claimedTotal == 100)
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.state") {
                try await f.submit(registration.id)
            }
            try await f.selfAssess(registration.id, DefaultSheet.claims(minus: ["S1": 1]))
            let resubmitted = try await f.submit(registration.id)
            #expect(resubmitted.round == 2)
            #expect(resubmitted.state == .submitted)
        }
    }

    @Test func anAppraisalAdjustsScoresWithReasons() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.registration(of: org.school, in: org.campaign, reaching: .submitted)
            let adjust = { (code: String, points: UInt32, reason: String) in
                GreenCleanAdjustment.with { $0.criterionCode = code; $0.points = points; $0.reason = reason }
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.adjustment_reason", field: "adjustments[0].reason") {
                try await f.appraise(registration.id, [adjust("AT", 17, "")])
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.adjustment_unchanged", field: "adjustments[0].points") {
                try await f.appraise(registration.id, [adjust("AT", 20, "đúng")])
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.score_range", field: "adjustments[1].points") {
                try await f.appraise(registration.id, [adjust("AT", 17, "r"), adjust("X", 16, "r")])
            }
            try await f.expectRefusal(.invalidArgument, rule: "criteria.unknown") {
                try await f.appraise(registration.id, [adjust("ZZ", 1, "r")])
            }
            let appraised = try await f.appraise(registration.id, [
                adjust("AT", 17, "Chưa khám sức khỏe định kỳ cho 3 người"),
                adjust("S1", 14, "Rác chưa phân loại tại bếp"),
            ])
            #expect(appraised.state == .appraised)
            #expect(appraised.appraisedOn == Organisation.today)
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
        try await Organisation.with { f, org in
            let every = ["green_clean.read", "green_clean.register", "green_clean.appraise", "green_clean.recognise", "green_clean.facts"]
            let schoolKey = try await f.client(scopedTo: org.school, permissions: every)
            let districtAppraiser = try await f.client(scopedTo: org.district, permissions: ["green_clean.appraise", "green_clean.read"])

            let registration = try await f.register(org.school, in: org.campaign, as: schoolKey)
            try await f.selfAssess(registration.id, as: schoolKey)
            try await f.submit(registration.id, as: schoolKey)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") {
                try await f.appraise(registration.id, as: schoolKey)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await f.register(org.agency, in: org.campaign, as: schoolKey)
            }
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.register(org.agency, in: org.campaign, as: districtAppraiser)
            }
            let appraised = try await f.appraise(registration.id, as: districtAppraiser)
            #expect(appraised.state == .appraised)

            let agency = try await f.register(org.agency, in: org.campaign)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") {
                _ = try await f.registration(agency.id, as: schoolKey)
            }
        }
    }

    @Test func aClosedCampaignTakesNoMoreSteps() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.registration(of: org.school, in: org.campaign, reaching: .selfAssessed)
            for state: CampaignState in [.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with { $0.id = org.campaign; $0.to = state })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") {
                try await f.submit(registration.id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                _ = try await f.register(org.agency, in: org.campaign)
            }
        }
    }
}
