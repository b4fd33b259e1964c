import ThiduaModuleKit

/// Self-assessment, submission, and the appraisal by the launching unit.
extension RegistrationsService {
    func selfAssess(_ request: GreenCleanSelfAssessRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let claims = request.scores.map {
            ClaimedScore(code: $0.criterionCode, points: Int($0.points), evidence: $0.evidence, note: $0.note)
        }
        let reason = try Fields.note(request.reason, field: "reason")
        return try await self.step(context, request: request, id: request.id, by: .registeredUnit, reason: reason) { before, db, _ in
            let next = try before.lifecycle.applying(.selfAssess)
            let sheet = try SheetStore.require(before.sheetVersion, field: "id", in: db)
            try RegistrationStore.replaceClaims(of: before, with: sheet.checkClaims(claims), in: db)
            return try RegistrationStore.update(before, to: next, in: db)
        }
    }

    func submit(_ request: GreenCleanSubmitRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let note = try Fields.note(request.note, field: "note")
        let today = self.today
        return try await self.step(context, request: request, id: request.id, by: .registeredUnit, reason: note) { before, db, _ in
            let next = try before.lifecycle.applying(.submit)
            return try RegistrationStore.update(before, to: next, setting: ["submitted_on": today.description], in: db)
        }
    }

    func returnForFixes(_ request: GreenCleanReturnRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let reason = try Fields.note(request.reason, field: "reason")
        let today = self.today
        return try await self.step(context, request: request, id: request.id, by: .appraisingUnit, reason: reason) { before, db, _ in
            let next = try before.lifecycle.applying(.returnForFixes(reason: reason))
            try RegistrationStore.clearAppraisal(of: before, in: db)
            return try RegistrationStore.update(
                before,
                to: next,
                setting: ["returned_on": today.description, "return_reason": reason, "appraised_on": SQLValue.null, "appraisal_note": ""],
                in: db
            )
        }
    }

    func appraise(_ request: GreenCleanAppraiseRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let adjustments = request.adjustments.map {
            ScoreAdjustment(code: $0.criterionCode, points: Int($0.points), reason: $0.reason)
        }
        let note = try Fields.note(request.note, field: "note")
        let today = self.today
        return try await self.step(context, request: request, id: request.id, by: .appraisingUnit, reason: note) { before, db, _ in
            let next = try before.lifecycle.applying(.appraise)
            let sheet = try SheetStore.require(before.sheetVersion, field: "id", in: db)
            let claims = try RegistrationStore.scores(of: before, in: db).map(\.claim)
            let checked = try sheet.checkAdjustments(adjustments, claims: claims)
            try RegistrationStore.setAppraisal(of: before, adjustments: checked, in: db)
            return try RegistrationStore.update(
                before,
                to: next,
                setting: ["appraised_on": today.description, "appraisal_note": note],
                in: db
            )
        }
    }
}
