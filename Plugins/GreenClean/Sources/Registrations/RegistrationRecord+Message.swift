import ThiduaModuleKit

extension RegistrationRecord {
    /// The registration as the wire shows it: its scores against its sheet, and the disqualifying
    /// facts recorded now for its unit and year.
    func message(in db: Database) throws -> GreenCleanRegistration {
        let sheet = try SheetStore.require(self.sheetVersion, field: "sheet_version", in: db)
        let scores = try RegistrationStore.scores(of: self, in: db)
        let disqualifiers = try SafetyFactStore.disqualifiers(of: self.unitID, year: self.year, in: db)
        return GreenCleanRegistration.with {
            $0.id = self.id
            $0.campaignID = self.campaignID
            $0.unitID = self.unitID
            $0.year = UInt32(self.year)
            $0.appraisingUnitID = self.appraisingUnitID
            $0.sheetVersion = UInt32(self.sheetVersion)
            $0.state = GreenCleanState(rawValue: self.state.rawValue) ?? .unspecified
            $0.registeredOn = self.registeredOn
            $0.round = UInt32(self.round)
            $0.results = scores.map { score in
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
            $0.claimedTotal = UInt32(CriteriaSheet.total(of: scores.map(\.claim)))
            $0.appraisedTotal = UInt32(Self.appraisedTotal(of: scores))
            $0.passingScore = UInt32(sheet.passingScore)
            $0.submittedOn = self.submittedOn ?? ""
            $0.appraisedOn = self.appraisedOn ?? ""
            $0.appraisalNote = self.appraisalNote
            $0.returnedOn = self.returnedOn ?? ""
            $0.returnReason = self.returnReason
            $0.proposedOn = self.proposedOn ?? ""
            $0.proposalNote = self.proposalNote
            $0.decidedOn = self.decidedOn ?? ""
            $0.decisionNumber = self.decisionNumber
            $0.decisionDate = self.decisionDate ?? ""
            $0.awardID = self.awardID ?? ""
            $0.declineReason = self.declineReason
            $0.upwardUnitID = self.upwardUnitID ?? ""
            $0.upwardFormCode = self.upwardFormCode
            $0.upwardNote = self.upwardNote
            $0.upwardProposedOn = self.upwardProposedOn ?? ""
            $0.disqualifiers = disqualifiers.map(\.message)
        }
    }

    /// The sum of the appraised points; 0 until appraised.
    static func appraisedTotal(of scores: [StoredScore]) -> Int {
        scores.reduce(0) { $0 + ($1.appraisedPoints ?? 0) }
    }
}
