import ThiduaModuleKit

extension RegistrationRecord {
    /// The registration as the wire shows it: its scores against its sheet, and the disqualifying
    /// facts recorded now for its unit and year.
    func message(in db: Database) throws -> GreenCleanRegistration {
        let sheet = try SheetStore.require(self.sheetVersion, field: "sheet_version", in: db)
        let scores = try RegistrationStore.scores(of: self, in: db)
        let disqualifiers = try SafetyFactStore.disqualifiers(of: self.unitID, year: self.year, in: db)
        var message = self.stored
        message.results = scores.map { score in
            let criterion = sheet.criterion(score.claim.code)
            return GreenCleanCriterionResult.with {
                $0.criterionCode = score.claim.code
                $0.criterionName = criterion?.name ?? ""
                $0.maxPoints = UInt32(criterion?.maxPoints ?? 0)
                $0.claimedPoints = UInt32(score.claim.points)
                $0.evidence = score.claim.evidence
                $0.note = score.claim.note
                $0.appraisedPoints = UInt32(score.appraisedPoints ?? 0)
                $0.adjusted = !score.adjustmentReason.isEmpty
                $0.adjustmentReason = score.adjustmentReason
            }
        }
        message.claimedTotal = UInt32(CriteriaSheet.total(of: scores.map(\.claim)))
        message.appraisedTotal = UInt32(Self.appraisedTotal(of: scores))
        message.passingScore = UInt32(sheet.passingScore)
        message.disqualifiers = disqualifiers.map(\.message)
        return message
    }

    /// The sum of the appraised points; 0 until appraised.
    static func appraisedTotal(of scores: [StoredScore]) -> Int {
        scores.reduce(0) { $0 + ($1.appraisedPoints ?? 0) }
    }
}
