import ThiduaModuleKit

/// A row of `green_clean_registration`.
struct RegistrationRecord: SQLRowDecodable {
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

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.campaignID = try row["campaign_id"]
        self.unitID = try row["unit_id"]
        self.year = try row["year"]
        self.appraisingUnitID = try row["appraising_unit_id"]
        self.sheetVersion = try row["sheet_version"]
        self.state = RegistrationLifecycle.State(rawValue: try row["state"]) ?? .registered
        self.round = try row["round"]
        self.registeredOn = try row["registered_on"]
        self.submittedOn = try row["submitted_on"]
        self.appraisedOn = try row["appraised_on"]
        self.appraisalNote = try row["appraisal_note"]
        self.returnedOn = try row["returned_on"]
        self.returnReason = try row["return_reason"]
        self.proposedOn = try row["proposed_on"]
        self.proposalNote = try row["proposal_note"]
        self.decidedOn = try row["decided_on"]
        self.decisionNumber = try row["decision_number"]
        self.decisionDate = try row["decision_date"]
        self.awardID = try row["award_id"]
        self.declineReason = try row["decline_reason"]
        self.upwardUnitID = try row["upward_unit_id"]
        self.upwardFormCode = try row["upward_form_code"]
        self.upwardNote = try row["upward_note"]
        self.upwardProposedOn = try row["upward_proposed_on"]
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
