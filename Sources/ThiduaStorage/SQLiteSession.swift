import Foundation
import GRDB
import GRDBSQLite

/// The SQLite backend's ``SQLSession``: one GRDB connection inside its transaction.
///
/// GRDB opens the connection, runs the migrations and owns the transactions; statements come from
/// its per-connection cache, so a statement text is compiled once per connection. Binding values
/// and stepping rows go straight to SQLite's C API: this is the whole write path of every call,
/// and GRDB's general-purpose row and argument types cost a third of its time.
struct SQLiteSession: SQLSession {
    let database: GRDB.Database

    func execute(_ query: SQLQuery) throws -> Int {
        try self.run(query, text: query.text) { _ in true }
        return self.database.changesCount
    }

    func insert(_ query: SQLQuery) throws -> Int64 {
        guard let text = Self.dropReturningID(query.text) else {
            throw StorageError("an insert must end in RETURNING id (in: \(query.text))")
        }
        // A plain INSERT of one row: SQLite knows the new row's id without a result row, which
        // RETURNING would make it build. An upsert or an INSERT OR … may insert nothing, or
        // update a row, and leave the last id stale: those read the RETURNING row.
        if Self.mayNotInsert(text) {
            var id: Int64?
            try self.run(query, text: query.text) { statement in
                id = sqlite3_column_int64(statement, 0)
                return false
            }
            guard let id else { throw StorageError("the insert returned no row (in: \(query.text))") }
            return id
        }
        try self.run(query, text: text) { _ in true }
        guard self.database.changesCount == 1 else {
            throw StorageError("the insert changed \(self.database.changesCount) rows, not one (in: \(query.text))")
        }
        return self.database.lastInsertedRowID
    }

