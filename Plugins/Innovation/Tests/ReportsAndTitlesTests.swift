import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Innovation

/// The campaign report, and what initiatives contribute to titles.
@Suite struct ReportsAndTitlesTests {
    func report(_ f: ModuleFixture, _ org: InnovationFixture, unitID: String = "", as client: ThiduaClient? = nil) async throws -> InnovationReport {
        try await f.call(Methods.Innovation.InnovationReports.campaignReport, .with { $0.campaignID = org.campaignID; $0.unitID = unitID }, as: client)
    }

    @Test func theReportRollsUpCountsAndBenefitAndTheCoreGivesPercentOfPlan() async throws {
        try await InnovationFixture.with { f, org in
            try await f.recognise(org.filing("A", authors: [(org.teacherID, 50), (org.teamMemberID, 50)]))
            var managerial = org.filing("B")
            managerial.kind = .managerial
            managerial.benefitVnd = 5_000_000
            try await f.recognise(managerial)
            var early = org.filing("C")
            early.firstAppliedOn = "2021-06-01"
            try await f.recognise(early)
            let pending = try await f.file(org.filing("D"))
            _ = try await f.submit(pending.id)
            let dropped = try await f.file(org.filing("E"))
            _ = try await f.call(
                Methods.Innovation.Initiatives.withdrawInitiative, .with { $0.id = dropped.id; $0.reason = "trùng" }
            )
            try await f.recognise(.with {
                $0 = org.filing("F", authors: [(org.otherTeacherID, 100)])
                $0.unitID = org.otherSchoolID
                $0.benefitVnd = 1_000_000
            })

            let report = try await self.report(f, org)
            #expect(report.startsOn == "2021-09-01")
            #expect(report.endsOn == "2022-08-31")
            #expect(report.total.unitID == org.districtID)
            #expect(report.total.filed == 5)
            #expect(report.total.inReview == 1)
            #expect(report.total.recognised == 4)
            #expect(report.total.counted == 3)
            #expect(report.total.withdrawn == 1)
            #expect(report.total.recognisedBenefitVnd == 95_000_000 + 5_000_000 + 95_000_000 + 1_000_000)
            #expect(report.total.recognisedAuthors == 3)
            #expect(report.children.map(\.unitID) == [org.schoolID, org.otherSchoolID])
            #expect(report.children.map(\.recognised) == [3, 1])
            #expect(report.children.map(\.counted) == [2, 1])
            #expect(report.byKind.map(\.kind) == [.technical, .managerial])
            #expect(report.byKind.map(\.recognised) == [3, 1])

            // The team sits below the school: its initiatives roll into the school's line.
            let school = try await self.report(f, org, unitID: org.schoolID)
            #expect(school.total.recognised == 3)
            #expect(school.children.map(\.unitID) == [org.teamID])

            _ = try await f.call(Methods.Core.Campaigns.setTarget, .with {
                $0.campaignID = org.campaignID
                $0.unitID = org.districtID
                $0.planned = 2
            })
            let progress = try await f.progress(of: org.districtID, in: org.campaignID)
            #expect(progress.achieved == 3)
            #expect(progress.percentOfPlan == 150)

            try await f.expectRefusal(.invalidArgument, rule: "id.format", field: "campaign_id") {
                _ = try await f.call(
                    Methods.Innovation.InnovationReports.campaignReport, .with { $0.campaignID = "x" }
                )
            }
            let outsider = try await f.client(scopedTo: org.otherSchoolID, permissions: ["innovation.read"])
            let own = try await self.report(f, org, as: outsider)
            #expect(own.total.unitID == org.otherSchoolID)
            #expect(own.total.recognised == 1)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await self.report(f, org, unitID: org.schoolID, as: outsider)
            }
        }
    }

    @Test func aRecognisedInitiativeInThePeriodMeetsTheEmulationSoldierCondition() async throws {
        try await InnovationFixture.with { f, org in
            let recognised = try await f.recognise(org.filing(authors: [(org.teacherID, 80), (org.teamMemberID, 20)]))
            try await f.file(org.filing("Chưa công nhận", authors: [(org.secondTeacherID, 100)]))
            func check(_ members: [String], from: String = "2022-01-01", to: String = "2022-12-31", as client: ThiduaClient? = nil) async throws -> [EmulationSoldierCondition] {
                let response = try await f.call(
                    Methods.Innovation.InnovationTitles.checkEmulationSoldierCondition,
                    .with { $0.memberIds = members; $0.from = from; $0.to = to },
                    as: client
                )
                return response.members
            }
            let result = try await check([org.teacherID, org.teamMemberID, org.secondTeacherID])
            #expect(result.map(\.meets) == [true, true, false])
            #expect(result[0].initiativeIds == [recognised.id])
            #expect(result[0].fullName == "Hoàng Thị Minh")
            #expect(try await check([org.teacherID], to: "2022-06-14").map(\.meets) == [false])

            try await f.expectRefusal(.invalidArgument, rule: "innovation.member_count", field: "member_ids") { _ = try await check([]) }
            try await f.expectRefusal(.invalidArgument, rule: "period.order", field: "to") { _ = try await check([org.teacherID], from: "2022-12-31", to: "2022-01-01") }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "from") { _ = try await check([org.teacherID], from: "") }
            let outsider = try await f.client(scopedTo: org.otherSchoolID, permissions: ["innovation.read"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "member_ids[0]") {
                _ = try await check([org.teacherID], as: outsider)
            }
        }
    }

    /// What CheckEmulationSoldierCondition reports is what every route that confers "Chiến sĩ thi
    /// đua cơ sở" enforces, with the title "Lao động tiên tiến" of the year: Awards/GrantAward, and
    /// the decision of a person's registration for the title.
    @Test func everyRouteToTheEmulationSoldierTitleEnforcesItsConditions() async throws {
        try await InnovationFixture.with { f, org in
            try await f.recognise(org.filing(authors: [(org.teacherID, 100)]))
            let condition = try await f.call(
                Methods.Innovation.InnovationTitles.checkEmulationSoldierCondition,
                .with {
                    $0.memberIds = [org.teacherID, org.secondTeacherID]; $0.from = "2022-01-01"; $0.to = InnovationFixture.today
                }
            )
            #expect(condition.members.map(\.meets) == [true, false])
            func grant(_ form: String, to member: String, for achievement: String) async throws -> Award {
                try await f.call(Methods.Core.Awards.grantAward, .with {
                    $0.formCode = form
                    $0.issuingUnitID = org.schoolID
                    $0.recipientUnitID = org.schoolID
                    $0.recipientMemberID = member
                    $0.achievement = achievement
                    $0.decisionNumber = "07/QĐ-CĐ"
                    $0.decisionDate = InnovationFixture.today
                })
            }
            func awards() async throws -> Int {
                let listed = try await f.call(Methods.Core.Awards.listAwards, .with {
                    $0.includeRevoked = true
                    $0.page = PageRequest.with { $0.pageSize = 1000 }
                })
                return listed.awards.count
            }

            // Without the initiative, with or without Lao động tiên tiến: refused.
            try await f.expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: org.secondTeacherID, for: "CSTĐCS 2022")
            }
            _ = try await grant("lao_dong_tien_tien", to: org.secondTeacherID, for: "LĐTT 2022")
            try await f.expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: org.secondTeacherID, for: "CSTĐCS 2022")
            }
            // With the initiative, not without Lao động tiên tiến.
            try await f.expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "recipient_member_id") {
                _ = try await grant("chien_si_thi_dua_co_so", to: org.teacherID, for: "CSTĐCS 2022")
            }
            #expect(try await awards() == 1)
            _ = try await grant("lao_dong_tien_tien", to: org.teacherID, for: "LĐTT 2022")
            #expect(try await grant("chien_si_thi_dua_co_so", to: org.teacherID, for: "CSTĐCS 2022").formCode == "chien_si_thi_dua_co_so")

            // The other route: a person's registration for the title, reviewed to a decision.
            let registration = try await f.call(Methods.Core.Campaigns.registerForCampaign, .with {
                $0.campaignID = org.campaignID
                $0.unitID = org.schoolID
                $0.memberID = org.secondTeacherID
                $0.titles = ["chien_si_thi_dua_co_so"]
            })
            let review = try await f.call(Methods.Core.Reviews.submitReview, .with {
                $0.registrationID = registration.id
            })
            try await f.expectRefusal(.failedPrecondition, rule: "award.title_conditions", field: "id") {
                _ = try await f.approve(reviewID: review.id)
            }
            try await f.recognise(org.filing("Sổ tay số cho giáo viên chủ nhiệm", authors: [(org.secondTeacherID, 100)]))
            #expect(try await f.approve(reviewID: review.id).state == .decided)
        }
    }

    @Test func benefitBandsAreVersionedAndDecideTheCreativeLabourCandidates() async throws {
        try await InnovationFixture.with { f, org in
            let defaults = try await f.call(
                Methods.Innovation.InnovationTitles.listBenefitBandSets, ListBenefitBandSetsRequest()
            )
            #expect(defaults.sets.count == 1)
            #expect(defaults.sets[0].bands.map(\.minBenefitVnd) == [80_000_000, 120_000_000, 150_000_000, 200_000_000])

            // 95 million, shared 60/40 by a direct worker and a manager; 100 million by a technician.
            var shared = org.filing("Chia sẻ", authors: [(org.teacherID, 60), (org.secondTeacherID, 40)])
            shared.authors[1].category = .middleManager
            let sharedInitiative = try await f.recognise(shared)
            var technician = org.filing("Kỹ thuật", authors: [(org.teamMemberID, 100)])
            technician.authors[0].category = .technicalStaff
            technician.benefitVnd = 100_000_000
            try await f.recognise(technician)

            func candidates(to: String = "2022-12-31", pageSize: UInt32 = 0, token: String = "") async throws -> CreativeLabourCandidatesResponse {
                try await f.call(
                    Methods.Innovation.InnovationTitles.listCreativeLabourCandidates,
                    .with {
                        $0.unitID = org.districtID
                        $0.from = "2022-01-01"
                        $0.to = to
                        $0.pageSize = pageSize
                        $0.pageToken = token
                    }
                )
            }
            let byDefault = try await candidates()
            #expect(byDefault.candidates.map(\.memberID) == [org.teacherID])
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
            let configurer = try await f.client(scopedTo: org.districtID, permissions: ["innovation.configure"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.root") {
                _ = try await f.call(Methods.Innovation.InnovationTitles.setBenefitBands, version, as: configurer)
            }
            try await f.expectRefusal(.invalidArgument, rule: "innovation.band_categories", field: "bands") {
                _ = try await f.call(
                    Methods.Innovation.InnovationTitles.setBenefitBands, .with { $0 = version; $0.bands.removeLast() }
                )
            }
            let stored = try await f.call(Methods.Innovation.InnovationTitles.setBenefitBands, version)
            #expect(stored == version)
            let versions = try await f.call(
                Methods.Innovation.InnovationTitles.listBenefitBandSets, ListBenefitBandSetsRequest()
            )
            #expect(versions.sets.map(\.effectiveFrom) == ["2022-06-16", "2000-01-01"])

            // Under the new version (from tomorrow), by share: 57 and 38 million against 50 and 30; 100 against 90.
            let byShare = try await candidates()
            #expect(byShare.bands.regulation == "Quy chế thí điểm 2022")
            #expect(byShare.candidates.map(\.memberID) == [org.teacherID, org.secondTeacherID, org.teamMemberID])
            #expect(byShare.candidates.map(\.benefitVnd) == [57_000_000, 38_000_000, 100_000_000])
            // A period ending before the new version takes effect is judged by the default.
            let earlier = try await candidates(to: "2022-06-15")
            #expect(earlier.bands.effectiveFrom == "2000-01-01")
            #expect(earlier.candidates.map(\.memberID) == [org.teacherID])

            let firstPage = try await candidates(pageSize: 2)
            #expect(firstPage.candidates.count == 2)
            let secondPage = try await candidates(pageSize: 2, token: firstPage.nextPageToken)
            #expect(secondPage.candidates.map(\.memberID) == [org.teamMemberID])
            #expect(secondPage.nextPageToken.isEmpty)
        }
    }
}
