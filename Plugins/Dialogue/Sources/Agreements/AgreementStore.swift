import DialogueAPI
import ThiduaModuleKit

/// Reads and writes of agreements with their sessions, clauses and votes, inside a caller's
/// transaction.
enum AgreementStore {
    static func fetch(_ row: Int64, in db: Database) throws -> AgreementRecord? {
        guard let main = try Row.fetchOne(db.cachedStatement(
            sql: "SELECT * FROM dialogue_agreement WHERE id = ?"
        ), arguments: [row]) else { return nil }
        return try Self.withDetails(Self.record(from: main), in: db)
    }

    /// The agreement named by a request field: INVALID_ARGUMENT for a malformed id, NOT_FOUND for none.
    static func require(_ id: String, field: String, in db: Database) throws -> AgreementRecord {
        let row = try DialogueID.agreement.row(id, field: field)
        guard let agreement = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "agreement \(id) does not exist", field: field, rule: "dialogue.agreement_exists")
        }
        return agreement
    }

    /// Every agreement of one enterprise, with details.
    static func all(of unitID: String, in db: Database) throws -> [AgreementRecord] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM dialogue_agreement WHERE unit_id = ? ORDER BY id"), arguments: [unitID])
            .map { try Self.withDetails(Self.record(from: $0), in: db) }
    }

    /// The agreements of `unitIDs` after `afterRow`, by row; with details when asked (reports
    /// need only the dates).
    static func list(units unitIDs: [String], afterRow: Int64 = 0, limit: Int = .max, details: Bool, in db: Database) throws -> [AgreementRecord] {
        let records = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM dialogue_agreement WHERE unit_id IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ?"
            ),
            arguments: [UnitSet.json(unitIDs), afterRow, limit]
        ).map(Self.record(from:))
        return details ? try records.map { try Self.withDetails($0, in: db) } : records
    }

    /// Stores a new agreement and returns it with its row.
    static func insert(_ agreement: AgreementRecord, in db: Database) throws -> AgreementRecord {
        try db.cachedStatement(sql: """
                INSERT INTO dialogue_agreement (
                    unit_id, title, stage, requested_by, requested_on, renews_id, renewed_by_id, drafted_on, signed_on,
                    effective_from, term_years, expires_on, quality_grade, favourable_clauses, filed_on, filed_with,
                    continued_until, replaced_on, withdrawn_on, withdraw_reason, term_months, filed_late
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: Self.arguments(of: agreement)
        )
        var stored = agreement
        stored.row = db.lastInsertedRowID
        try Self.saveDetails(stored, before: nil, in: db)
        return try Self.fetch(stored.row, in: db)!
    }

    /// Writes `agreement` over `before` and returns it as stored.
    static func update(_ agreement: AgreementRecord, from before: AgreementRecord, in db: Database) throws -> AgreementRecord {
        try db.cachedStatement(sql: """
                UPDATE dialogue_agreement SET
                    unit_id = ?, title = ?, stage = ?, requested_by = ?, requested_on = ?, renews_id = ?, renewed_by_id = ?,
                    drafted_on = ?, signed_on = ?, effective_from = ?, term_years = ?, expires_on = ?, quality_grade = ?,
                    favourable_clauses = ?, filed_on = ?, filed_with = ?, continued_until = ?, replaced_on = ?,
                    withdrawn_on = ?, withdraw_reason = ?, term_months = ?, filed_late = ?
                WHERE id = ?
                """).execute(
            arguments: Self.arguments(of: agreement) + [agreement.row]
        )
        try Self.saveDetails(agreement, before: before, in: db)
        return try Self.fetch(agreement.row, in: db)!
    }

    /// Sessions and votes are only ever added; clauses are replaced when the draft changes.
    private static func saveDetails(_ agreement: AgreementRecord, before: AgreementRecord?, in db: Database) throws {
        for session in agreement.sessions where session.row == 0 {
            try db.cachedStatement(sql: "INSERT INTO dialogue_session (agreement_id, number, held_on, minutes) VALUES (?, ?, ?, ?)").execute(
                arguments: [agreement.row, session.number, session.heldOn.description, session.minutes]
            )
        }
        for (index, vote) in agreement.votes.enumerated().dropFirst(before?.votes.count ?? 0) {
            try db.cachedStatement(
                sql: "INSERT INTO dialogue_vote (agreement_id, number, voted_on, employees, in_favour, against, passed) VALUES (?, ?, ?, ?, ?, ?, ?)"
            ).execute(
                arguments: [agreement.row, index + 1, vote.votedOn.description, vote.employees, vote.inFavour, vote.against, vote.passed]
            )
        }
        if agreement.clauses != before?.clauses {
            try db.cachedStatement(sql: "DELETE FROM dialogue_clause WHERE agreement_id = ?").execute(arguments: [agreement.row])
            for clause in agreement.clauses {
                try db.cachedStatement(sql: """
                        INSERT INTO dialogue_clause (agreement_id, number, title, topic, more_favourable, term_months, expires_on)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """).execute(
                    arguments: [
                        agreement.row, clause.number, clause.title, clause.topic.rawValue, clause.moreFavourableThanLaw,
                        clause.termMonths, clause.expiresOn.isEmpty ? nil : clause.expiresOn,
                    ]
                )
            }
        }
    }

    private static func withDetails(_ agreement: AgreementRecord, in db: Database) throws -> AgreementRecord {
        var full = agreement
        full.sessions = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM dialogue_session WHERE agreement_id = ? ORDER BY number"), arguments: [agreement.row]
        ).map { row in
            AgreementRecord.Session(row: row["id"], number: row["number"], heldOn: CalendarDate(row["held_on"] as String)!, minutes: row["minutes"])
        }
        full.clauses = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM dialogue_clause WHERE agreement_id = ? ORDER BY number"), arguments: [agreement.row]
        ).map { row in
            AgreementClause.with {
                $0.number = row["number"]
                $0.title = row["title"]
                $0.topic = ClauseTopic(rawValue: row["topic"]) ?? .unspecified
                $0.moreFavourableThanLaw = row["more_favourable"]
                $0.termMonths = row["term_months"]
                $0.expiresOn = row["expires_on"] ?? ""
            }
        }
        full.votes = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT * FROM dialogue_vote WHERE agreement_id = ? ORDER BY number"), arguments: [agreement.row]
        ).map { row in
            AgreementRecord.Vote(
                votedOn: CalendarDate(row["voted_on"] as String)!, employees: row["employees"], inFavour: row["in_favour"],
                against: row["against"], passed: row["passed"]
            )
        }
        return full
    }

    private static func arguments(of agreement: AgreementRecord) -> StatementArguments {
        [
            agreement.unitID, agreement.title, agreement.stage.rawValue, agreement.requestedBy.rawValue,
            agreement.requestedOn.description, agreement.renewsRow, agreement.renewedByRow, agreement.draftedOn?.description,
            agreement.signedOn?.description, agreement.effectiveFrom?.description, agreement.termMonths / 12,
            agreement.expiresOn?.description, agreement.qualityGrade.rawValue, agreement.favourableClauses,
            agreement.filedOn?.description, agreement.filedWith, agreement.continuedUntil?.description,
            agreement.replacedOn?.description, agreement.withdrawnOn?.description, agreement.withdrawReason,
            agreement.termMonths, agreement.filedLate,
        ]
    }

    private static func record(from row: Row) -> AgreementRecord {
        func date(_ column: String) -> CalendarDate? { (row[column] as String?).flatMap(CalendarDate.init) }
        return AgreementRecord(
            row: row["id"],
            unitID: row["unit_id"],
            title: row["title"],
            stage: AgreementState(rawValue: row["stage"]) ?? .unspecified,
            requestedBy: BargainingSide(rawValue: row["requested_by"]) ?? .unspecified,
            requestedOn: date("requested_on")!,
            renewsRow: row["renews_id"],
            renewedByRow: row["renewed_by_id"],
            draftedOn: date("drafted_on"),
            signedOn: date("signed_on"),
            effectiveFrom: date("effective_from"),
            termMonths: row["term_months"],
            expiresOn: date("expires_on"),
            qualityGrade: AgreementQualityGrade(rawValue: row["quality_grade"]) ?? .unspecified,
            favourableClauses: row["favourable_clauses"],
            filedOn: date("filed_on"),
            filedWith: row["filed_with"],
            filedLate: row["filed_late"],
            continuedUntil: date("continued_until"),
            replacedOn: date("replaced_on"),
            withdrawnOn: date("withdrawn_on"),
            withdrawReason: row["withdraw_reason"]
        )
    }
}
