import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import TwoGoods

/// Yearly commendations through the core's awards, over the wire.
@Suite struct CommendationTests {
    /// A school whose year is reviewed, with a teacher recorded at district level.
    struct ReviewedSchool {
        let school: String
        let participation: String
        let teacher: String
    }

    static func reviewedSchool(
        _ name: String, _ classification: SchoolClassification = .outstanding, in campaign: String, of org: Organisation, on f: ModuleFixture
    ) async throws -> ReviewedSchool {
        let school = try await f.school(name, under: org.district)
        let id = try await f.enrol(school, in: campaign).id
        let teacher = try await f.teacher("Hoàng Thị Minh", of: school)
        _ = try await f.recordTeacher(teacher, in: id, levels: [.districtLevel])
        try await f.completeYear(id, classification)
        return ReviewedSchool(school: school, participation: id, teacher: teacher)
    }

    @Test func theDistrictCommendsASchoolAndATeacher() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let reviewed = try await Self.reviewedSchool("Trường THCS Dân Lực", in: campaign, of: org, on: f)
            let collective = try await f.commend(reviewed.participation, by: org.district)
            #expect(collective.id.hasPrefix("tc"))
            #expect(collective.memberID.isEmpty)
            #expect(collective.formCode == "giay_khen")
            #expect(collective.issuingUnitID == org.district)
            #expect(collective.achievement == "Phong trào thi đua \"Hai tốt\" năm học 2021-2022")
            #expect(collective.revokedOn.isEmpty)
            let individual = try await f.commend(reviewed.participation, member: reviewed.teacher, by: org.district)
            #expect(individual.memberID == reviewed.teacher)

