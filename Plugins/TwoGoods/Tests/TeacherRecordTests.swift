import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// Teachers' records of a school year, over the wire.
@Suite struct TeacherRecordTests {
    @Test func aTeachersRecordIsKeptAndChangedByMask() async throws {
        try await Organisation.with { f, org in
            let school = try await f.school("Trường THCS Dân Lực", under: org.district)
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let participation = try await f.enrol(school, in: campaign)
            let teacher = try await f.teacher("Hoàng Thị Minh", of: school)
            let record = try await f.recordTeacher(teacher, in: participation.id, levels: [.provinceLevel, .schoolLevel, .districtLevel])
            #expect(record.id.hasPrefix("tr"))
            #expect(record.teacherName == "Hoàng Thị Minh")
            #expect(record.schoolUnitID == school)
            #expect(record.participationID == participation.id)
            #expect(record.schoolYear == 2021)
            #expect(record.excellentTeacherResults.map(\.level) == [.schoolLevel, .districtLevel, .provinceLevel])
            #expect(record.initiatives.map(\.title) == ["Đổi mới sáng tạo trong dạy và học"])
            #expect(record.trainingHours == 120)
            #expect(record.evidence == ["Chứng nhận bồi dưỡng thường xuyên 2021-2022"])

            let updated = try await f.call(Methods.TwoGoods.TwoGoods.updateTeacherRecord, UpdateTeacherRecordRequest.with {
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
            let fetched = try await f.call(Methods.TwoGoods.TwoGoods.getTeacherRecord, GetTeacherRecordRequest.with { $0.id = record.id })
            #expect(fetched == updated)

            // The audit keeps the old and the new record, and the reason.
            let audit = try #require(try await f.auditRecords().first { $0.targetID == record.id })
            #expect(audit.reason == "bổ sung minh chứng")
            #expect(audit.oldValueJson.contains("120"))
            #expect(audit.newValueJson.contains("132.5"))
        }
    }

    @Test func recordsAreListedByCampaignAndSubtreeInPages() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let first = try await f.school("Trường Tiểu học Thọ Phú", under: org.district)
            let second = try await f.school("Trường Tiểu học Thọ Vực", under: org.district)
            let firstID = try await f.enrol(first, in: campaign).id
            let secondID = try await f.enrol(second, in: campaign).id
            var firstRecords: [String] = []
            for index in 1...3 {
                let teacher = try await f.teacher("Giáo viên \(index)", of: first)
                firstRecords.append(try await f.recordTeacher(teacher, in: firstID).id)
            }
            let other = try await f.teacher("Giáo viên khác", of: second)
            let otherRecord = try await f.recordTeacher(other, in: secondID).id
            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await f.call(Methods.TwoGoods.TwoGoods.listTeacherRecords, ListTeacherRecordsRequest.with {
                    $0.campaignID = campaign
                    $0.unitID = first
                    $0.pageSize = 2
                    $0.pageToken = token
                })
                seen += page.records.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == firstRecords)
            let all = try await f.call(Methods.TwoGoods.TwoGoods.listTeacherRecords, ListTeacherRecordsRequest.with { $0.campaignID = campaign })
            #expect(all.records.map(\.id) == firstRecords + [otherRecord])
        }
    }

    @Test func onlyCurrentTeachersOfTheSchoolHaveRecords() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường THCS Thọ Sơn", under: org.district)
            let elsewhere = try await f.school("Trường THCS Thọ Bình", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let stranger = try await f.teacher("Lê Thị Lan", of: elsewhere)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_of_school", field: "member_id") {
                _ = try await f.recordTeacher(stranger, in: id)
            }
            let former = try await f.teacher("Trần Thị Mai", of: school)
            _ = try await f.call(Methods.Core.Members.updateMember, UpdateMemberRequest.with {
                $0.id = former
                $0.leftOn = "2021-12-31"
                $0.updateMask = ["left_on"]
            })
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.teacher_current", field: "member_id") {
                _ = try await f.recordTeacher(former, in: id)
            }
            try await f.expectRefusal(.notFound, rule: "member.exists") {
                _ = try await f.recordTeacher("m99999", in: id)
            }
            let teacher = try await f.teacher("Phạm Thị Hoa", of: school)
            _ = try await f.recordTeacher(teacher, in: id)
            try await f.expectRefusal(.alreadyExists, rule: "two_goods.one_record_per_teacher", field: "member_id") {
                _ = try await f.recordTeacher(teacher, in: id)
            }
            // A key of another district reaches neither the school nor its teachers.
            let neighbour = try await f.unit("LĐLĐ huyện Nông Cống", under: org.province, .districtFederation, .unspecified)
            let outsider = try await f.client(scopedTo: neighbour, permissions: ["two_goods.write", "two_goods.read"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.recordTeacher(teacher, in: id, as: outsider)
            }
        }
    }

    @Test func theRecordsFiguresAreChecked() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường Tiểu học Xuân Thịnh", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let teacher = try await f.teacher("Nguyễn Thị Thu", of: school)
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.hours_range", field: "training_hours") {
                _ = try await f.recordTeacher(teacher, in: id, training: -1)
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.hours_range", field: "self_study_hours") {
                _ = try await f.recordTeacher(teacher, in: id, selfStudy: 1_000.5)
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.level_unique", field: "excellent_teacher_results[1].level") {
                _ = try await f.recordTeacher(teacher, in: id, levels: [.districtLevel, .districtLevel])
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum", field: "excellent_teacher_results[0].level") {
                _ = try await f.recordTeacher(teacher, in: id, levels: [.unspecified])
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.result_date", field: "excellent_teacher_results[0].decided_on") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.recordTeacher, RecordTeacherRequest.with {
                    $0.participationID = id
                    $0.memberID = teacher
                    $0.excellentTeacherResults = [.decided(.schoolLevel, on: "2021-05-20")]
                })
            }
            let record = try await f.recordTeacher(teacher, in: id)
            try await f.expectRefusal(.invalidArgument, rule: "update_mask.field", field: "update_mask[0]") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.updateTeacherRecord, UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.updateMask = ["member_id"]
                })
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "update_mask") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.updateTeacherRecord, UpdateTeacherRecordRequest.with { $0.id = record.id })
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.hours_range") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.updateTeacherRecord, UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.trainingHours = -3
                    $0.updateMask = ["training_hours"]
                })
            }
            try await f.expectRefusal(.notFound, rule: "two_goods.teacher_record_exists") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.getTeacherRecord, GetTeacherRecordRequest.with { $0.id = "tr4242" })
            }
        }
    }

    @Test func recordsCloseWithTheYearsFinalReview() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường Tiểu học Xuân Lộc", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let teacher = try await f.teacher("Vũ Thị Hạnh", of: school)
            let record = try await f.recordTeacher(teacher, in: id)
            try await f.completeYear(id)
            let late = try await f.teacher("Đỗ Thị Yến", of: school)
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.year_reviewed", field: "participation_id") {
                _ = try await f.recordTeacher(late, in: id)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "two_goods.year_reviewed", field: "id") {
                _ = try await f.call(Methods.TwoGoods.TwoGoods.updateTeacherRecord, UpdateTeacherRecordRequest.with {
                    $0.id = record.id
                    $0.trainingHours = 10
                    $0.updateMask = ["training_hours"]
                })
            }
        }
    }
}
