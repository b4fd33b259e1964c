import ThiduaModuleKit
import TwoGoodsAPI

/// Teachers' records of a school year.
extension TwoGoodsService {
    func recordTeacher(_ request: RecordTeacherRequest, _ context: CallContext) async throws -> TeacherRecord {
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let loaded = try self.participation(request.participationID, field: "participation_id", within: principal, changing: true, in: db)
            try loaded.campaign.requireRunning(field: "participation_id")
            try loaded.lifecycle.requireYearOpen(field: "participation_id")
            let teacher = try self.core.member(request.memberID, within: principal, field: "member_id", in: db)
            try Self.requireTeacher(teacher, of: loaded.school)
            if let existing = try TeacherRecordStore.find(member: teacher.id, schoolYear: loaded.record.schoolYear, in: db) {
                throw RPCError(
                    .alreadyExists,
                    "\(teacher.id) already has the record \(existing.id) for the school year \(loaded.record.schoolYear)-\(loaded.record.schoolYear + 1); change it instead",
                    field: "member_id",
                    rule: "two_goods.one_record_per_teacher"
                )
            }
            let content = try TeacherRecordContent(request, bounds: self.bounds(of: loaded, today: today))
            let record = try TeacherRecordStore.insert(
                participation: loaded.record, memberID: teacher.id, teacherName: teacher.fullName, content: content, in: db
            )
            return Mutation.change(record.message, id: record.id, unitID: loaded.school.id)
        }
    }

    func updateTeacherRecord(_ request: UpdateTeacherRecordRequest, _ context: CallContext) async throws -> TeacherRecord {
        let mask = try Fields.updateMask(request.updateMask, allowed: TeacherRecordContent.updatableFields)
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try TeacherRecordStore.require(request.id, field: "id", in: db)
            let loaded = try self.participation(
                TwoGoodsID.participation.id(before.participationRow), field: "id", within: principal, changing: true, in: db
            )
            try loaded.campaign.requireRunning(field: "id")
            try loaded.lifecycle.requireYearOpen(field: "id")
            let content = try before.content.updating(with: request, mask: mask, bounds: self.bounds(of: loaded, today: today))
            let after = try TeacherRecordStore.update(before, to: content, in: db)
            return Mutation.change(after.message, id: after.id, unitID: loaded.school.id, old: before.message, reason: reason)
        }
    }

    func getTeacherRecord(_ request: GetTeacherRecordRequest, _ context: CallContext) async throws -> TeacherRecord {
        try await self.core.read(context) { db, principal in
            let record = try TeacherRecordStore.require(request.id, field: "id", in: db)
            _ = try self.core.unit(record.schoolUnitID, within: principal, field: "id", in: db)
            return record.message
        }
    }

    func listTeacherRecords(_ request: ListTeacherRecordsRequest, _ context: CallContext) async throws -> ListTeacherRecordsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        return try await self.core.read(context) { db, principal in
            let campaign = try self.campaign(request.campaignID, field: "campaign_id", within: principal, in: db)
            let units = try self.subtree(request.unitID, field: "unit_id", within: principal, in: db)
            let rows = try TeacherRecordStore.list(campaignID: campaign.id, schoolIDs: units.map(\.id), page: page, in: db)
            let (records, next) = page.finish(rows) { $0.row }
            return .with {
                $0.records = records.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    /// FAILED_PRECONDITION unless the member is a teacher of the school now: a member of its
    /// union (rule `two_goods.teacher_of_school`) who has not left (rule `two_goods.teacher_current`).
    static func requireTeacher(_ member: MemberReference, of school: UnitReference) throws(RPCError) {
        guard member.unitID == school.id else {
            throw RPCError(
                .failedPrecondition,
                "\(member.id) (\(member.fullName)) belongs to \(member.unitID), not to the school \(school.id) (\(school.name))",
                field: "member_id",
                rule: "two_goods.teacher_of_school"
            )
        }
        guard member.isCurrent else {
            throw RPCError(
                .failedPrecondition,
                "\(member.id) (\(member.fullName)) has left \(school.name)",
                field: "member_id",
                rule: "two_goods.teacher_current"
            )
        }
    }

    func bounds(of loaded: LoadedParticipation, today: CalendarDate) -> TeacherRecordContent.Bounds {
        TeacherRecordContent.Bounds(
            schoolYearStartsOn: loaded.campaign.startsOn,
            schoolYearEndsOn: loaded.campaign.endsOn,
            today: today,
            rules: loaded.rules
        )
    }
}
