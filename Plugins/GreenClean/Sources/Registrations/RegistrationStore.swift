import Foundation
import ThiduaModuleKit

/// Reads and writes of registrations and their scores, inside a caller's transaction.
enum RegistrationStore {
    static func fetch(_ row: Int64, in db: Database) throws -> RegistrationRecord? {
        try RegistrationRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM green_clean_registration WHERE id = ?"), arguments: [row])
    }

    /// The registration `id` names, or INVALID_ARGUMENT / NOT_FOUND naming `field`.
    static func require(_ id: String, field: String, in db: Database) throws -> RegistrationRecord {
        let row = try GreenCleanID.registration.row(id, field: field)
        guard let record = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "registration \(id) does not exist", field: field, rule: "green_clean.registration_exists")
        }
        return record
    }

    /// The registration of a unit for a year, if any.
    static func find(unitID: String, year: Int, in db: Database) throws -> RegistrationRecord? {
        try RegistrationRecord.fetchOne(db.cachedStatement(
            sql: "SELECT * FROM green_clean_registration WHERE unit_id = ? AND year = ?"
        ), arguments: [unitID, year])
    }

    static func insert(
        campaignID: String, unitID: String, year: Int, appraisingUnitID: String, sheetVersion: Int,
        registeredOn: CalendarDate, in db: Database
    ) throws -> RegistrationRecord {
        try db.cachedStatement(sql: """
                INSERT INTO green_clean_registration (campaign_id, unit_id, year, appraising_unit_id, sheet_version, state, registered_on)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [
                campaignID, unitID, year, appraisingUnitID, sheetVersion,
                RegistrationLifecycle.State.registered.rawValue, registeredOn.description,
            ]
        )
        return try Self.fetch(db.lastInsertedRowID, in: db)!
    }

    /// Sets columns of one registration, the state with them, and reads it back.
    static func update(
        _ record: RegistrationRecord,
        to lifecycle: RegistrationLifecycle,
        setting columns: [String: (any DatabaseValueConvertible)?] = [:],
        in db: Database
    ) throws -> RegistrationRecord {
        var all = columns
        all["state"] = lifecycle.state.rawValue
        all["round"] = lifecycle.round
        let names = all.keys.sorted()
        try db.execute(
            sql: "UPDATE green_clean_registration SET \(names.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?",
            arguments: StatementArguments(names.map { all[$0]! } + [record.row])
        )
        return try Self.fetch(record.row, in: db)!
    }

    // MARK: Scores

    /// The scores of a registration in the sheet's order; empty until self-assessed.
    static func scores(of record: RegistrationRecord, in db: Database) throws -> [StoredScore] {
        let evidence = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT criterion_code, reference FROM green_clean_evidence WHERE registration_id = ? ORDER BY criterion_code, position"
            ),
            arguments: [record.row]
        )
        var referencesByCode: [String: [String]] = [:]
        for row in evidence {
            referencesByCode[row["criterion_code"], default: []].append(row["reference"])
        }
        return try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM green_clean_score WHERE registration_id = ? ORDER BY position"),
            arguments: [record.row]
        ).map { row in
            let code: String = row["criterion_code"]
            return StoredScore(
                claim: ClaimedScore(code: code, points: row["claimed_points"], evidence: referencesByCode[code] ?? [], note: row["note"]),
                appraisedPoints: row["appraised_points"],
                adjustmentReason: row["adjustment_reason"]
            )
        }
    }

    /// Replaces the claims of a self-assessment; any appraisal goes with them.
    static func replaceClaims(of record: RegistrationRecord, with claims: [ClaimedScore], in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM green_clean_evidence WHERE registration_id = ?").execute(arguments: [record.row])
        try db.cachedStatement(sql: "DELETE FROM green_clean_score WHERE registration_id = ?").execute(arguments: [record.row])
        for (position, claim) in claims.enumerated() {
            try db.cachedStatement(
                sql: "INSERT INTO green_clean_score (registration_id, criterion_code, position, claimed_points, note) VALUES (?, ?, ?, ?, ?)"
            ).execute(
                arguments: [record.row, claim.code, position + 1, claim.points, claim.note]
            )
            for (index, reference) in claim.evidence.enumerated() {
                try db.cachedStatement(
                    sql: "INSERT INTO green_clean_evidence (registration_id, criterion_code, position, reference) VALUES (?, ?, ?, ?)"
                ).execute(
                    arguments: [record.row, claim.code, index + 1, reference]
                )
            }
        }
    }

    /// Records the appraised points: the adjusted ones with their reasons, the claimed ones elsewhere.
    static func setAppraisal(of record: RegistrationRecord, adjustments: [String: ScoreAdjustment], in db: Database) throws {
        try db.cachedStatement(
            sql: "UPDATE green_clean_score SET appraised_points = claimed_points, adjustment_reason = '' WHERE registration_id = ?"
        ).execute(
            arguments: [record.row]
        )
        for adjustment in adjustments.values {
            try db.cachedStatement(
                sql: "UPDATE green_clean_score SET appraised_points = ?, adjustment_reason = ? WHERE registration_id = ? AND criterion_code = ?"
            ).execute(
                arguments: [adjustment.points, adjustment.reason, record.row, adjustment.code]
            )
        }
    }

    static func clearAppraisal(of record: RegistrationRecord, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE green_clean_score SET appraised_points = NULL, adjustment_reason = '' WHERE registration_id = ?").execute(
            arguments: [record.row]
        )
    }

    // MARK: Listing

    /// Registrations of the units in `unitIDs`, after `cursor`, oldest first.
    static func list(
        unitIDs: [String], campaignID: String?, year: Int?, state: RegistrationLifecycle.State?,
        cursor: PageCursor, in db: Database
    ) throws -> [RegistrationRecord] {
        var sql = "SELECT * FROM green_clean_registration WHERE unit_id IN (SELECT value FROM json_each(?)) AND id > ?"
        var arguments: StatementArguments = [try JSONList.encode(unitIDs), try cursor.afterRow()]
        if let campaignID {
            sql += " AND campaign_id = ?"
            arguments += [campaignID]
        }
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        if let state {
            sql += " AND state = ?"
            arguments += [state.rawValue]
        }
        sql += " ORDER BY id LIMIT ?"
        arguments += [cursor.fetchLimit]
        return try RegistrationRecord.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// Every registration of the units in `unitIDs` over a year range, for the report.
    static func all(unitIDs: [String], years: ClosedRange<Int>, in db: Database) throws -> [RegistrationRecord] {
        try RegistrationRecord.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM green_clean_registration
                WHERE unit_id IN (SELECT value FROM json_each(?)) AND year BETWEEN ? AND ? ORDER BY id
                """),
            arguments: [try JSONList.encode(unitIDs), years.lowerBound, years.upperBound]
        )
    }
}

/// Lists of ids passed to SQLite as one JSON array, read back with `json_each`.
enum JSONList {
    static func encode(_ values: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(values), as: UTF8.self)
    }
}
