import DialogueAPI
import ThiduaModuleKit

/// Headcounts of enterprises (`dialogue_headcount`): how many employees each had as of a date.
enum HeadcountStore {
    /// The headcount in force on `date`: the latest recorded on or before it.
    static func headcount(of unitID: String, on date: CalendarDate, in db: Database) throws -> EnterpriseHeadcount? {
        try db.fetchOne("SELECT * FROM dialogue_headcount WHERE unit_id = \(unitID) AND as_of <= \(date) ORDER BY as_of DESC LIMIT 1")
            .map(Self.headcount(from:))
    }

    /// The number of employees on `date`, 0 when none was recorded.
    static func employees(of unitID: String, on date: CalendarDate, in db: Database) throws -> Int {
        Int(try Self.headcount(of: unitID, on: date, in: db)?.employees ?? 0)
    }

    /// The headcount in force on `date` of each of `unitIDs` that has one.
    static func employees(of unitIDs: [String], on date: CalendarDate, in db: Database) throws -> [String: Int] {
        let rows = try db.fetchAll("""
            SELECT h.unit_id, h.employees FROM dialogue_headcount h
            WHERE h.unit_id IN \(list: unitIDs) AND h.as_of = (
                SELECT max(as_of) FROM dialogue_headcount WHERE unit_id = h.unit_id AND as_of <= \(date)
            )
            """)
        return Dictionary(uniqueKeysWithValues: try rows.map { (try $0["unit_id"] as String, try $0["employees"] as Int) })
    }

    /// Every headcount of the enterprise, latest first.
    static func history(of unitID: String, in db: Database) throws -> [EnterpriseHeadcount] {
        try db.fetchAll("SELECT * FROM dialogue_headcount WHERE unit_id = \(unitID) ORDER BY as_of DESC").map(Self.headcount(from:))
    }

    /// Records a headcount, replacing one of the same date; returns the one replaced.
    static func record(_ headcount: EnterpriseHeadcount, in db: Database) throws -> EnterpriseHeadcount? {
        let before = try db.fetchOne("SELECT * FROM dialogue_headcount WHERE unit_id = \(headcount.unitID) AND as_of = \(headcount.asOf)")
            .map(Self.headcount(from:))
        try db.execute("""
            INSERT INTO dialogue_headcount (unit_id, as_of, employees) VALUES (\(headcount.unitID), \(headcount.asOf), \(headcount.employees))
            ON CONFLICT (unit_id, as_of) DO UPDATE SET employees = excluded.employees
            """)
        return before
    }

    private static func headcount(from row: SQLRow) throws -> EnterpriseHeadcount {
        try EnterpriseHeadcount.with {
            $0.unitID = try row["unit_id"]
            $0.asOf = try row["as_of"]
            $0.employees = try row["employees"]
        }
    }
}
