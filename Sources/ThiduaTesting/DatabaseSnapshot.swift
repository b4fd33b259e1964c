import Foundation
import GRDB
import Logging
import ThiduaModuleKit

/// Every row of every table of a server's database, in order: two equal snapshots mean nothing
/// was stored, changed or removed in between, in the core or any module.
public struct DatabaseSnapshot: Sendable, Equatable {
    /// Each table's rows, rendered, by table name.
    public let tables: [String: [String]]

    /// The tables whose rows differ from `earlier`'s.
    public func changedTables(since earlier: DatabaseSnapshot) -> [String] {
        Set(self.tables.keys).union(earlier.tables.keys).filter { self.tables[$0] != earlier.tables[$0] }.sorted()
    }
}

/// What a call that should be refused got, and what it left changed.
public struct Refusal: Sendable {
    /// The error the call failed with; nil when it succeeded.
    public let error: RPCError?
    /// The tables the call changed; empty when it changed nothing.
    public let changedTables: [String]
}

extension TestServer {
    /// Reads the whole database from its file, as an operator's tool would.
    public func snapshot() throws -> DatabaseSnapshot {
        let queue = try DatabaseQueue(path: self.dataDirectory.appendingPathComponent("thidua.sqlite").path)
        return try queue.read { db in
            let names = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            var tables: [String: [String]] = [:]
            for name in names {
                tables[name] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY rowid").map(\.description)
            }
            return DatabaseSnapshot(tables: tables)
        }
    }

    /// Runs `call`, which a test expects to be refused, and returns what it failed with and the
    /// tables it changed: a refusal must change nothing, in the core or any module.
    ///
    /// ```swift
    /// let refused = try await server.refusal { _ = try await client.unary(…) }
    /// #expect(refused.error?.details.first?.rule == "field.required")
    /// #expect(refused.changedTables.isEmpty)
    /// ```
    public func refusal(_ call: () async throws -> Void) async throws -> Refusal {
        let before = try self.snapshot()
        var failure: RPCError?
        do {
            try await call()
        } catch let error as RPCError {
            failure = error
        }
        return Refusal(error: failure, changedTables: try self.snapshot().changedTables(since: before))
    }
}

extension TestServer {
    /// Another connection pool on the server's database, for a test that acts as a module would
    /// inside `core.read` or `core.mutate`: calling the kit's `CoreAccess` in a transaction of its
    /// own. Writes through it bypass the server's group commit, but not SQLite's locking.
    public func openStorage() throws -> Storage {
        try Storage(
            directory: self.dataDirectory.path,
            durability: .full,
            schema: Schema(),
            logger: Logger(label: "thidua-test-storage", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }
}
