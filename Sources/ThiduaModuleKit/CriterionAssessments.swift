/// An entry's assessment against a campaign's criteria: one row per criterion in a table of the
/// module's own, `(<entry column>, criterion_code, position, <the module's columns>)`, and the
/// references each criterion cites as evidence (a decision number, a link to a document) in a
/// second table, `(<entry column>, criterion_code, position, reference)`, whose rows reference
/// the first.
///
/// Self-assessments such as green-clean sheets and "Giỏi việc nước, đảm việc nhà" keep theirs this
/// way: the module declares the two tables in its migrations and leaves the writing and the
/// reading of the evidence here.
public struct CriterionAssessments: Sendable {
    /// One criterion as assessed: its code, the module's own columns and the evidence cited.
    public struct Criterion {
        public var code: String
        public var columns: [String: any SQLValueConvertible]
        public var evidence: [String]

        public init(code: String, columns: [String: any SQLValueConvertible], evidence: [String]) {
            self.code = code
            self.columns = columns
            self.evidence = evidence
        }
    }

    let table: String
    let evidenceTable: String
    let entryColumn: String

    /// - Parameters:
    ///   - table: the module's table of assessed criteria, such as "green_clean_score".
    ///   - evidenceTable: its table of evidence, such as "green_clean_evidence".
    ///   - entryColumn: the column of both holding the entry's row, such as "registration_id".
    public init(table: String, evidenceTable: String, entryColumn: String) {
        self.table = table
        self.evidenceTable = evidenceTable
        self.entryColumn = entryColumn
    }

    /// Replaces the whole assessment of entry `row` with `criteria`, in their order.
    public func replace(of row: Int64, with criteria: [Criterion], in db: Database) throws {
        try db.execute("DELETE FROM \(trusted: self.evidenceTable) WHERE \(trusted: self.entryColumn) = \(row)")
        try db.execute("DELETE FROM \(trusted: self.table) WHERE \(trusted: self.entryColumn) = \(row)")
        for (position, criterion) in criteria.enumerated() {
            let columns = criterion.columns.sorted { $0.key < $1.key }
            let names = columns.map { ", \($0.key)" }.joined()
            let values = SQLQuery.joined(columns.map { "\($0.value)" }, separator: ", ")
            try db.execute("""
                INSERT INTO \(trusted: self.table) (\(trusted: self.entryColumn), criterion_code, position\(trusted: names))
                VALUES (\(row), \(criterion.code), \(position + 1)\(trusted: columns.isEmpty ? "" : ", ")\(values))
                """)
            for (index, reference) in criterion.evidence.enumerated() {
                try db.execute("""
                    INSERT INTO \(trusted: self.evidenceTable) (\(trusted: self.entryColumn), criterion_code, position, reference)
                    VALUES (\(row), \(criterion.code), \(index + 1), \(reference))
                    """)
            }
        }
    }

    /// The evidence of entries `rows`: by entry row, then by criterion code, in order.
    public func evidence(of rows: [Int64], in db: Database) throws -> [Int64: [String: [String]]] {
        var references: [Int64: [String: [String]]] = [:]
        try db.forEach("""
            SELECT \(trusted: self.entryColumn) AS entry, criterion_code, reference FROM \(trusted: self.evidenceTable)
            WHERE \(trusted: self.entryColumn) IN \(list: rows) ORDER BY entry, criterion_code, position
            """) { row in
            references[try row["entry"], default: [:]][try row["criterion_code"], default: []].append(try row["reference"])
        }
        return references
    }
}
