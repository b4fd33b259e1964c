import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// The school-year report over a subtree, over the wire.
@Suite struct YearReportTests {
    @Test func theReportCountsTheSubtreesSchoolYear() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign(launchedBy: fixture.provinceID)
            let neighbour = try await fixture.unit("LĐLĐ huyện Nông Cống", under: fixture.provinceID, kind: .districtFederation)

            // In the district: two schools taking part, one eligible school not taking part, a
            // dissolved school and an enterprise union that do not count.
            let first = try await fixture.school("Trường Tiểu học Kim Đồng")
            let second = try await fixture.school("Trường THCS Dân Lực")
            _ = try await fixture.school("Trường Mầm non Dân Lý")
            let gone = try await fixture.school("Trường Mầm non Dân Quyền")
            let _: ThiduaCoreAPI.Unit = try await fixture.admin.unary("thidua.core.v1.Units/DissolveUnit", DissolveUnitRequest.with {
                $0.id = gone.id
                $0.reason = "sáp nhập"
            })
            _ = try await fixture.unit("Công đoàn Công ty TNHH Dream F Vina", sector: .nonStateEnterprise)
            let firstID = try await fixture.enrol(first.id, in: campaign).id
            let secondID = try await fixture.enrol(second.id, in: campaign).id
            let minh = try await fixture.teacher("Hoàng Thị Minh", of: second.id)
            _ = try await fixture.recordTeacher(minh.id, in: secondID, levels: [.schoolLevel, .districtLevel, .provinceLevel], selfStudy: 80, training: 130)
            let hoa = try await fixture.teacher("Lê Thị Hoa", of: first.id)
            _ = try await fixture.recordTeacher(hoa.id, in: firstID, levels: [.schoolLevel], selfStudy: 40.5, training: 100)
            try await fixture.completeYear(firstID, .outstanding)
            try await fixture.recordResult(secondID, round: 1, .good, students: 600, passed: 580, excellent: 200)
            try await fixture.review(secondID, round: 1, .interimReview, on: "2021-11-22")
            _ = try await fixture.commend(firstID)
            _ = try await fixture.commend(firstID, member: hoa.id)

            // In the neighbouring district: one school taking part.
            let far = try await fixture.school("Trường Tiểu học Nông Cống", under: neighbour.id)
            let farID = try await fixture.enrol(far.id, in: campaign).id
            let far1 = try await fixture.teacher("Trịnh Thị Thảo", of: far.id)
            _ = try await fixture.recordTeacher(far1.id, in: farID, levels: [.schoolLevel])

            let report = try await fixture.report(of: fixture.districtID)
            #expect(report.unitID == fixture.districtID)
            #expect(report.schoolYearLabel == "2021-2022")
            #expect(report.eligibleSchools == 3)
            #expect(report.schoolsTakingPart == 2)
            #expect(report.rounds.map(\.number) == [1, 2])
            let round1 = report.rounds[0]
            #expect(round1.interimReviewed == 2)
            #expect(round1.finalReviewed == 1)
            #expect(round1.resultsRecorded == 2)
            #expect(round1.classifications.map(\.classification) == [.outstanding, .good])
            #expect(round1.classifications.map(\.schools) == [1, 1])
            #expect(round1.students == 1_000)
            #expect(round1.studentsPassed == 972)
            #expect(round1.studentsExcellent == 320)
            #expect(round1.passRatePermille == 972)
            #expect(report.rounds[1].finalReviewed == 1)
            #expect(report.rounds[1].resultsRecorded == 1)
            #expect(report.teacherRecords == 2)
            #expect(report.excellentTeachers.map(\.level) == [.schoolLevel, .districtLevel, .provinceLevel])
            #expect(report.excellentTeachers.map(\.teachers) == [2, 1, 1])
            #expect(report.teachingInitiatives == 2)
            #expect(report.selfStudyHours == 120.5)
            #expect(report.trainingHours == 230)
            #expect(report.requiredTrainingHours == 120)
            #expect(report.teachersMeetingTrainingRequirement == 1)
            #expect(report.commendedCollectives == 1)
            #expect(report.commendedIndividuals == 1)

            let province = try await fixture.report(of: fixture.provinceID)
            #expect(province.schoolsTakingPart == 3)
            #expect(province.eligibleSchools == 4)
            #expect(province.teacherRecords == 3)
            #expect(province.excellentTeachers.map(\.teachers) == [3, 1, 1])
            // Another school year is empty.
            let next = try await fixture.report(of: fixture.provinceID, year: 2022)
            #expect(next.schoolsTakingPart == 0)
            #expect(next.rounds.isEmpty)
            #expect(next.excellentTeachers.map(\.teachers) == [0, 0, 0])
        }
    }

    @Test func aKeySeesOnlyItsOwnSubtreesReport() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign(launchedBy: fixture.provinceID)
            let neighbour = try await fixture.unit("LĐLĐ huyện Như Thanh", under: fixture.provinceID, kind: .districtFederation)
            _ = try await fixture.enrol(try await fixture.school("Trường THCS Triệu Sơn").id, in: campaign)
            _ = try await fixture.enrol(try await fixture.school("Trường THCS Như Thanh", under: neighbour.id).id, in: campaign)
            let key = try await fixture.connect(scopedTo: neighbour.id, permissions: ["two_goods.read"])
            let own = try await fixture.report(using: key)
            #expect(own.unitID == neighbour.id)
            #expect(own.schoolsTakingPart == 1)
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await fixture.report(of: fixture.districtID, using: key)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.school_year", field: "school_year") {
                _ = try await fixture.report(year: 0, using: key)
            }
            let noRead = try await fixture.connect(scopedTo: neighbour.id, permissions: ["two_goods.write"])
            try await fixture.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await fixture.report(using: noRead)
            }
            await key.close()
            await noRead.close()
        }
    }
}
