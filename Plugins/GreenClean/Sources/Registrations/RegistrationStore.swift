import ThiduaModuleKit

/// Reads and writes of registrations and their scores, inside a caller's transaction.
enum RegistrationStore {
    /// The scores of a self-assessment and the evidence each cites.
    static let scores = CriterionAssessments(table: "green_clean_score", evidenceTable: "green_clean_evidence", entryColumn: "registration_id")

    static func fetch(_ row: Int64, in db: Database) throws -> RegistrationRecord? {
        try db.fetchOne("SELECT * FROM green_clean_registration WHERE id = \(row)", as: RegistrationRecord.self)
    }

    /// The registration `id` names, or INVALID_ARGUMENT / NOT_FOUND naming `field`.
    static func require(_ id: String, field: String, in db: Database) throws -> RegistrationRecord {
        try GreenCleanID.registration.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// The registration of a unit for a year, if any.
    static func find(unitID: String, year: Int, in db: Database) throws -> RegistrationRecord? {
        try db.fetchOne("SELECT * FROM green_clean_registration WHERE unit_id = \(unitID) AND year = \(year)", as: RegistrationRecord.self)
    }

    static func insert(
        campaignID: String, unitID: String, year: Int, appraisingUnitID: String, sheetVersion: Int,
        registeredOn: CalendarDate, in db: Database
    ) throws -> RegistrationRecord {
        let row = try db.insert("""
            INSERT INTO green_clean_registration (campaign_id, unit_id, year, appraising_unit_id, sheet_version, state, registered_on)
            VALUES (
                \(campaignID), \(unitID), \(year), \(appraisingUnitID), \(sheetVersion),
                \(RegistrationLifecycle.State.registered.rawValue), \(registeredOn)
            )
            RETURNING id
            """)
        return try Self.fetch(row, in: db)!
    }

    /// Sets columns of one registration, the state with them, and reads it back. The column names
    /// are this module's own, written by its code, never taken from a request.
    static func update(
        _ record: RegistrationRecord,
        to lifecycle: RegistrationLifecycle,
        setting columns: [String: any SQLValueConvertible] = [:],
        in db: Database
    ) throws -> RegistrationRecord {
        var all = columns
        all["state"] = lifecycle.state.rawValue
        all["round"] = lifecycle.round
        let assignments = all.sorted { $0.key < $1.key }.map { column, value -> SQLQuery in "\(trusted: column) = \(value)" }
        try db.execute("UPDATE green_clean_registration SET \(SQLQuery.joined(assignments, separator: ", ")) WHERE id = \(record.row)")
        return try Self.fetch(record.row, in: db)!
    }

    // MARK: Scores

    /// The scores of a registration in the sheet's order; empty until self-assessed.
    static func scores(of record: RegistrationRecord, in db: Database) throws -> [StoredScore] {
        let referencesByCode = try Self.scores.evidence(of: [record.row], in: db)[record.row] ?? [:]
        return try db.fetchAll("SELECT * FROM green_clean_score WHERE registration_id = \(record.row) ORDER BY position").map { row in
            let code: String = try row["criterion_code"]
            return try StoredScore(
                claim: ClaimedScore(code: code, points: row["claimed_points"], evidence: referencesByCode[code] ?? [], note: row["note"]),
                appraisedPoints: row["appraised_points"],
                adjustmentReason: row["adjustment_reason"]
            )
        }
    }

    /// Replaces the claims of a self-assessment; any appraisal goes with them.
    static func replaceClaims(of record: RegistrationRecord, with claims: [ClaimedScore], in db: Database) throws {
        try Self.scores.replace(of: record.row, with: claims.map { claim in
            .init(code: claim.code, columns: ["claimed_points": claim.points, "note": claim.note], evidence: claim.evidence)
        }, in: db)
    }

    /// Records the appraised points: the adjusted ones with their reasons, the claimed ones elsewhere.
    static func setAppraisal(of record: RegistrationRecord, adjustments: [String: ScoreAdjustment], in db: Database) throws {
        try db.execute(
            "UPDATE green_clean_score SET appraised_points = claimed_points, adjustment_reason = '' WHERE registration_id = \(record.row)"
        )
        for adjustment in adjustments.values {
            try db.execute("""
                UPDATE green_clean_score SET appraised_points = \(adjustment.points), adjustment_reason = \(adjustment.reason)
                WHERE registration_id = \(record.row) AND criterion_code = \(adjustment.code)
                """)
        }
    }

    static func clearAppraisal(of record: RegistrationRecord, in db: Database) throws {
        try db.execute("UPDATE green_clean_score SET appraised_points = NULL, adjustment_reason = '' WHERE registration_id = \(record.row)")
    }

    // MARK: Listing

    /// Registrations of the units in `unitIDs`, after `cursor`, oldest first.
    static func list(
        unitIDs: [String], campaignID: String?, year: Int?, state: RegistrationLifecycle.State?,
        cursor: PageCursor, in db: Database
    ) throws -> [RegistrationRecord] {
        let afterRow = try cursor.afterRow()
        var query: SQLQuery = "SELECT * FROM green_clean_registration WHERE unit_id IN \(list: unitIDs) AND id > \(afterRow)"
        if let campaignID {
            query.append(" AND campaign_id = \(campaignID)")
        }
        if let year {
            query.append(" AND year = \(year)")
        }
        if let state {
            query.append(" AND state = \(state.rawValue)")
        }
        query.append(" ORDER BY id LIMIT \(cursor.fetchLimit)")
        return try db.fetchAll(query, as: RegistrationRecord.self)
    }

    /// Every registration of the units in `unitIDs` over a year range, for the report.
    static func all(unitIDs: [String], years: ClosedRange<Int>, in db: Database) throws -> [RegistrationRecord] {
        try db.fetchAll(
            """
            SELECT * FROM green_clean_registration
            WHERE unit_id IN \(list: unitIDs) AND year BETWEEN \(years.lowerBound) AND \(years.upperBound) ORDER BY id
            """,
            as: RegistrationRecord.self
        )
    }
}
