import ThiduaModuleKit
import TwoGoodsAPI

/// Yearly commendations, granted through the core's awards.
extension TwoGoodsService {
    func grantCommendation(_ request: GrantCommendationRequest, _ context: CallContext) async throws -> TwoGoodsCommendation {
        let formCode = try Fields.optionalText(request.formCode, field: "form_code", maxLength: 60) ?? Self.defaultCommendationForm
        let decisionNumber = try Fields.text(request.decisionNumber, field: "decision_number", maxLength: 100)
        let decisionDate = try CalendarDate.parse(request.decisionDate, field: "decision_date")
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let memberID = request.memberID.isEmpty ? nil : request.memberID
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            // The award is the core's: granting it through the module needs the core's permission too.
            guard principal.holds(TwoGoodsPermissions.awardsGrant) else {
                throw RPCError(
                    .permissionDenied,
                    "key \(principal.keyID) lacks the permission \(TwoGoodsPermissions.awardsGrant) that a commendation's award needs",
                    field: "",
                    rule: "auth.permission",
                    values: ["permission": TwoGoodsPermissions.awardsGrant]
                )
            }
            // Commendations follow the final review, so a closed campaign still takes them.
            let loaded = try self.participation(request.participationID, field: "participation_id", within: principal, changing: true, in: db)
            let issuer = try self.core.unit(request.issuingUnitID, within: principal, field: "issuing_unit_id", in: db)
            let recipient: CommendationRules.Recipient
            if let memberID {
                let teacher = try self.core.member(memberID, within: principal, field: "member_id", in: db)
                try Self.requireTeacher(teacher, of: loaded.school)
                let record = try TeacherRecordStore.find(member: teacher.id, schoolYear: loaded.record.schoolYear, in: db)
                recipient = .individual(record: record?.participationRow == loaded.record.row ? record?.content : nil)
            } else {
                recipient = .collective(lastRoundClassification: loaded.record.rounds.last?.result?.classification)
            }
            try CommendationRules.check(recipient, year: loaded.lifecycle, decisionDate: decisionDate, today: today, rules: loaded.rules)
            if let existing = try CommendationStore.standing(participation: loaded.record, memberID: memberID, in: db) {
                throw RPCError(
                    .alreadyExists,
                    "\(memberID ?? loaded.school.id) already has the commendation \(existing.id) for the school year; one achievement earns one award",
                    field: memberID == nil ? "participation_id" : "member_id",
                    rule: "two_goods.one_commendation_per_year"
                )
            }
            let grant = AwardGrant(
                formCode: formCode,
                issuingUnitID: issuer.id,
                recipientUnitID: loaded.school.id,
                recipientMemberID: memberID,
                achievement: CommendationRules.achievement(schoolYear: loaded.record.schoolYear),
                campaignID: loaded.campaign.id,
                decisionNumber: decisionNumber,
                decisionDate: decisionDate,
                reason: reason
            )
            let awardID = try self.core.grantAward(grant, by: principal, in: db)
            let commendation = try CommendationStore.insert(participation: loaded.record, memberID: memberID, awardID: awardID, grant: grant, in: db)
            return Mutation.change(commendation.message, id: commendation.id, unitID: loaded.school.id, reason: reason)
        }
    }

    func listCommendations(_ request: ListCommendationsRequest, _ context: CallContext) async throws -> ListCommendationsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        return try await self.core.read(context) { db, principal in
            let campaign = try self.campaign(request.campaignID, field: "campaign_id", within: principal, in: db)
            let units = try self.subtree(request.unitID, field: "unit_id", within: principal, in: db)
            let rows = try CommendationStore.list(campaignID: campaign.id, schoolIDs: units.map(\.id), page: page, in: db)
            let (commendations, next) = page.finish(rows) { $0.row }
            return .with {
                $0.commendations = commendations.map(\.message)
                $0.nextPageToken = next
            }
        }
    }
}
