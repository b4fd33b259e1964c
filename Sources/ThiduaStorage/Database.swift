/// Where a read or a write runs its statements: one connection, inside one transaction (a
/// snapshot for reads; a savepoint of a shared transaction for writes, see ``GroupCommitWriter``).
///
/// Module and core code see only this type, never the engine behind it: the same code runs on
/// every backend. It is valid only inside the closure that received it.
public struct Database {
    package let session: any SQLSession

    package init(_ session: any SQLSession) {
        self.session = session
    }

    /// Runs a statement that returns no rows; returns how many rows it changed.
    @discardableResult
    public func execute(_ query: SQLQuery) throws -> Int {
        try self.session.execute(query)
    }

    /// Runs an `INSERT … RETURNING id` and returns the new row's id.
    public func insert(_ query: SQLQuery) throws -> Int64 {
        try self.session.insert(query)
    }

    /// Runs an `INSERT … RETURNING *` and returns the new row as `type`.
    public func insert<Record: SQLRowDecodable>(_ query: SQLQuery, as type: Record.Type) throws -> Record {
        guard let record = try self.fetchOne(query, as: type) else {
            throw StorageError("an insert returned no row; it must end in RETURNING * (in: \(query.text))")
        }
        return record
    }

    /// Every row of the result.
    public func fetchAll(_ query: SQLQuery) throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try self.session.query(query) { rows.append($0); return true }
        return rows
    }

    /// The first row, or nil.
    public func fetchOne(_ query: SQLQuery) throws -> SQLRow? {
        var first: SQLRow?
        try self.session.query(query) { first = $0; return false }
        return first
    }

    /// Every row, each decoded as `type`.
    public func fetchAll<Record: SQLRowDecodable>(_ query: SQLQuery, as type: Record.Type) throws -> [Record] {
        var records: [Record] = []
        try self.session.query(query) { records.append(try Record(row: $0)); return true }
        return records
    }

    /// The first row decoded as `type`, or nil.
    public func fetchOne<Record: SQLRowDecodable>(_ query: SQLQuery, as type: Record.Type) throws -> Record? {
        var first: Record?
        try self.session.query(query) { first = try Record(row: $0); return false }
        return first
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func fetchValue<Value: SQLValueConvertible>(_ query: SQLQuery, as type: Value.Type = Value.self) throws -> Value? {
        try self.fetchOne(query).flatMap { row in try row[0] as Value? }
    }

    /// The first column of every row.
    public func fetchValues<Value: SQLValueConvertible>(_ query: SQLQuery, as type: Value.Type = Value.self) throws -> [Value] {
        var values: [Value] = []
        try self.session.query(query) { values.append(try $0[0]); return true }
        return values
    }

    /// Calls `body` with each row in turn, without holding the whole result.
    public func forEach(_ query: SQLQuery, _ body: (SQLRow) throws -> Void) throws {
        try self.session.query(query) { try body($0); return true }
    }

    /// Calls `body` with each row in turn until it returns false: the rest is never read.
    public func scan(_ query: SQLQuery, while body: (SQLRow) throws -> Bool) throws {
        try self.session.query(query, body)
    }
}

/// What a storage backend implements: one open transaction of one connection.
package protocol SQLSession {
    /// Runs a statement that returns no rows; returns how many rows it changed.
    func execute(_ query: SQLQuery) throws -> Int
    /// Runs a statement and calls `row` for each result row until it returns false.
    func query(_ query: SQLQuery, _ row: (SQLRow) throws -> Bool) throws
    /// Runs an `INSERT … RETURNING id` and returns the new row's id.
    func insert(_ query: SQLQuery) throws -> Int64
}

/// A statement the database refused.
public struct SQLError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        /// A UNIQUE or PRIMARY KEY constraint.
        case uniqueViolation
        /// A FOREIGN KEY constraint.
        case foreignKeyViolation
        /// A CHECK or NOT NULL constraint.
        case checkViolation
        /// Anything else: a fault, not the caller's.
        case other
    }

    public let kind: Kind
    /// The engine's own message.
    public let message: String
    /// The statement, with placeholders and without its values.
    public let statement: String

    public init(kind: Kind, message: String, statement: String) {
        self.kind = kind
        self.message = message
        self.statement = statement
    }

    public var description: String { "\(self.message) (in: \(self.statement))" }
}
