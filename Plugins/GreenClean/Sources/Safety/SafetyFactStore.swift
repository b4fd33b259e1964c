import ThiduaModuleKit

/// A row of `green_clean_safety_fact`: the fact the rules read, and the message it is served as
/// (with its description, reference and any retraction).
struct SafetyFactRecord: SQLRowDecodable {
    let row: Int64
    let fact: SafetyFact
    let message: GreenCleanSafetyFact

    init(row: SQLRow) throws {
        self.row = try row["id"]
        let retractedOn: String? = try row["retracted_on"]
        let fact = try SafetyFact(
            id: GreenCleanID.fact.id(self.row),
            unitID: row["unit_id"],
            kind: SafetyFact.Kind(rawValue: row["kind"]) ?? .fatalWorkAccident,
            year: row["year"],
            occurredOn: row["occurred_on"],
            cases: row["cases"],
            isRetracted: retractedOn != nil
        )
        self.fact = fact
        self.message = try .with {
            $0.id = fact.id
            $0.unitID = fact.unitID
            $0.kind = GreenCleanFactKind(rawValue: fact.kind.rawValue) ?? .unspecified
            $0.year = UInt32(fact.year)
            $0.occurredOn = fact.occurredOn?.description ?? ""
            $0.cases = UInt32(fact.cases)
            $0.description_p = try row["description"]
            $0.reference = try row["reference"]
            $0.recordedOn = try row["recorded_on"]
            $0.retractedOn = retractedOn ?? ""
            $0.retractReason = try row["retract_reason"]
        }
    }
}

/// Reads and writes of safety facts, inside a caller's transaction.
enum SafetyFactStore {
    static func fetch(_ row: Int64, in db: Database) throws -> SafetyFactRecord? {
        try db.fetchOne("SELECT * FROM green_clean_safety_fact WHERE id = \(row)", as: SafetyFactRecord.self)
    }

    /// The fact `id` names, or INVALID_ARGUMENT / NOT_FOUND naming `field`.
    static func require(_ id: String, field: String, in db: Database) throws -> SafetyFactRecord {
        try GreenCleanID.fact.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// The live count of occupational-disease cases of a unit and year, if recorded.
    static func liveDiseaseCount(unitID: String, year: Int, in db: Database) throws -> SafetyFactRecord? {
        try db.fetchOne(
            """
            SELECT * FROM green_clean_safety_fact
            WHERE unit_id = \(unitID) AND year = \(year) AND kind = \(SafetyFact.Kind.occupationalDiseaseCases.rawValue) AND retracted_on IS NULL
            """,
            as: SafetyFactRecord.self
        )
    }

    static func insert(
        unitID: String, kind: SafetyFact.Kind, year: Int, occurredOn: CalendarDate?, cases: Int,
        description: String, reference: String, recordedOn: CalendarDate, in db: Database
    ) throws -> SafetyFactRecord {
        let row = try db.insert("""
            INSERT INTO green_clean_safety_fact (unit_id, kind, year, occurred_on, cases, description, reference, recorded_on)
            VALUES (\(unitID), \(kind.rawValue), \(year), \(occurredOn), \(cases), \(description), \(reference), \(recordedOn))
            RETURNING id
            """)
        return try Self.fetch(row, in: db)!
    }

    static func retract(_ record: SafetyFactRecord, on date: CalendarDate, reason: String, in db: Database) throws -> SafetyFactRecord {
        try db.execute("UPDATE green_clean_safety_fact SET retracted_on = \(date), retract_reason = \(reason) WHERE id = \(record.row)")
        return try Self.fetch(record.row, in: db)!
    }

    /// What disqualifies `unitID` for `year`: the facts of that year and the year before decide.
    static func disqualifiers(of unitID: String, year: Int, in db: Database) throws -> [Disqualifier] {
        let facts = try db.fetchAll(
            """
            SELECT * FROM green_clean_safety_fact
            WHERE unit_id = \(unitID) AND year IN (\(year), \(year - 1)) AND retracted_on IS NULL ORDER BY id
            """,
            as: SafetyFactRecord.self
        ).map(\.fact)
        return SafetyFact.disqualifiers(of: unitID, year: year, among: facts)
    }

    /// Facts of the units in `unitIDs`, after `cursor`, oldest first.
    static func list(unitIDs: [String], year: Int?, includeRetracted: Bool, cursor: PageCursor, in db: Database) throws -> [SafetyFactRecord] {
        let afterRow = try cursor.afterRow()
        var query: SQLQuery = "SELECT * FROM green_clean_safety_fact WHERE unit_id IN \(list: unitIDs) AND id > \(afterRow)"
        if let year {
            query.append(" AND year = \(year)")
        }
        if !includeRetracted { query.append(" AND retracted_on IS NULL") }
        query.append(" ORDER BY id LIMIT \(cursor.fetchLimit)")
        return try db.fetchAll(query, as: SafetyFactRecord.self)
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
