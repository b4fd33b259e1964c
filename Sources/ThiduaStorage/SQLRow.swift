/// One row of a result, with its values by column name or position.
public struct SQLRow: Sendable {
    /// The column names, shared by every row of one result.
    public let columns: SQLColumns
    public let values: [SQLValue]

    public init(columns: SQLColumns, values: [SQLValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value of `column` as `T`; throws when there is no such column or it holds another type
    /// (NULL is only read into an optional).
    public subscript<T: SQLValueConvertible>(_ column: String) -> T {
        get throws {
            guard let index = self.columns.index(of: column) else {
                throw StorageError("the result has no column \"\(column)\"; it has \(self.columns.names.joined(separator: ", "))")
            }
            return try self.decode(index, as: T.self)
        }
    }

    /// The value at `index`, from 0, as `T`.
    public subscript<T: SQLValueConvertible>(_ index: Int) -> T {
        get throws {
            guard self.values.indices.contains(index) else {
                throw StorageError("the result has \(self.values.count) columns, not \(index + 1)")
            }
            return try self.decode(index, as: T.self)
        }
    }

    /// The text in `column`, or "" where it is NULL: how a protobuf message leaves a string
    /// unset, for copying a row into one.
    public subscript(orEmpty column: String) -> String {
        get throws { try self[column] as String? ?? "" }
    }

    private func decode<T: SQLValueConvertible>(_ index: Int, as type: T.Type) throws -> T {
        guard let value = T(sqlValue: self.values[index]) else {
            throw StorageError("column \"\(self.columns.names[index])\" holds \(self.values[index]), which is not a \(T.self)")
        }
        return value
    }
}

/// The column names of a result.
public final class SQLColumns: Sendable {
    public let names: [String]

    public init(_ names: [String]) {
        self.names = names
    }

    /// A linear scan: results have few columns, and hashing costs more than comparing them.
    func index(of name: String) -> Int? {
        self.names.firstIndex(of: name)
    }
}

/// A type built from one row of a result.
public protocol SQLRowDecodable: Sendable {
    init(row: SQLRow) throws
}
