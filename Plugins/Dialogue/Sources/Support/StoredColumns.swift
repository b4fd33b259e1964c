import ThiduaModuleKit

/// A row's columns with their values: one list that a record's insert and its update both write,
/// so that the two cannot disagree on which value goes to which column.
typealias StoredColumns = KeyValuePairs<String, any SQLValueConvertible>

extension SQLQuery {
    /// `INSERT INTO table (…) VALUES (…) RETURNING id`, for `Database.insert`.
    static func insert(into table: String, _ columns: StoredColumns) -> SQLQuery {
        let names = columns.map(\.key).joined(separator: ", ")
        let values = SQLQuery.joined(columns.map { column in "\(column.value)" }, separator: ", ")
        return "INSERT INTO \(trusted: table) (\(trusted: names)) VALUES (\(values)) RETURNING id"
    }

    /// `UPDATE table SET … WHERE id = row`.
    static func update(_ table: String, set columns: StoredColumns, row: Int64) -> SQLQuery {
        let assignments = SQLQuery.joined(columns.map { column in "\(trusted: column.key) = \(column.value)" }, separator: ", ")
        return "UPDATE \(trusted: table) SET \(assignments) WHERE id = \(row)"
    }
}
