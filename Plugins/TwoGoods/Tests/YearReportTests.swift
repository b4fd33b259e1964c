import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// The school-year report over a subtree, over the wire.
@Suite struct YearReportTests {
    @Test func theReportCountsTheSubtreesSchoolYear() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.province)
            let neighbour = try await f.unit("LĐLĐ huyện Nông Cống", under: org.province, .districtFederation, .unspecified)

            // In the district: two schools taking part, one eligible school not taking part, a
            // dissolved school and an enterprise union that do not count.
            let first = try await f.school("Trường Tiểu học Kim Đồng", under: org.district)
            let second = try await f.school("Trường THCS Dân Lực", under: org.district)
            _ = try await f.school("Trường Mầm non Dân Lý", under: org.district)
            let gone = try await f.school("Trường Mầm non Dân Quyền", under: org.district)
            _ = try await f.call(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = gone
                $0.reason = "sáp nhập"
            })
            _ = try await f.unit("Công đoàn Công ty TNHH Dream F Vina", under: org.district, .grassrootsUnion, .nonStateEnterprise)
            let firstID = try await f.enrol(first, in: campaign).id
            let secondID = try await f.enrol(second, in: campaign).id
            let minh = try await f.teacher("Hoàng Thị Minh", of: second)
            _ = try await f.recordTeacher(minh, in: secondID, levels: [.schoolLevel, .districtLevel, .provinceLevel], selfStudy: 80, training: 130)
            let hoa = try await f.teacher("Lê Thị Hoa", of: first)
            _ = try await f.recordTeacher(hoa, in: firstID, levels: [.schoolLevel], selfStudy: 40.5, training: 100)
            try await f.completeYear(firstID, .outstanding)
            try await f.recordResult(secondID, round: 1, .good, students: 600, passed: 580, excellent: 200)
            try await f.review(secondID, round: 1, .interimReview, on: "2021-11-22")
            _ = try await f.commend(firstID, by: org.district)
            _ = try await f.commend(firstID, member: hoa, by: org.district)

            // In the neighbouring district: one school taking part.
            let far = try await f.school("Trường Tiểu học Nông Cống", under: neighbour)
            let farID = try await f.enrol(far, in: campaign).id
            let far1 = try await f.teacher("Trịnh Thị Thảo", of: far)
            _ = try await f.recordTeacher(far1, in: farID, levels: [.schoolLevel])

            let report = try await f.report(of: org.district)
            #expect(report.unitID == org.district)
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

            let province = try await f.report(of: org.province)
            #expect(province.schoolsTakingPart == 3)
            #expect(province.eligibleSchools == 4)
            #expect(province.teacherRecords == 3)
            #expect(province.excellentTeachers.map(\.teachers) == [3, 1, 1])
            // Another school year is empty.
            let next = try await f.report(of: org.province, year: 2022)
            #expect(next.schoolsTakingPart == 0)
            #expect(next.rounds.isEmpty)
            #expect(next.excellentTeachers.map(\.teachers) == [0, 0, 0])
        }
    }

    @Test func aKeySeesOnlyItsOwnSubtreesReport() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.province)
            let neighbour = try await f.unit("LĐLĐ huyện Như Thanh", under: org.province, .districtFederation, .unspecified)
            _ = try await f.enrol(try await f.school("Trường THCS Triệu Sơn", under: org.district), in: campaign)
            _ = try await f.enrol(try await f.school("Trường THCS Như Thanh", under: neighbour), in: campaign)
            let key = try await f.client(scopedTo: neighbour, permissions: ["two_goods.read"])
            let own = try await f.report(as: key)
            #expect(own.unitID == neighbour)
            #expect(own.schoolsTakingPart == 1)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await f.report(of: org.district, as: key)
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.school_year", field: "school_year") {
                _ = try await f.report(year: 0, as: key)
            }
            let noRead = try await f.client(scopedTo: neighbour, permissions: ["two_goods.write"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.report(as: noRead)
            }
        }
    }
}
