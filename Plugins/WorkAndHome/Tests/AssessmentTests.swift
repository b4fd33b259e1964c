import Testing
import ThiduaCoreAPI
import ThiduaWire
import WorkAndHome

/// The criteria, and her self-assessment on them, over the wire.
@Suite struct AssessmentTests {
    @Test func theCriteriaAreWorkFamilyAndCommunityVersionedByYear() async throws {
        try await Organisation.with { f, _ in
            let criteria = try await f.call(Methods.WorkAndHome.Criteria.getCriteria, GetWorkAndHomeCriteriaRequest())
            #expect(criteria.version == 1 && criteria.effectiveFrom == "2000-01-01")
            #expect(criteria.criteria.map(\.code) == Assessments.criteria)
            #expect(criteria.criteria.map(\.name) == ["Giỏi việc nước", "Đảm việc nhà", "Tham gia hoạt động xã hội"])
            #expect(criteria.criteria.allSatisfy { !$0.description_p.isEmpty })
            #expect(try await f.call(Methods.WorkAndHome.Criteria.getCriteria, .with { $0.year = 2000 }) == criteria)
            try await f.expectRefusal(.notFound, rule: "work_and_home.criteria_in_force", field: "year") {
                _ = try await f.call(Methods.WorkAndHome.Criteria.getCriteria, .with { $0.year = 1999 })
            }
        }
    }

    @Test func sheAssessesEveryCriterionWithEvidenceAndMayAssessAgain() async throws {
        try await Organisation.with { f, org in
            let registration = try await f.register(try await f.woman(of: org.school), in: org.campaign)
            // Given in any order, kept in the criteria's.
            let assessed = try await f.assess(registration.id, Array(Assessments.of(unmet: ["community"]).reversed()))
            #expect(assessed.state == .selfAssessed && assessed.assessedOn == "2024-06-15")
            #expect(assessed.assessments == Assessments.of(unmet: ["community"]))
            #expect(try await f.registration(registration.id) == assessed)

            var again = Assessments.of()
            again[1].evidence = ["Giấy công nhận Gia đình văn hóa 2023", "Xác nhận của tổ dân phố"]
            try f.clock.set("2024-06-20")
            let reassessed = try await f.assess(registration.id, again)
            #expect(reassessed.state == .selfAssessed && reassessed.assessments == again && reassessed.assessedOn == "2024-06-20")
        }
    }

    @Test func everyAssessmentBreakingARuleIsRefusedAndChangesNothing() async throws {
        try await Organisation.with { f, org in
            let id = try await f.register(try await f.woman(of: org.school), in: org.campaign).id
            func refuse(_ rule: String, field: String, _ change: (inout [WorkAndHomeAssessment]) -> Void) async throws {
                var assessments = Assessments.of()
                change(&assessments)
                try await f.expectRefusal(.invalidArgument, rule: rule, field: field) { try await f.assess(id, assessments) }
            }
            try await refuse("criteria.unknown", field: "assessments[1].criterion_code") { $0[1].criterionCode = "health" }
            try await refuse("field.duplicate", field: "assessments[2].criterion_code") { $0[2].criterionCode = "work" }
            try await refuse("criteria.missing", field: "assessments") { $0.removeLast() }
            try await refuse("criteria.evidence_required", field: "assessments[0].evidence") { $0[0].evidence = [] }
            try await refuse("field.required", field: "assessments[0].criterion_code") { $0[0].criterionCode = " " }
            try await refuse("field.required", field: "assessments[1].evidence[1]") { $0[1].evidence.append("") }
            try await refuse("field.max_length", field: "assessments[1].evidence[0]") { $0[1].evidence = [String(repeating: "x", count: 301)] }
            try await refuse("field.max_items", field: "assessments[2].evidence") { $0[2].evidence = Array(repeating: "Biên bản", count: 21) }
            try await refuse("field.max_length", field: "assessments[0].note") { $0[0].note = String(repeating: "x", count: 1001) }
            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "id") { try await f.assess("m1") }
            try await f.expectRefusal(.notFound, rule: "work_and_home.registration_exists", field: "id") { try await f.assess("wh4242") }

            // Only her own union's subtree, and not once proposed.
            let commune = try await f.client(scopedTo: org.commune, permissions: ["work_and_home.register"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "id") { try await f.assess(id, as: commune) }
            try await f.assess(id)
            try await f.propose(id)
            try await f.expectRefusal(.failedPrecondition, rule: "work_and_home.state", field: "id") { try await f.assess(id) }
        }
    }

    @Test func nothingIsAssessedOrProposedOnceTheCampaignIsClosed() async throws {
        try await Organisation.with { f, org in
            let id = try await f.register(try await f.woman(of: org.school), in: org.campaign).id
            for state in [CampaignState.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with { $0.id = org.campaign; $0.to = state; $0.reason = "Tổng kết năm 2024" })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") { try await f.assess(id) }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") { try await f.propose(id) }
        }
    }
}
