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
        let school: ThiduaCoreAPI.Unit
        let participation: String
        let teacher: Member
    }

    static func reviewedSchool(_ name: String, _ classification: SchoolClassification = .outstanding, in campaign: Campaign, fixture: TwoGoodsFixture) async throws -> ReviewedSchool {
        let school = try await fixture.school(name)
        let id = try await fixture.enrol(school.id, in: campaign).id
        let teacher = try await fixture.teacher("Hoàng Thị Minh", of: school.id)
        _ = try await fixture.recordTeacher(teacher.id, in: id, levels: [.districtLevel])
        try await fixture.completeYear(id, classification)
        return ReviewedSchool(school: school, participation: id, teacher: teacher)
    }

    @Test func theDistrictCommendsASchoolAndATeacher() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let reviewed = try await Self.reviewedSchool("Trường THCS Dân Lực", in: campaign, fixture: fixture)
            let collective = try await fixture.commend(reviewed.participation)
            #expect(collective.id.hasPrefix("tc"))
            #expect(collective.memberID.isEmpty)
            #expect(collective.formCode == "giay_khen")
            #expect(collective.issuingUnitID == fixture.districtID)
            #expect(collective.achievement == "Phong trào thi đua \"Hai tốt\" năm học 2021-2022")
            #expect(collective.revokedOn.isEmpty)
            let individual = try await fixture.commend(reviewed.participation, member: reviewed.teacher.id)
            #expect(individual.memberID == reviewed.teacher.id)

            // The awards are the core's, with the campaign and the decision.
            let award: Award = try await fixture.admin.unary("thidua.core.v1.Awards/GetAward", GetAwardRequest.with { $0.id = individual.awardID })
            #expect(award.formCode == "giay_khen")
            #expect(award.recipientUnitID == reviewed.school.id)
            #expect(award.recipientMemberID == reviewed.teacher.id)
            #expect(award.campaignID == campaign.id)
            #expect(award.decisionNumber == "123/QĐ-LĐLĐ")
            #expect(award.decisionDate == "2022-06-15")

            let listed: ListCommendationsResponse = try await fixture.call("ListCommendations", ListCommendationsRequest.with { $0.campaignID = campaign.id })
            #expect(listed.commendations == [collective, individual])
            let report = try await fixture.report()
            #expect(report.commendedCollectives == 1)
            #expect(report.commendedIndividuals == 1)
        }
    }

    @Test func commendationsFollowTheFinalReviewAndTheRules() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            // Not yet reviewed.
            let open = try await fixture.school("Trường Tiểu học Đồng Lợi")
            let openID = try await fixture.enrol(open.id, in: campaign).id
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.year_not_reviewed", field: "participation_id") {
                _ = try await fixture.commend(openID)
            }
            // Classified "good": not enough for the collective commendation by default.
            let good = try await Self.reviewedSchool("Trường Tiểu học Đồng Tiến", .good, in: campaign, fixture: fixture)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.classification_below_minimum", field: "participation_id") {
                _ = try await fixture.commend(good.participation)
            }
            // The teacher, with a district result, may still be commended.
            #expect(try await fixture.commend(good.participation, member: good.teacher.id).memberID == good.teacher.id)

            let best = try await Self.reviewedSchool("Trường THCS Đồng Thắng", in: campaign, fixture: fixture)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.decision_date", field: "decision_date") {
                _ = try await fixture.commend(best.participation, on: "2022-05-27")
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.decision_date") {
                _ = try await fixture.commend(best.participation, on: "2022-07-01")
            }
            let unrecorded = try await fixture.teacher("Bùi Thị Nga", of: best.school.id)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_record_required", field: "member_id") {
                _ = try await fixture.commend(best.participation, member: unrecorded.id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_of_school", field: "member_id") {
                _ = try await fixture.commend(best.participation, member: good.teacher.id)
            }
            // A unit commends the units below it, with a form its level may issue.
            try await fixture.expectRefusal(.failedPrecondition, rule: "award.issuer_above_recipient") {
                _ = try await fixture.commend(best.participation, issuer: best.school.id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "award.issuing_level") {
                _ = try await fixture.commend(best.participation, form: "bang_khen_tinh")
            }
            try await fixture.expectRefusal(.notFound, rule: "award.form_exists") {
                _ = try await fixture.commend(best.participation, form: "huan_chuong")
            }
            _ = try await fixture.commend(best.participation)
            try await fixture.expectRefusal(.alreadyExists, rule: "two_goods.one_commendation_per_year", field: "participation_id") {
                _ = try await fixture.commend(best.participation)
            }
            // The province may not commend it a second time for the same achievement either.
            try await fixture.expectRefusal(.alreadyExists, rule: "two_goods.one_commendation_per_year") {
                _ = try await fixture.commend(best.participation, issuer: fixture.provinceID, form: "bang_khen_tinh")
            }
        }
    }

    @Test(arguments: [false, true])
    func aTeacherWithoutAchievementIsNotCommendedUnlessTheRulesSaySo(lenient: Bool) async throws {
        try await TwoGoodsFixture.with { fixture in
            if lenient {
                // A deployment's own rules for the school years from 2021 on.
                try await fixture.setRuleSet(.with {
                    $0.regulation = "Hướng dẫn thi đua của LĐLĐ tỉnh năm học 2021-2022"
                    $0.effectiveFrom = "2021-08-01"
                    $0.requiredTrainingHours = 120
                    $0.maxHoursPerYear = 1_000
                    $0.collectiveCommendationMinimum = .good
                    $0.individualCommendationNeedsAchievement = false
                })
            }
            let campaign = try await fixture.campaign()
            let school = try await fixture.school("Trường Mầm non Tiến Nông")
            let id = try await fixture.enrol(school.id, in: campaign).id
            let teacher = try await fixture.teacher("Ngô Thị Dung", of: school.id)
            let _: TeacherRecord = try await fixture.call("RecordTeacher", RecordTeacherRequest.with {
                $0.participationID = id
                $0.memberID = teacher.id
                $0.trainingHours = 120
            })
            try await fixture.completeYear(id, .good)
            if lenient {
                #expect(try await fixture.commend(id, member: teacher.id).memberID == teacher.id)
                #expect(try await fixture.commend(id).memberID.isEmpty)
            } else {
                try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.no_individual_achievement", field: "member_id") {
                    _ = try await fixture.commend(id, member: teacher.id)
                }
                try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.classification_below_minimum") {
                    _ = try await fixture.commend(id)
                }
            }
        }
    }

    @Test func commendingNeedsBothPermissionsAndReachesOnlyTheSubtree() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let reviewed = try await Self.reviewedSchool("Trường Tiểu học An Nông", in: campaign, fixture: fixture)
            let withoutAwards = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["two_goods.commend"])
            try await fixture.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await fixture.commend(reviewed.participation, using: withoutAwards)
            }
            let withoutModule = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["awards.grant"])
            try await fixture.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await fixture.commend(reviewed.participation, using: withoutModule)
            }
            let neighbour = try await fixture.unit("LĐLĐ huyện Thiệu Hóa", under: fixture.provinceID, kind: .districtFederation)
            let outsider = try await fixture.connect(scopedTo: neighbour.id, permissions: ["two_goods.commend", "awards.grant"])
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await fixture.commend(reviewed.participation, issuer: neighbour.id, using: outsider)
            }
            let district = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["two_goods.commend", "awards.grant"])
            #expect(try await fixture.commend(reviewed.participation, using: district).issuingUnitID == fixture.districtID)
            for client in [withoutAwards, withoutModule, outsider, district] { await client.close() }
        }
    }

    @Test func aRevokedCommendationIsNotCountedAndMayBeGrantedAgain() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let reviewed = try await Self.reviewedSchool("Trường THCS Vân Sơn", in: campaign, fixture: fixture)
            let first = try await fixture.commend(reviewed.participation, member: reviewed.teacher.id)
            #expect(try await fixture.report().commendedIndividuals == 1)
            let _: Award = try await fixture.admin.unary("thidua.core.v1.Awards/RevokeAward", RevokeAwardRequest.with {
                $0.id = first.awardID
                $0.reason = "nhầm đối tượng"
            })
            #expect(try await fixture.report().commendedIndividuals == 0)
            let listed: ListCommendationsResponse = try await fixture.call("ListCommendations", ListCommendationsRequest.with { $0.campaignID = campaign.id })
            #expect(listed.commendations.map(\.id) == [first.id])
            #expect(!listed.commendations[0].revokedOn.isEmpty)
            let again = try await fixture.commend(reviewed.participation, member: reviewed.teacher.id, on: "2022-06-20")
            #expect(again.id != first.id)
            #expect(try await fixture.report().commendedIndividuals == 1)
        }
    }

    /// An award revoked while the module was not loaded: the module catches up when it starts.
    @Test func aRevocationMadeWhileTheModuleWasNotLoadedIsCaughtUpAtStartUp() async throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-two-goods-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        var commendation: TwoGoodsCommendation?
        var campaignID = ""
        try await TwoGoodsFixture.with(dataDirectory: data) { fixture in
            let campaign = try await fixture.campaign()
            campaignID = campaign.id
            let reviewed = try await Self.reviewedSchool("Trường THCS Vân Sơn", in: campaign, fixture: fixture)
            commendation = try await fixture.commend(reviewed.participation, member: reviewed.teacher.id)
        }
        let awardID = try #require(commendation?.awardID)

        // The core alone, on the same data: the award is revoked with no module to hear it.
        let coreOnly = try await TestServer.start(dataDirectory: data)
        let admin = try await coreOnly.connectAsAdmin()
        let _: Award = try await admin.unary("thidua.core.v1.Awards/RevokeAward", RevokeAwardRequest.with {
            $0.id = awardID
            $0.reason = "nhầm đối tượng"
        })
        await admin.close()
        try await coreOnly.stop()

        try await TwoGoodsFixture.with(dataDirectory: data) { fixture in
            let listed: ListCommendationsResponse = try await fixture.call("ListCommendations", ListCommendationsRequest.with { $0.campaignID = campaignID })
            #expect(listed.commendations.map(\.awardID) == [awardID])
            #expect(listed.commendations.first?.revokedOn.isEmpty == false)
        }
    }
}