            // The awards are the core's, with the campaign and the decision.
            let award = try await f.call(Methods.Core.Awards.getAward, GetAwardRequest.with { $0.id = individual.awardID })
            #expect(award.formCode == "giay_khen")
            #expect(award.recipientUnitID == reviewed.school)
            #expect(award.recipientMemberID == reviewed.teacher)
            #expect(award.campaignID == campaign)
            #expect(award.decisionNumber == "123/QĐ-LĐLĐ")
            #expect(award.decisionDate == "2022-06-15")

            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listCommendations, ListCommendationsRequest.with { $0.campaignID = campaign })
            #expect(listed.commendations == [collective, individual])
            let report = try await f.report()
            #expect(report.commendedCollectives == 1)
            #expect(report.commendedIndividuals == 1)
        }
    }

    @Test func commendationsFollowTheFinalReviewAndTheRules() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            // Not yet reviewed.
            let open = try await f.school("Trường Tiểu học Đồng Lợi", under: org.district)
            let openID = try await f.enrol(open, in: campaign).id
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.year_not_reviewed", field: "participation_id") {
                _ = try await f.commend(openID, by: org.district)
            }
            // Classified "good": not enough for the collective commendation by default.
            let good = try await Self.reviewedSchool("Trường Tiểu học Đồng Tiến", .good, in: campaign, of: org, on: f)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.classification_below_minimum", field: "participation_id") {
                _ = try await f.commend(good.participation, by: org.district)
            }
            // The teacher, with a district result, may still be commended.
            #expect(try await f.commend(good.participation, member: good.teacher, by: org.district).memberID == good.teacher)

            let best = try await Self.reviewedSchool("Trường THCS Đồng Thắng", in: campaign, of: org, on: f)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.decision_date", field: "decision_date") {
                _ = try await f.commend(best.participation, by: org.district, on: "2022-05-27")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.decision_date") {
                _ = try await f.commend(best.participation, by: org.district, on: "2022-07-01")
            }
            let unrecorded = try await f.teacher("Bùi Thị Nga", of: best.school)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_record_required", field: "member_id") {
                _ = try await f.commend(best.participation, member: unrecorded, by: org.district)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_of_school", field: "member_id") {
                _ = try await f.commend(best.participation, member: good.teacher, by: org.district)
            }
            // A unit commends the units below it, with a form its level may issue.
            try await f.expectRefusal(.failedPrecondition, rule: "award.issuer_above_recipient") {
                _ = try await f.commend(best.participation, by: best.school)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "award.issuing_level") {
                _ = try await f.commend(best.participation, by: org.district, form: "bang_khen_tinh")
            }
            try await f.expectRefusal(.notFound, rule: "award.form_exists") {
                _ = try await f.commend(best.participation, by: org.district, form: "huan_chuong")
            }
            _ = try await f.commend(best.participation, by: org.district)
            try await f.expectRefusal(.alreadyExists, rule: "two_goods.one_commendation_per_year", field: "participation_id") {
                _ = try await f.commend(best.participation, by: org.district)
            }
            // The province may not commend it a second time for the same achievement either.
            try await f.expectRefusal(.alreadyExists, rule: "two_goods.one_commendation_per_year") {
                _ = try await f.commend(best.participation, by: org.province, form: "bang_khen_tinh")
            }
        }
    }

    @Test(arguments: [false, true])
    func aTeacherWithoutAchievementIsNotCommendedUnlessTheRulesSaySo(lenient: Bool) async throws {
        try await Organisation.with { f, org in
            if lenient {
                // A deployment's own rules for the school years from 2021 on.
                try await f.setRuleSet(.with {
                    $0.regulation = "Hướng dẫn thi đua của LĐLĐ tỉnh năm học 2021-2022"
                    $0.effectiveFrom = "2021-08-01"
                    $0.requiredTrainingHours = 120
                    $0.maxHoursPerYear = 1_000
                    $0.collectiveCommendationMinimum = .good
                    $0.individualCommendationNeedsAchievement = false
                })
            }
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường Mầm non Tiến Nông", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let teacher = try await f.teacher("Ngô Thị Dung", of: school)
            _ = try await f.call(Methods.TwoGoods.TwoGoods.recordTeacher, RecordTeacherRequest.with {
                $0.participationID = id
                $0.memberID = teacher
                $0.trainingHours = 120
            })
            try await f.completeYear(id, .good)
            if lenient {
                #expect(try await f.commend(id, member: teacher, by: org.district).memberID == teacher)
                #expect(try await f.commend(id, by: org.district).memberID.isEmpty)
            } else {
                try await f.expectRefusal(.failedPrecondition, rule: "two_goods.no_individual_achievement", field: "member_id") {
                    _ = try await f.commend(id, member: teacher, by: org.district)
                }
                try await f.expectRefusal(.failedPrecondition, rule: "two_goods.classification_below_minimum") {
                    _ = try await f.commend(id, by: org.district)
                }
            }
        }
    }

    @Test func commendingNeedsBothPermissionsAndReachesOnlyTheSubtree() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let reviewed = try await Self.reviewedSchool("Trường Tiểu học An Nông", in: campaign, of: org, on: f)
            let withoutAwards = try await f.client(scopedTo: org.district, permissions: ["two_goods.commend"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.commend(reviewed.participation, by: org.district, as: withoutAwards)
            }
            let withoutModule = try await f.client(scopedTo: org.district, permissions: ["awards.grant"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.commend(reviewed.participation, by: org.district, as: withoutModule)
            }
            let neighbour = try await f.unit("LĐLĐ huyện Thiệu Hóa", under: org.province, .districtFederation, .unspecified)
            let outsider = try await f.client(scopedTo: neighbour, permissions: ["two_goods.commend", "awards.grant"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.commend(reviewed.participation, by: neighbour, as: outsider)
            }
            let district = try await f.client(scopedTo: org.district, permissions: ["two_goods.commend", "awards.grant"])
            #expect(try await f.commend(reviewed.participation, by: org.district, as: district).issuingUnitID == org.district)
        }
    }

    @Test func aRevokedCommendationIsNotCountedAndMayBeGrantedAgain() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let reviewed = try await Self.reviewedSchool("Trường THCS Vân Sơn", in: campaign, of: org, on: f)
            let first = try await f.commend(reviewed.participation, member: reviewed.teacher, by: org.district)
            #expect(try await f.report().commendedIndividuals == 1)
            _ = try await f.call(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with {
                $0.id = first.awardID
                $0.reason = "nhầm đối tượng"
            })
            #expect(try await f.report().commendedIndividuals == 0)
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listCommendations, ListCommendationsRequest.with { $0.campaignID = campaign })
            #expect(listed.commendations.map(\.id) == [first.id])
            #expect(!listed.commendations[0].revokedOn.isEmpty)
            let again = try await f.commend(reviewed.participation, member: reviewed.teacher, by: org.district, on: "2022-06-20")
            #expect(again.id != first.id)
            #expect(try await f.report().commendedIndividuals == 1)
        }
    }

    /// An award revoked while the module was not loaded: the module catches up when it starts.
    @Test func aRevocationMadeWhileTheModuleWasNotLoadedIsCaughtUpAtStartUp() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-two-goods-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        var commendation: TwoGoodsCommendation?
        var campaignID = ""
        try await ModuleFixture.with(modules: [TwoGoodsModule()], today: Organisation.today, dataDirectory: data) { server in
            let org = try await Organisation.build(on: server, root: server.rootUnitID)
            let campaign = try await server.schoolYearCampaign(launchedBy: org.district)
            campaignID = campaign
            let reviewed = try await Self.reviewedSchool("Trường THCS Vân Sơn", in: campaign, of: org, on: server)
            commendation = try await server.commend(reviewed.participation, member: reviewed.teacher, by: org.district)
        }
        let awardID = try #require(commendation?.awardID)

        // The core alone, on the same data: the award is revoked with no module to hear it.
        try await ModuleFixture.with(modules: [], today: Organisation.today, dataDirectory: data) { coreOnly in
            _ = try await coreOnly.call(Methods.Core.Awards.revokeAward, .with {
                $0.id = awardID
                $0.reason = "nhầm đối tượng"
            })
        }

        try await ModuleFixture.with(modules: [TwoGoodsModule()], today: Organisation.today, dataDirectory: data) { f in
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listCommendations, ListCommendationsRequest.with { $0.campaignID = campaignID })
            #expect(listed.commendations.map(\.awardID) == [awardID])
            #expect(listed.commendations.first?.revokedOn.isEmpty == false)
        }
    }
}
