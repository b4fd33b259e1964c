import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// Teachers' records of a school year, over the wire.
@Suite struct TeacherRecordTests {
    @Test func aTeachersRecordIsKeptAndChangedByMask() async throws {
        try await TwoGoodsFixture.with { fixture in
            let school = try await fixture.school("Trường THCS Dân Lực")
            let campaign = try await fixture.campaign()
            let participation = try await fixture.enrol(school.id, in: campaign)
            let teacher = try await fixture.teacher("Hoàng Thị Minh", of: school.id)
            let record = try await fixture.recordTeacher(teacher.id, in: participation.id, levels: [.provinceLevel, .schoolLevel, .districtLevel])
            #expect(record.id.hasPrefix("tr"))
            #expect(record.teacherName == "Hoàng Thị Minh")
            #expect(record.schoolUnitID == school.id)
            #expect(record.participationID == participation.id)
            #expect(record.schoolYear == 2021)
            #expect(record.excellentTeacherResults.map(\.level) == [.schoolLevel, .districtLevel, .provinceLevel])
            #expect(record.initiatives.map(\.title) == ["Đổi mới sáng tạo trong dạy và học"])
            #expect(record.trainingHours == 120)
            #expect(record.evidence == ["Chứng nhận bồi dưỡng thường xuyên 2021-2022"])

            let updated: TeacherRecord = try await fixture.call("UpdateTeacherRecord", UpdateTeacherRecordRequest.with {
                $0.id = record.id
                $0.trainingHours = 132.5
                $0.selfStudyHours = 900
                $0.evidence = ["Chứng nhận BDTX", "Sổ tự học"]
                $0.updateMask = ["training_hours", "evidence"]
                $0.reason = "bổ sung minh chứng"
            })
            #expect(updated.trainingHours == 132.5)
            #expect(updated.selfStudyHours == record.selfStudyHours)
            #expect(updated.evidence == ["Chứng nhận BDTX", "Sổ tự học"])
            #expect(updated.excellentTeacherResults == record.excellentTeacherResults)
            let fetched: TeacherRecord = try await fixture.call("GetTeacherRecord", GetTeacherRecordRequest.with { $0.id = record.id })
            #expect(fetched == updated)

            // The audit keeps the old and the new record, and the reason.
            let audit = try #require(try await fixture.auditRecords().first { $0.targetID == record.id })
            #expect(audit.reason == "bổ sung minh chứng")
            #expect(audit.oldValueJson.contains("120"))
            #expect(audit.newValueJson.contains("132.5"))
        }
    }

