import ThiduaModuleKit

/// A row of `green_clean_safety_fact`.
struct SafetyFactRecord: Sendable, FetchableRecord {
    var row: Int64
    var fact: SafetyFact
    var description: String
    var reference: String
    var recordedOn: String
    var retractedOn: String?
    var retractReason: String

    init(row: Row) {
        self.row = row["id"]
        let occurredOn: String? = row["occurred_on"]
        let retractedOn: String? = row["retracted_on"]
        self.fact = SafetyFact(
            id: GreenCleanID.fact.id(row["id"]),
            unitID: row["unit_id"],
            kind: SafetyFact.Kind(rawValue: row["kind"]) ?? .fatalWorkAccident,
            year: row["year"],
            occurredOn: occurredOn.flatMap(CalendarDate.init),
            cases: row["cases"],
            isRetracted: retractedOn != nil
        )
        self.description = row["description"]
        self.reference = row["reference"]
        self.recordedOn = row["recorded_on"]
        self.retractedOn = retractedOn
        self.retractReason = row["retract_reason"]
    }

    var message: GreenCleanSafetyFact {
        GreenCleanSafetyFact.with {
            $0.id = self.fact.id
            $0.unitID = self.fact.unitID
            $0.kind = GreenCleanFactKind(rawValue: self.fact.kind.rawValue) ?? .unspecified
            $0.year = UInt32(self.fact.year)
            $0.occurredOn = self.fact.occurredOn?.description ?? ""
            $0.cases = UInt32(self.fact.cases)
            $0.description_p = self.description
            $0.reference = self.reference
            $0.recordedOn = self.recordedOn
            $0.retractedOn = self.retractedOn ?? ""
            $0.retractReason = self.retractReason
        }
    }
}

/// Reads and writes of safety facts, inside a caller's transaction.
enum SafetyFactStore {
    static func fetch(_ row: Int64, in db: Database) throws -> SafetyFactRecord? {
        try SafetyFactRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM green_clean_safety_fact WHERE id = ?"), arguments: [row])
    }

    /// The fact `id` names, or INVALID_ARGUMENT / NOT_FOUND naming `field`.
    static func require(_ id: String, field: String, in db: Database) throws -> SafetyFactRecord {
        let row = try GreenCleanID.fact.row(id, field: field)
        guard let record = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "safety fact \(id) does not exist", field: field, rule: "green_clean.fact_exists")
        }
        return record
    }

    /// The live count of occupational-disease cases of a unit and year, if recorded.
    static func liveDiseaseCount(unitID: String, year: Int, in db: Database) throws -> SafetyFactRecord? {
        try SafetyFactRecord.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM green_clean_safety_fact WHERE unit_id = ? AND year = ? AND kind = ? AND retracted_on IS NULL"),
            arguments: [unitID, year, SafetyFact.Kind.occupationalDiseaseCases.rawValue]
        )
    }

    static func insert(
        unitID: String, kind: SafetyFact.Kind, year: Int, occurredOn: CalendarDate?, cases: Int,
        description: String, reference: String, recordedOn: CalendarDate, in db: Database
    ) throws -> SafetyFactRecord {
        try db.cachedStatement(sql: """
                INSERT INTO green_clean_safety_fact (unit_id, kind, year, occurred_on, cases, description, reference, recorded_on)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [unitID, kind.rawValue, year, occurredOn?.description, cases, description, reference, recordedOn.description]
        )
        return try Self.fetch(db.lastInsertedRowID, in: db)!
    }

    static func retract(_ record: SafetyFactRecord, on date: CalendarDate, reason: String, in db: Database) throws -> SafetyFactRecord {
        try db.cachedStatement(sql: "UPDATE green_clean_safety_fact SET retracted_on = ?, retract_reason = ? WHERE id = ?").execute(
            arguments: [date.description, reason, record.row]
        )
        return try Self.fetch(record.row, in: db)!
    }

    /// What disqualifies `unitID` for `year`: the facts of that year and the year before decide.
    static func disqualifiers(of unitID: String, year: Int, in db: Database) throws -> [Disqualifier] {
        let facts = try Row.fetchAll(
            db.cachedStatement(
                sql: "SELECT * FROM green_clean_safety_fact WHERE unit_id = ? AND year IN (?, ?) AND retracted_on IS NULL ORDER BY id"
            ),
            arguments: [unitID, year, year - 1]
        ).map { SafetyFactRecord(row: $0).fact }
        return SafetyFact.disqualifiers(of: unitID, year: year, among: facts)
    }

    /// Facts of the units in `unitIDs`, after `cursor`, oldest first.
    static func list(unitIDs: [String], year: Int?, includeRetracted: Bool, cursor: PageCursor, in db: Database) throws -> [SafetyFactRecord] {
        var sql = "SELECT * FROM green_clean_safety_fact WHERE unit_id IN (SELECT value FROM json_each(?)) AND id > ?"
        var arguments: StatementArguments = [try JSONList.encode(unitIDs), try cursor.afterRow()]
        if let year {
            sql += " AND year = ?"
            arguments += [year]
        }
        if !includeRetracted { sql += " AND retracted_on IS NULL" }
        sql += " ORDER BY id LIMIT ?"
        arguments += [cursor.fetchLimit]
        return try SafetyFactRecord.fetchAll(db, sql: sql, arguments: arguments)
    }
}

extension Disqualifier {
    var message: GreenCleanDisqualifier {
        GreenCleanDisqualifier.with {
            $0.factID = self.factID
            $0.kind = GreenCleanFactKind(rawValue: self.kind.rawValue) ?? .unspecified
            $0.description_p = self.description
        }
    }
}
