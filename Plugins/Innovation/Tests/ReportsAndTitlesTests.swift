import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Innovation

/// The campaign report, and what initiatives contribute to titles.
@Suite struct ReportsAndTitlesTests {
    /// Recognises a filing through the review workflow.
    @discardableResult
    static func recognise(_ request: FileInitiativeRequest, _ fixture: InnovationFixture) async throws -> Initiative {
        let filed = try await fixture.file(request)
        let submitted = try await fixture.submit(filed.id)
        try await fixture.approve(reviewID: submitted.reviewID)
        return try await fixture.get(filed.id)
    }

    func report(_ fixture: InnovationFixture, unitID: String = "", using client: ThiduaClient? = nil) async throws -> InnovationReport {
        try await fixture.call(
            "thidua.innovation.v1.InnovationReports/CampaignReport",
            InnovationReportRequest.with { $0.campaignID = fixture.campaignID; $0.unitID = unitID },
            using: client
        )
    }

    @Test func theReportRollsUpCountsAndBenefitAndTheCoreGivesPercentOfPlan() async throws {
        try await InnovationFixture.with { fixture in
            try await Self.recognise(fixture.filing("A", authors: [(fixture.teacherID, 50), (fixture.teamMemberID, 50)]), fixture)
            var managerial = fixture.filing("B")
            managerial.kind = .managerial
            managerial.benefitVnd = 5_000_000
            try await Self.recognise(managerial, fixture)
            var early = fixture.filing("C")
            early.firstAppliedOn = "2021-06-01"
            try await Self.recognise(early, fixture)
            let pending = try await fixture.file(fixture.filing("D"))
            _ = try await fixture.submit(pending.id)
            let dropped = try await fixture.file(fixture.filing("E"))
            let _: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/WithdrawInitiative", WithdrawInitiativeRequest.with { $0.id = dropped.id; $0.reason = "trùng" }
            )
            try await Self.recognise(.with {
                $0 = fixture.filing("F", authors: [(fixture.otherTeacherID, 100)])
                $0.unitID = fixture.otherSchoolID
                $0.benefitVnd = 1_000_000
            }, fixture)

            let report = try await self.report(fixture)
            #expect(report.startsOn == "2021-09-01")
            #expect(report.endsOn == "2022-08-31")
            #expect(report.total.unitID == fixture.districtID)
            #expect(report.total.filed == 5)
            #expect(report.total.inReview == 1)
            #expect(report.total.recognised == 4)
            #expect(report.total.counted == 3)
            #expect(report.total.withdrawn == 1)
            #expect(report.total.recognisedBenefitVnd == 95_000_000 + 5_000_000 + 95_000_000 + 1_000_000)
            #expect(report.total.recognisedAuthors == 3)
            #expect(report.children.map(\.unitID) == [fixture.schoolID, fixture.otherSchoolID])
            #expect(report.children.map(\.recognised) == [3, 1])
            #expect(report.children.map(\.counted) == [2, 1])
            #expect(report.byKind.map(\.kind) == [.technical, .managerial])
            #expect(report.byKind.map(\.recognised) == [3, 1])

            // The team sits below the school: its initiatives roll into the school's line.
            let school = try await self.report(fixture, unitID: fixture.schoolID)
            #expect(school.total.recognised == 3)
            #expect(school.children.map(\.unitID) == [fixture.teamID])

            let _: Target = try await fixture.call("thidua.core.v1.Campaigns/SetTarget", SetTargetRequest.with {
                $0.campaignID = fixture.campaignID
                $0.unitID = fixture.districtID
                $0.planned = 2
            })
            let progress = try await fixture.progress(of: fixture.districtID)
            #expect(progress.achieved == 3)
            #expect(progress.percentOfPlan == 150)

            await expectRefusal(.invalidArgument, rule: "id.format", field: "campaign_id") {
                let _: InnovationReport = try await fixture.call(
                    "thidua.innovation.v1.InnovationReports/CampaignReport", InnovationReportRequest.with { $0.campaignID = "x" }
                )
            }
            let outsider = try await fixture.connect(scopedTo: fixture.otherSchoolID, permissions: ["innovation.read"])
            let own = try await self.report(fixture, using: outsider)
            #expect(own.total.unitID == fixture.otherSchoolID)
            #expect(own.total.recognised == 1)
            await expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await self.report(fixture, unitID: fixture.schoolID, using: outsider)
            }
            await outsider.close()
        }
    }

    @Test func aRecognisedInitiativeInThePeriodMeetsTheEmulationSoldierCondition() async throws {
        try await InnovationFixture.with { fixture in
            let recognised = try await Self.recognise(fixture.filing(authors: [(fixture.teacherID, 80), (fixture.teamMemberID, 20)]), fixture)
            try await fixture.file(fixture.filing("Chưa công nhận", authors: [(fixture.secondTeacherID, 100)]))
            func check(_ members: [String], from: String = "2022-01-01", to: String = "2022-12-31", using client: ThiduaClient? = nil) async throws -> [EmulationSoldierCondition] {
                let response: EmulationSoldierConditionResponse = try await fixture.call(
                    "thidua.innovation.v1.InnovationTitles/CheckEmulationSoldierCondition",
                    EmulationSoldierConditionRequest.with { $0.memberIds = members; $0.from = from; $0.to = to },
                    using: client
                )
                return response.members
            }
            let result = try await check([fixture.teacherID, fixture.teamMemberID, fixture.secondTeacherID])
            #expect(result.map(\.meets) == [true, true, false])
            #expect(result[0].initiativeIds == [recognised.id])
            #expect(result[0].fullName == "Hoàng Thị Minh")
            #expect(try await check([fixture.teacherID], to: "2022-06-14").map(\.meets) == [false])

            await expectRefusal(.invalidArgument, rule: "innovation.member_count", field: "member_ids") { _ = try await check([]) }
            await expectRefusal(.invalidArgument, rule: "period.order", field: "to") { _ = try await check([fixture.teacherID], from: "2022-12-31", to: "2022-01-01") }
            await expectRefusal(.invalidArgument, rule: "field.required", field: "from") { _ = try await check([fixture.teacherID], from: "") }
            let outsider = try await fixture.connect(scopedTo: fixture.otherSchoolID, permissions: ["innovation.read"])
            await expectRefusal(.permissionDenied, rule: "scope.subtree", field: "member_ids[0]") {
                _ = try await check([fixture.teacherID], using: outsider)
            }
            await outsider.close()
        }
    }

    /// What CheckEmulationSoldierCondition reports is what every route that confers "Chiến sĩ thi
    /// đua cơ sở" enforces, with the title "Lao động tiên tiến" of the year: Awards/GrantAward, and
    /// the decision of a person's registration for the title.
    @Test func everyRouteToTheEmulationSoldierTitleEnforcesItsConditions() async throws {
        try await InnovationFixture.with { fixture in
            try await Self.recognise(fixture.filing(authors: [(fixture.teacherID, 100)]), fixture)
            let condition: EmulationSoldierConditionResponse = try await fixture.call(
                "thidua.innovation.v1.InnovationTitles/CheckEmulationSoldierCondition",
                EmulationSoldierConditionRequest.with {
                    $0.memberIds = [fixture.teacherID, fixture.secondTeacherID]; $0.from = "2022-01-01"; $0.to = InnovationFixture.today
                }
            )
            #expect(condition.members.map(\.meets) == [true, false])
            func grant(_ form: String, to member: String, for achievement: String) async throws -> Award {
                try await fixture.call("thidua.core.v1.Awards/GrantAward", GrantAwardRequest.with {
                    $0.formCode = form
                    $0.issuingUnitID = fixture.schoolID
                    $0.recipientUnitID = fixture.schoolID
                    $0.recipientMemberID = member
                    $0.achievement = achievement
                    $0.decisionNumber = "07/QĐ-CĐ"
                    $0.decisionDate = InnovationFixture.today
                })
            }
            func awards() async throws -> Int {
                let listed: ListAwardsResponse = try await fixture.call("thidua.core.v1.Awards/ListAwards", ListAwardsRequest.with {
                    $0.includeRevoked = true
                    $0.page = PageRequest.with { $0.pageSize = 1000 }
                })
                return listed.awards.count
            }

            // Without the initiative, with or without Lao động tiên tiến: refused.
            await expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: fixture.secondTeacherID, for: "CSTĐCS 2022")
            }
            _ = try await grant("lao_dong_tien_tien", to: fixture.secondTeacherID, for: "LĐTT 2022")
            await expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: fixture.secondTeacherID, for: "CSTĐCS 2022")
            }
            // With the initiative, not without Lao động tiên tiến.
            await expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: fixture.teacherID, for: "CSTĐCS 2022")
            }
            #expect(try await awards() == 1)
            _ = try await grant("lao_dong_tien_tien", to: fixture.teacherID, for: "LĐTT 2022")
            #expect(try await grant("chien_si_thi_dua_co_so", to: fixture.teacherID, for: "CSTĐCS 2022").formCode == "chien_si_thi_dua_co_so")

            // The other route: a person's registration for the title, reviewed to a decision.
            let registration: Registration = try await fixture.call("thidua.core.v1.Campaigns/RegisterForCampaign", RegisterForCampaignRequest.with {
                $0.campaignID = fixture.campaignID
                $0.unitID = fixture.schoolID
                $0.memberID = fixture.secondTeacherID
                $0.titles = ["chien_si_thi_dua_co_so"]
            })
            let review: Review = try await fixture.call("thidua.core.v1.Reviews/SubmitReview", SubmitReviewRequest.with {
                $0.registrationID = registration.id
            })
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "id") {
                _ = try await fixture.approve(reviewID: review.id)
            }
            #expect(try fixture.server.snapshot() == before)
            try await Self.recognise(fixture.filing("Sổ tay số cho giáo viên chủ nhiệm", authors: [(fixture.secondTeacherID, 100)]), fixture)
            #expect(try await fixture.approve(reviewID: review.id).state == .decided)
        }
    }

    @Test func benefitBandsAreVersionedAndDecideTheCreativeLabourCandidates() async throws {
        try await InnovationFixture.with { fixture in
            let defaults: ListBenefitBandSetsResponse = try await fixture.call(
                "thidua.innovation.v1.InnovationTitles/ListBenefitBandSets", ListBenefitBandSetsRequest()
            )
            #expect(defaults.sets.count == 1)
            #expect(defaults.sets[0].bands.map(\.minBenefitVnd) == [80_000_000, 120_000_000, 150_000_000, 200_000_000])

            // 95 million, shared 60/40 by a direct worker and a manager; 100 million by a technician.
            var shared = fixture.filing("Chia sẻ", authors: [(fixture.teacherID, 60), (fixture.secondTeacherID, 40)])
            shared.authors[1].category = .middleManager
            let sharedInitiative = try await Self.recognise(shared, fixture)
            var technician = fixture.filing("Kỹ thuật", authors: [(fixture.teamMemberID, 100)])
            technician.authors[0].category = .technicalStaff
            technician.benefitVnd = 100_000_000
            try await Self.recognise(technician, fixture)

            func candidates(to: String = "2022-12-31", pageSize: UInt32 = 0, token: String = "") async throws -> CreativeLabourCandidatesResponse {
                try await fixture.call(
                    "thidua.innovation.v1.InnovationTitles/ListCreativeLabourCandidates",
                    CreativeLabourCandidatesRequest.with {
                        $0.unitID = fixture.districtID
                        $0.from = "2022-01-01"
                        $0.to = to
                        $0.pageSize = pageSize
                        $0.pageToken = token
                    }
                )
            }
            let byDefault = try await candidates()
            #expect(byDefault.candidates.map(\.memberID) == [fixture.teacherID])
            #expect(byDefault.candidates[0].bandVnd == 80_000_000)
            #expect(byDefault.candidates[0].benefitVnd == 95_000_000)
            #expect(byDefault.candidates[0].initiativeIds == [sharedInitiative.id])

            let version: BenefitBandSet = .with {
                $0.regulation = "Quy chế thí điểm 2022"
                $0.effectiveFrom = "2022-06-16"
                $0.byAuthorShare = true
                $0.bands = [(WorkerCategory.directWorker, UInt64(50_000_000)), (.technicalStaff, 90_000_000), (.middleManager, 30_000_000), (.seniorManager, 300_000_000)]
                    .map { category, threshold in BenefitBand.with { $0.category = category; $0.minBenefitVnd = threshold } }
            }
            let configurer = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["innovation.configure"])
            let before = try fixture.server.snapshot()
            await expectRefusal(.permissionDenied, rule: "innovation.configure_root") {
                let _: BenefitBandSet = try await fixture.call("thidua.innovation.v1.InnovationTitles/SetBenefitBands", version, using: configurer)
            }
            await configurer.close()
            await expectRefusal(.invalidArgument, rule: "innovation.band_categories", field: "bands") {
                let _: BenefitBandSet = try await fixture.call(
                    "thidua.innovation.v1.InnovationTitles/SetBenefitBands", BenefitBandSet.with { $0 = version; $0.bands.removeLast() }
                )
            }
            #expect(try fixture.server.snapshot() == before)
            let stored: BenefitBandSet = try await fixture.call("thidua.innovation.v1.InnovationTitles/SetBenefitBands", version)
            #expect(stored == version)
            let versions: ListBenefitBandSetsResponse = try await fixture.call(
                "thidua.innovation.v1.InnovationTitles/ListBenefitBandSets", ListBenefitBandSetsRequest()
            )
            #expect(versions.sets.map(\.effectiveFrom) == ["2022-06-16", "2000-01-01"])

            // Under the new version (from tomorrow), by share: 57 and 38 million against 50 and 30; 100 against 90.
            let byShare = try await candidates()
            #expect(byShare.bands.regulation == "Quy chế thí điểm 2022")
            #expect(byShare.candidates.map(\.memberID) == [fixture.teacherID, fixture.secondTeacherID, fixture.teamMemberID])
            #expect(byShare.candidates.map(\.benefitVnd) == [57_000_000, 38_000_000, 100_000_000])
            // A period ending before the new version takes effect is judged by the default.
            let earlier = try await candidates(to: "2022-06-15")
            #expect(earlier.bands.effectiveFrom == "2000-01-01")
            #expect(earlier.candidates.map(\.memberID) == [fixture.teacherID])

            let firstPage = try await candidates(pageSize: 2)
            #expect(firstPage.candidates.count == 2)
            let secondPage = try await candidates(pageSize: 2, token: firstPage.nextPageToken)
            #expect(secondPage.candidates.map(\.memberID) == [fixture.teamMemberID])
            #expect(secondPage.nextPageToken.isEmpty)
        }
    }
}
