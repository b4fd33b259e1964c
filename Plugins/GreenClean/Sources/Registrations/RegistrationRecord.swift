import ThiduaModuleKit

/// A row of `green_clean_registration`: where it stands, for the state machine, and the message
/// fields kept on the row (``message(in:)`` adds the scores and the sheet's figures).
struct RegistrationRecord: SQLRowDecodable {
    let row: Int64
    let lifecycle: RegistrationLifecycle
    let stored: GreenCleanRegistration

    var id: String { self.stored.id }
    var campaignID: String { self.stored.campaignID }
    var unitID: String { self.stored.unitID }
    var year: Int { Int(self.stored.year) }
    var appraisingUnitID: String { self.stored.appraisingUnitID }
    var sheetVersion: Int { Int(self.stored.sheetVersion) }

    init(row: SQLRow) throws {
        let number: Int64 = try row["id"]
        let state = RegistrationLifecycle.State(rawValue: try row["state"]) ?? .registered
        let round: Int = try row["round"]
        self.row = number
        self.lifecycle = RegistrationLifecycle(
            state: state,
            round: round,
            wasProposed: try row["proposed_on"] as String? != nil,
            proposedUpward: try row["upward_proposed_on"] as String? != nil
        )
        var stored: GreenCleanRegistration = try row.message()
        stored.id = GreenCleanID.registration.id(number)
        self.stored = stored
    }
}

/// A criterion's scores as stored: the claim and, once appraised, the appraised points.
struct StoredScore: Sendable {
    var claim: ClaimedScore
    var appraisedPoints: Int?
    var adjustmentReason: String
}
