import Foundation
import GRDB

/// The SQLite backend's ``SQLSession``: one GRDB connection inside its transaction. Every
/// statement comes from the connection's statement cache, so a statement text is compiled once
/// per connection.
struct SQLiteSession: SQLSession {
    let database: GRDB.Database

    func execute(_ query: SQLQuery) throws -> Int {
        try Self.translatingErrors(query) {
            let statement = try self.prepare(query)
            try statement.execute()
            return self.database.changesCount
        }
    }

    func query(_ query: SQLQuery, _ row: (SQLRow) throws -> Bool) throws {
        try Self.translatingErrors(query) {
            let statement = try self.prepare(query)
            let columns = SQLColumns(statement.columnNames)
            let cursor = try Row.fetchCursor(statement)
            while let next = try cursor.next() {
                var values: [SQLValue] = []
                values.reserveCapacity(next.count)
                for index in 0..<next.count {
                    values.append((next[index] as DatabaseValue).sqlValue)
                }
                guard try row(SQLRow(columns: columns, values: values)) else { return }
            }
        }
    }

    /// The cached statement for the query's text, with its values bound. A list is one JSON
    /// array, read back with `json_each`: any length, one statement text.
    private func prepare(_ query: SQLQuery) throws -> Statement {
        let text = query.hasLists
            ? query.text.replacingOccurrences(of: SQLQuery.listPlaceholder, with: "(SELECT value FROM json_each(?))")
            : query.text
        let statement = try self.database.cachedStatement(sql: text)
        statement.setUncheckedArguments(StatementArguments(query.bindings.map { binding -> DatabaseValue in
            switch binding {
            case .value(let value): value.databaseValue
            case .list(let values): JSONArray.text(of: values).databaseValue
            }
        }))
        return statement
    }

    private static func translatingErrors<T>(_ query: SQLQuery, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw SQLError(kind: Self.kind(of: error), message: error.message ?? "\(error.resultCode)", statement: query.text)
        }
    }

    private static func kind(of error: DatabaseError) -> SQLError.Kind {
        switch error.extendedResultCode {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: .uniqueViolation
        case .SQLITE_CONSTRAINT_FOREIGNKEY: .foreignKeyViolation
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL: .checkViolation
        default: .other
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .blob(let bytes): bytes.databaseValue
        }
    }
}

extension DatabaseValue {
    var sqlValue: SQLValue {
        switch self.storage {
        case .null: .null
        case .int64(let value): .integer(value)
        case .double(let value): .real(value)
        case .string(let value): .text(value)
        case .blob(let data): .blob(data)
        }
    }
}

/// A list as the JSON array `json_each` reads.
enum JSONArray {
    static func text(of values: [SQLValue]) -> String {
        var text = "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            switch value {
            case .null: text += "null"
            case .integer(let number): text += String(number)
            case .real(let number): text += "\(number)"
            case .text(let string): Self.appendQuoted(string, to: &text)
            case .blob(let bytes): Self.appendQuoted(String(decoding: bytes, as: UTF8.self), to: &text)
            }
        }
        return text + "]"
    }

    private static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20: text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
