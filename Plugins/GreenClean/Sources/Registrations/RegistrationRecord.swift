import ThiduaModuleKit

/// A row of `green_clean_registration`.
struct RegistrationRecord: Sendable, FetchableRecord {
    var row: Int64
    var campaignID: String
    var unitID: String
    var year: Int
    var appraisingUnitID: String
    var sheetVersion: Int
    var state: RegistrationLifecycle.State
    var round: Int
    var registeredOn: String
    var submittedOn: String?
    var appraisedOn: String?
    var appraisalNote: String
    var returnedOn: String?
    var returnReason: String
    var proposedOn: String?
    var proposalNote: String
    var decidedOn: String?
    var decisionNumber: String
    var decisionDate: String?
    var awardID: String?
    var declineReason: String
    var upwardUnitID: String?
    var upwardFormCode: String
    var upwardNote: String
    var upwardProposedOn: String?

    var id: String { GreenCleanID.registration.id(self.row) }

    init(row: Row) {
        self.row = row["id"]
        self.campaignID = row["campaign_id"]
        self.unitID = row["unit_id"]
        self.year = row["year"]
        self.appraisingUnitID = row["appraising_unit_id"]
        self.sheetVersion = row["sheet_version"]
        self.state = RegistrationLifecycle.State(rawValue: row["state"]) ?? .registered
        self.round = row["round"]
        self.registeredOn = row["registered_on"]
        self.submittedOn = row["submitted_on"]
        self.appraisedOn = row["appraised_on"]
        self.appraisalNote = row["appraisal_note"]
        self.returnedOn = row["returned_on"]
        self.returnReason = row["return_reason"]
        self.proposedOn = row["proposed_on"]
        self.proposalNote = row["proposal_note"]
        self.decidedOn = row["decided_on"]
        self.decisionNumber = row["decision_number"]
        self.decisionDate = row["decision_date"]
        self.awardID = row["award_id"]
        self.declineReason = row["decline_reason"]
        self.upwardUnitID = row["upward_unit_id"]
        self.upwardFormCode = row["upward_form_code"]
        self.upwardNote = row["upward_note"]
        self.upwardProposedOn = row["upward_proposed_on"]
    }

    /// Where the registration stands, for the state machine.
    var lifecycle: RegistrationLifecycle {
        RegistrationLifecycle(
            state: self.state,
            round: self.round,
            wasProposed: self.proposedOn != nil,
            proposedUpward: self.upwardProposedOn != nil
        )
    }
}

/// A criterion's scores as stored: the claim and, once appraised, the appraised points.
struct StoredScore: Sendable {
    var claim: ClaimedScore
    var appraisedPoints: Int?
    var adjustmentReason: String
}
