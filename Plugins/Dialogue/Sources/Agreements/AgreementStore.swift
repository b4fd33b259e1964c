import DialogueAPI
import ThiduaModuleKit

/// Reads and writes of agreements with their sessions, clauses and votes, inside a caller's
/// transaction.
enum AgreementStore {
    static func fetch(_ row: Int64, in db: Database) throws -> AgreementRecord? {
        guard let main = try db.fetchOne("SELECT * FROM dialogue_agreement WHERE id = \(row)", as: AgreementRecord.self) else { return nil }
        return try Self.withDetails(main, in: db)
    }

    /// The agreement named by a request field: INVALID_ARGUMENT for a malformed id, NOT_FOUND for none.
    static func require(_ id: String, field: String, in db: Database) throws -> AgreementRecord {
        try DialogueID.agreement.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// Every agreement of one enterprise, with details.
    static func all(of unitID: String, in db: Database) throws -> [AgreementRecord] {
        try db.fetchAll("SELECT * FROM dialogue_agreement WHERE unit_id = \(unitID) ORDER BY id", as: AgreementRecord.self)
            .map { try Self.withDetails($0, in: db) }
    }

    /// The agreements of `unitIDs` after `afterRow`, by row; with details when asked (reports
    /// need only the dates).
    static func list(units unitIDs: [String], afterRow: Int64 = 0, limit: Int = .max, details: Bool, in db: Database) throws -> [AgreementRecord] {
        let records = try db.fetchAll(
            "SELECT * FROM dialogue_agreement WHERE unit_id IN \(list: unitIDs) AND id > \(afterRow) ORDER BY id LIMIT \(limit)",
            as: AgreementRecord.self
        )
        return details ? try records.map { try Self.withDetails($0, in: db) } : records
    }

    /// Stores a new agreement and returns it with its row.
    static func insert(_ agreement: AgreementRecord, in db: Database) throws -> AgreementRecord {
        var stored = agreement
        stored.row = try db.insert(.insert(into: "dialogue_agreement", Self.columns(of: agreement)))
        try Self.saveDetails(stored, before: nil, in: db)
        return try Self.fetch(stored.row, in: db)!
    }

    /// Writes `agreement` over `before` and returns it as stored.
    static func update(_ agreement: AgreementRecord, from before: AgreementRecord, in db: Database) throws -> AgreementRecord {
        try db.execute(.update("dialogue_agreement", set: Self.columns(of: agreement), row: agreement.row))
        try Self.saveDetails(agreement, before: before, in: db)
        return try Self.fetch(agreement.row, in: db)!
    }

    /// Sessions and votes are only ever added; clauses are replaced when the draft changes.
    private static func saveDetails(_ agreement: AgreementRecord, before: AgreementRecord?, in db: Database) throws {
        for session in agreement.sessions where session.row == 0 {
            try db.execute("""
                INSERT INTO dialogue_session (agreement_id, number, held_on, minutes)
                VALUES (\(agreement.row), \(session.number), \(session.heldOn), \(session.minutes))
                """)
        }
        for (index, vote) in agreement.votes.enumerated().dropFirst(before?.votes.count ?? 0) {
            try db.execute("""
                INSERT INTO dialogue_vote (agreement_id, number, voted_on, employees, in_favour, against, passed)
                VALUES (\(agreement.row), \(index + 1), \(vote.votedOn), \(vote.employees), \(vote.inFavour), \(vote.against), \(vote.passed))
                """)
        }
        if agreement.clauses != before?.clauses {
            try db.execute("DELETE FROM dialogue_clause WHERE agreement_id = \(agreement.row)")
            for clause in agreement.clauses {
                let expiresOn: String? = clause.expiresOn.isEmpty ? nil : clause.expiresOn
                try db.execute("""
                    INSERT INTO dialogue_clause (agreement_id, number, title, topic, more_favourable, term_months, expires_on)
                    VALUES (
                        \(agreement.row), \(clause.number), \(clause.title), \(clause.topic.rawValue), \(clause.moreFavourableThanLaw),
                        \(clause.termMonths), \(expiresOn)
                    )
                    """)
            }
        }
    }

    private static func withDetails(_ agreement: AgreementRecord, in db: Database) throws -> AgreementRecord {
        var full = agreement
        full.sessions = try db.fetchAll("SELECT * FROM dialogue_session WHERE agreement_id = \(agreement.row) ORDER BY number").map { row in
            AgreementRecord.Session(
                row: try row["id"], number: try row["number"], heldOn: CalendarDate(try row["held_on"] as String)!, minutes: try row["minutes"]
            )
        }
        full.clauses = try db.fetchAll("SELECT * FROM dialogue_clause WHERE agreement_id = \(agreement.row) ORDER BY number").map { row in
            try AgreementClause.with {
                $0.number = try row["number"]
                $0.title = try row["title"]
                $0.topic = ClauseTopic(rawValue: try row["topic"]) ?? .unspecified
                $0.moreFavourableThanLaw = try row["more_favourable"]
                $0.termMonths = try row["term_months"]
                $0.expiresOn = try row["expires_on"] ?? ""
            }
        }
        full.votes = try db.fetchAll("SELECT * FROM dialogue_vote WHERE agreement_id = \(agreement.row) ORDER BY number").map { row in
            AgreementRecord.Vote(
                votedOn: CalendarDate(try row["voted_on"] as String)!, employees: try row["employees"], inFavour: try row["in_favour"],
                against: try row["against"], passed: try row["passed"]
            )
        }
        return full
    }

    private static func columns(of agreement: AgreementRecord) -> StoredColumns {
        [
            "unit_id": agreement.unitID,
            "title": agreement.title,
            "stage": agreement.stage.rawValue,
            "requested_by": agreement.requestedBy.rawValue,
            "requested_on": agreement.requestedOn,
            "renews_id": agreement.renewsRow,
            "renewed_by_id": agreement.renewedByRow,
            "drafted_on": agreement.draftedOn,
            "signed_on": agreement.signedOn,
            "effective_from": agreement.effectiveFrom,
            // No longer read: the whole years of the term (migration 0002_agreement_term_months).
            "term_years": agreement.termMonths / 12,
            "expires_on": agreement.expiresOn,
            "quality_grade": agreement.qualityGrade.rawValue,
            "favourable_clauses": agreement.favourableClauses,
            "filed_on": agreement.filedOn,
            "filed_with": agreement.filedWith,
            "continued_until": agreement.continuedUntil,
            "replaced_on": agreement.replacedOn,
            "withdrawn_on": agreement.withdrawnOn,
            "withdraw_reason": agreement.withdrawReason,
            "term_months": agreement.termMonths,
            "filed_late": agreement.filedLate,
        ]
    }
}

/// One row of `dialogue_agreement`, without its sessions, clauses and votes.
extension AgreementRecord: SQLRowDecodable {
    init(row: SQLRow) throws {
        func date(_ column: String) throws -> CalendarDate? { (try row[column] as String?).flatMap(CalendarDate.init) }
        self.init(
            row: try row["id"],
            unitID: try row["unit_id"],
            title: try row["title"],
            stage: AgreementState(rawValue: try row["stage"]) ?? .unspecified,
            requestedBy: BargainingSide(rawValue: try row["requested_by"]) ?? .unspecified,
            requestedOn: try date("requested_on")!,
            renewsRow: try row["renews_id"],
            renewedByRow: try row["renewed_by_id"],
            draftedOn: try date("drafted_on"),
            signedOn: try date("signed_on"),
            effectiveFrom: try date("effective_from"),
            termMonths: try row["term_months"],
            expiresOn: try date("expires_on"),
            qualityGrade: AgreementQualityGrade(rawValue: try row["quality_grade"]) ?? .unspecified,
            favourableClauses: try row["favourable_clauses"],
            filedOn: try date("filed_on"),
            filedWith: try row["filed_with"],
            filedLate: try row["filed_late"] as Bool,
            continuedUntil: try date("continued_until"),
            replacedOn: try date("replaced_on"),
            withdrawnOn: try date("withdrawn_on"),
            withdrawReason: try row["withdraw_reason"]
        )
    }
}