    /// Whether an INSERT may end without inserting a row: an upsert, or INSERT OR IGNORE/REPLACE….
    /// Reads the text's bytes in place: it runs for every insert of the write path.
    private static func mayNotInsert(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            Self.contains(bytes, ignoringCase: "on conflict") || Self.contains(bytes, ignoringCase: "insert or ")
        }
    }

    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, ignoringCase needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard bytes.count >= pattern.count else { return false }
        for start in 0...(bytes.count - pattern.count) {
            var matched = 0
            while matched < pattern.count, Self.lowercased(bytes[start + matched]) == pattern[matched] { matched += 1 }
            if matched == pattern.count { return true }
        }
        return false
    }

    func query(_ query: SQLQuery, _ row: (SQLRow) throws -> Bool) throws {
        var columns: SQLColumns?
        try self.run(query, text: query.text) { statement in
            let names = columns ?? Self.columns(of: statement)
            columns = names
            return try row(SQLRow(columns: names, values: Self.values(of: statement, count: names.names.count)))
        }
    }

    private static let returningID = "RETURNING id"

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    /// `text` without its final "RETURNING id" and the white space after it; nil when it does
    /// not end so.
    private static func dropReturningID(_ text: String) -> String? {
        let utf8 = text.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, [0x20, 0x0A, 0x0D, 0x09].contains(utf8[utf8.index(before: end)]) {
            end = utf8.index(before: end)
        }
        let suffixLength = Self.returningID.utf8.count
        guard utf8.distance(from: utf8.startIndex, to: end) >= suffixLength else { return nil }
        let start = utf8.index(end, offsetBy: -suffixLength)
        guard utf8[start..<end].elementsEqual(Self.returningID.utf8, by: { Self.lowercased($0) == Self.lowercased($1) }) else { return nil }
        return String(Substring(utf8[..<start]))
    }

    /// Binds the query's values to the cached statement for `text` and steps it, calling `row` for
    /// each result row until it returns false.
    private func run(_ query: SQLQuery, text: String, _ row: (OpaquePointer) throws -> Bool) throws {
        let text = query.hasLists
            ? text.replacingOccurrences(of: SQLQuery.listPlaceholder, with: "(SELECT value FROM json_each(?))")
            : text
        let statement: OpaquePointer
        do {
            statement = try self.database.cachedStatement(sql: text).sqliteStatement
        } catch let error as DatabaseError {
            throw Self.translate(error.extendedResultCode.rawValue, error.message ?? "\(error.resultCode)", query)
        }
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        sqlite3_clear_bindings(statement)
        for (index, binding) in query.bindings.enumerated() {
            let position = CInt(index + 1)
            let code = switch binding {
            case .value(let value): Self.bind(value, at: position, to: statement)
            case .list(let values): Self.bind(.text(JSONText.array(of: values)), at: position, to: statement)
            }
            guard code == SQLITE_OK else {
                let connection = self.database.sqliteConnection
                throw Self.translate(code, "cannot bind value \(position): \(String(cString: sqlite3_errmsg(connection)))", query)
            }
        }
        while true {
            switch sqlite3_step(statement) {
            case SQLITE_ROW:
                guard try row(statement) else { return }
            case SQLITE_DONE:
                return
            default:
                let connection = self.database.sqliteConnection
                throw Self.translate(sqlite3_extended_errcode(connection), String(cString: sqlite3_errmsg(connection)), query)
            }
        }
    }

    /// Binds one value; returns SQLite's result code.
    private static func bind(_ value: SQLValue, at position: CInt, to statement: OpaquePointer) -> CInt {
        switch value {
        case .null:
            sqlite3_bind_null(statement, position)
        case .integer(let number):
            sqlite3_bind_int64(statement, position, number)
        case .real(let number):
            sqlite3_bind_double(statement, position, number)
        case .text(var text):
            text.withUTF8 { bytes in
                sqlite3_bind_text(statement, position, bytes.baseAddress ?? Self.empty, CInt(bytes.count), Self.transient)
            }
        case .blob(let data):
            data.withUnsafeBytes { bytes in
                // A zero-length blob, not NULL: sqlite3_bind_zeroblob where there are no bytes.
                bytes.isEmpty ? sqlite3_bind_zeroblob(statement, position, 0)
                    : sqlite3_bind_blob(statement, position, bytes.baseAddress, CInt(bytes.count), Self.transient)
            }
        }
    }

    /// Where "" is bound from when its buffer has no address: a nil pointer would bind NULL.
    nonisolated(unsafe) private static let empty = UnsafePointer(UnsafeMutablePointer<UInt8>.allocate(capacity: 1))

    /// SQLite copies the value before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private static func columns(of statement: OpaquePointer) -> SQLColumns {
        SQLColumns((0..<sqlite3_column_count(statement)).map { String(cString: sqlite3_column_name(statement, $0)) })
    }

    private static func values(of statement: OpaquePointer, count: Int) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(count)
        for column in 0..<CInt(count) {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER:
                values.append(.integer(sqlite3_column_int64(statement, column)))
            case SQLITE_FLOAT:
                values.append(.real(sqlite3_column_double(statement, column)))
            case SQLITE_TEXT:
                let bytes = UnsafeBufferPointer(start: sqlite3_column_text(statement, column), count: Int(sqlite3_column_bytes(statement, column)))
                values.append(.text(String(decoding: bytes, as: UTF8.self)))
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                values.append(.blob(count == 0 ? Data() : Data(bytes: sqlite3_column_blob(statement, column), count: count)))
            default:
                values.append(.null)
            }
        }
        return values
    }

    private static func translate(_ code: CInt, _ message: String, _ query: SQLQuery) -> SQLError {
        let kind: SQLError.Kind = switch ResultCode(rawValue: code) {
        case .SQLITE_CONSTRAINT_UNIQUE, .SQLITE_CONSTRAINT_PRIMARYKEY: .uniqueViolation
        case .SQLITE_CONSTRAINT_FOREIGNKEY: .foreignKeyViolation
        case .SQLITE_CONSTRAINT_CHECK, .SQLITE_CONSTRAINT_NOTNULL: .checkViolation
        default: .other
        }
        return SQLError(kind: kind, message: message, statement: query.text)
    }
}
