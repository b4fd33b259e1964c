import Foundation
import ThiduaModuleKit

/// The proposal for recognition, the decision, and the proposal to the level above.
extension RegistrationsService {
    func proposeRecognition(_ request: GreenCleanProposeRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let note = try Fields.note(request.note, field: "note")
        let today = self.today
        return try await self.step(context, request: request, id: request.id, by: .appraisingUnit, reason: note) { before, db, _ in
            let next = try before.lifecycle.applying(.proposeRecognition(Self.recognitionCheck(of: before, in: db)))
            return try RegistrationStore.update(
                before,
                to: next,
                setting: ["proposed_on": today.description, "proposal_note": note],
                in: db
            )
        }
    }

    func recognise(_ request: GreenCleanRecogniseRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let today = self.today
        let number = try Fields.text(request.decisionNumber, field: "decision_number", maxLength: 100)
        let decisionDate = try Fields.pastDate(request.decisionDate, field: "decision_date", today: today)
        let reason = try Fields.note(request.reason, field: "reason")
        let core = self.core
        let awardForm = self.settings.recognitionAwardForm
        return try await self.step(context, request: request, id: request.id, by: .appraisingUnit, reason: reason) { before, db, principal in
            guard decisionDate.year >= before.year else {
                throw RPCError(
                    .invalidArgument,
                    "decision_date is \(decisionDate); a decision on \(before.year) is made in that year or later",
                    field: "decision_date",
                    rule: "green_clean.decision_date"
                )
            }
            let check = try Self.recognitionCheck(of: before, in: db)
            let next = try before.lifecycle.applying(.recognise(check))
            let campaign = try core.campaign(before.campaignID, within: principal, field: "id", in: db)
            let awardID = try core.grantAward(
                AwardGrant(
                    formCode: awardForm,
                    issuingUnitID: before.appraisingUnitID,
                    recipientUnitID: before.unitID,
                    recipientMemberID: nil,
                    achievement: "Công nhận đơn vị \"\(campaign.title)\" năm \(before.year)",
                    campaignID: before.campaignID,
                    decisionNumber: number,
                    decisionDate: decisionDate,
                    reason: reason.isEmpty
                        ? "Điểm thẩm định \(check.appraisedTotal), đạt từ \(check.passingScore) (\(before.id))" : reason
                ),
                by: principal,
                in: db
            )
            try core.addProgress(campaignID: before.campaignID, unitID: before.unitID, delta: 1, in: db)
            return try RegistrationStore.update(
                before,
                to: next,
                setting: [
                    "decided_on": today.description, "decision_number": number,
                    "decision_date": decisionDate.description, "award_id": awardID,
                ],
                in: db
            )
        }
    }

    func declineRecognition(_ request: GreenCleanDeclineRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let reason = try Fields.note(request.reason, field: "reason")
        let today = self.today
        return try await self.step(context, request: request, id: request.id, by: .appraisingUnit, reason: reason) { before, db, _ in
            let next = try before.lifecycle.applying(.decline(reason: reason))
            return try RegistrationStore.update(
                before,
                to: next,
                setting: ["decided_on": today.description, "decline_reason": reason],
                in: db
            )
        }
    }

    /// Proposals upward are made after the campaign's closing too, so a closed campaign allows them.
    func proposeUpward(_ request: GreenCleanProposeUpwardRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let formCode = try Self.formCode(request.formCode)
        let note = try Fields.note(request.note, field: "note")
        let today = self.today
        let core = self.core
        return try await self.step(
            context, request: request, id: request.id, by: .appraisingUnit, reason: note, whileCampaignRuns: false
        ) { before, db, principal in
            let next = try before.lifecycle.applying(.proposeUpward)
            let appraiser = try core.unit(before.appraisingUnitID, within: principal, field: "id", in: db)
            guard let upperLevel = appraiser.parentID else {
                throw RPCError(
                    .failedPrecondition,
                    "the appraising unit \(appraiser.id) is the root; there is no level above it",
                    field: "id",
                    rule: "green_clean.no_upper_level"
                )
            }
            return try RegistrationStore.update(
                before,
                to: next,
                setting: [
                    "upward_unit_id": upperLevel, "upward_form_code": formCode,
                    "upward_note": note, "upward_proposed_on": today.description,
                ],
                in: db
            )
        }
    }

    /// The appraised total against the sheet's passing score, and the facts recorded now.
    static func recognitionCheck(of record: RegistrationRecord, in db: Database) throws -> RecognitionCheck {
        let sheet = try SheetStore.require(record.sheetVersion, field: "id", in: db)
        return RecognitionCheck(
            unitID: record.unitID,
            year: record.year,
            appraisedTotal: RegistrationRecord.appraisedTotal(of: try RegistrationStore.scores(of: record, in: db)),
            passingScore: sheet.passingScore,
            disqualifiers: try SafetyFactStore.disqualifiers(of: record.unitID, year: record.year, in: db)
        )
    }

    /// An award form code as the core's catalogue writes them: "bang_khen_tinh".
    static func formCode(_ value: String) throws(RPCError) -> String {
        let code = value.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(code.count),
            code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw RPCError(
                .invalidArgument,
                "form_code must be 1 to 64 lower-case letters, digits or \"_\", such as bang_khen_tinh; got \"\(value)\"",
                field: "form_code",
                rule: "green_clean.form_code"
            )
        }
        return code
    }
}