    @Test func recordsAreListedByCampaignAndSubtreeInPages() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let first = try await fixture.school("Trường Tiểu học Thọ Phú")
            let second = try await fixture.school("Trường Tiểu học Thọ Vực")
            let firstID = try await fixture.enrol(first.id, in: campaign).id
            let secondID = try await fixture.enrol(second.id, in: campaign).id
            var firstRecords: [String] = []
            for index in 1...3 {
                let teacher = try await fixture.teacher("Giáo viên \(index)", of: first.id)
                firstRecords.append(try await fixture.recordTeacher(teacher.id, in: firstID).id)
            }
            let other = try await fixture.teacher("Giáo viên khác", of: second.id)
            let otherRecord = try await fixture.recordTeacher(other.id, in: secondID).id
            var seen: [String] = []
            var token = ""
            repeat {
                let page: ListTeacherRecordsResponse = try await fixture.call("ListTeacherRecords", ListTeacherRecordsRequest.with {
                    $0.campaignID = campaign.id
                    $0.unitID = first.id
                    $0.pageSize = 2
                    $0.pageToken = token
                })
                seen += page.records.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == firstRecords)
            let all: ListTeacherRecordsResponse = try await fixture.call("ListTeacherRecords", ListTeacherRecordsRequest.with { $0.campaignID = campaign.id })
            #expect(all.records.map(\.id) == firstRecords + [otherRecord])
        }
    }

    @Test func onlyCurrentTeachersOfTheSchoolHaveRecords() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let school = try await fixture.school("Trường THCS Thọ Sơn")
            let elsewhere = try await fixture.school("Trường THCS Thọ Bình")
            let id = try await fixture.enrol(school.id, in: campaign).id
            let stranger = try await fixture.teacher("Lê Thị Lan", of: elsewhere.id)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_of_school", field: "member_id") {
                _ = try await fixture.recordTeacher(stranger.id, in: id)
            }
            let former = try await fixture.teacher("Trần Thị Mai", of: school.id)
            let _: Member = try await fixture.admin.unary("thidua.core.v1.Members/UpdateMember", UpdateMemberRequest.with {
                $0.id = former.id
                $0.leftOn = "2021-12-31"
                $0.updateMask = ["left_on"]
            })
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_current", field: "member_id") {
                _ = try await fixture.recordTeacher(former.id, in: id)
            }
            try await fixture.expectRefusal(.notFound, rule: "member.exists") {
                _ = try await fixture.recordTeacher("m99999", in: id)
            }
            let teacher = try await fixture.teacher("Phạm Thị Hoa", of: school.id)
            _ = try await fixture.recordTeacher(teacher.id, in: id)
            try await fixture.expectRefusal(.alreadyExists, rule: "two_goods.one_record_per_teacher", field: "member_id") {
                _ = try await fixture.recordTeacher(teacher.id, in: id)
            }
            // A key of another district reaches neither the school nor its teachers.
            let neighbour = try await fixture.unit("LĐLĐ huyện Nông Cống", under: fixture.provinceID, kind: .districtFederation)
            let outsider = try await fixture.connect(scopedTo: neighbour.id, permissions: ["two_goods.write", "two_goods.read"])
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await fixture.recordTeacher(teacher.id, in: id, using: outsider)
            }
            await outsider.close()
        }
    }

    @Test func theRecordsFiguresAreChecked() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let school = try await fixture.school("Trường Tiểu học Xuân Thịnh")
            let id = try await fixture.enrol(school.id, in: campaign).id
            let teacher = try await fixture.teacher("Nguyễn Thị Thu", of: school.id)
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.hours_range", field: "training_hours") {
                _ = try await fixture.recordTeacher(teacher.id, in: id, training: -1)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.hours_range", field: "self_study_hours") {
                _ = try await fixture.recordTeacher(teacher.id, in: id, selfStudy: 1_000.5)
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.level_unique", field: "excellent_teacher_results[1].level") {
                _ = try await fixture.recordTeacher(teacher.id, in: id, levels: [.districtLevel, .districtLevel])
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.enum", field: "excellent_teacher_results[0].level") {
                _ = try await fixture.recordTeacher(teacher.id, in: id, levels: [.unspecified])
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.result_date", field: "excellent_teacher_results[0].decided_on") {
                let _: TeacherRecord = try await fixture.call("RecordTeacher", RecordTeacherRequest.with {
                    $0.participationID = id
                    $0.memberID = teacher.id
                    $0.excellentTeacherResults = [TwoGoodsFixture.result(.schoolLevel, on: "2021-05-20")]
                })
            }
            let record = try await fixture.recordTeacher(teacher.id, in: id)
            try await fixture.expectRefusal(.invalidArgument, rule: "update_mask.field", field: "update_mask[0]") {
                let _: TeacherRecord = try await fixture.call("UpdateTeacherRecord", UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.updateMask = ["member_id"]
                })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "field.required", field: "update_mask") {
                let _: TeacherRecord = try await fixture.call("UpdateTeacherRecord", UpdateTeacherRecordRequest.with { $0.id = record.id })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "two_goods.hours_range") {
                let _: TeacherRecord = try await fixture.call("UpdateTeacherRecord", UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.trainingHours = -3
                    $0.updateMask = ["training_hours"]
                })
            }
            try await fixture.expectRefusal(.notFound, rule: "two_goods.teacher_record_exists") {
                let _: TeacherRecord = try await fixture.call("GetTeacherRecord", GetTeacherRecordRequest.with { $0.id = "tr4242" })
            }
        }
    }

    @Test func recordsCloseWithTheYearsFinalReview() async throws {
        try await TwoGoodsFixture.with { fixture in
            let campaign = try await fixture.campaign()
            let school = try await fixture.school("Trường Tiểu học Xuân Lộc")
            let id = try await fixture.enrol(school.id, in: campaign).id
            let teacher = try await fixture.teacher("Vũ Thị Hạnh", of: school.id)
            let record = try await fixture.recordTeacher(teacher.id, in: id)
            try await fixture.completeYear(id)
            let late = try await fixture.teacher("Đỗ Thị Yến", of: school.id)
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.year_reviewed", field: "participation_id") {
                _ = try await fixture.recordTeacher(late.id, in: id)
            }
            try await fixture.expectRefusal(.failedPrecondition, rule: "two_goods.year_reviewed", field: "id") {
                let _: TeacherRecord = try await fixture.call("UpdateTeacherRecord", UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.trainingHours = 10
                    $0.updateMask = ["training_hours"]
                })
            }
        }
    }
}
