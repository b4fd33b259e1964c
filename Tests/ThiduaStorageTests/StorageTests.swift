import Foundation
import GRDB
import Logging
import Synchronization
import Testing
import ThiduaStorage

private func temporaryDirectory() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("thidua-storage-\(UUID().uuidString)").path
}

private func notesSchema() throws -> Schema {
    var schema = Schema()
    try schema.add(owner: "core", [
        Migration("0001_notes", sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL CHECK (text <> ''))"),
    ])
    return schema
}

private let quiet = Logger(label: "storage-test", factory: { _ in SwiftLogNoOpLogHandler() })

@Suite struct SchemaTests {
    @Test func refusesADuplicateMigrationID() throws {
        var schema = Schema()
        try schema.add(owner: "core", [Migration("0001_a", sql: "SELECT 1")])
        #expect(throws: StorageError.self) {
            try schema.add(owner: "core", [Migration("0001_a", sql: "SELECT 2")])
        }
        try schema.add(owner: "innovation", [Migration("0001_a", sql: "SELECT 1")])
        #expect(schema.ids == ["core/0001_a", "innovation/0001_a"], "the same id under another owner is fine")
    }

    @Test func refusesAMigrationEditedAfterItWasApplied() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try Storage(directory: directory, durability: .full, schema: try notesSchema(), logger: quiet)

        var edited = Schema()
        try edited.add(owner: "core", [Migration("0001_notes", sql: "CREATE TABLE note (id INTEGER PRIMARY KEY)")])
        #expect(throws: StorageError.self) {
            _ = try Storage(directory: directory, durability: .full, schema: edited, logger: quiet)
        }

        var extended = try notesSchema()
        try extended.add(owner: "core", [Migration("0002_more", sql: "ALTER TABLE note ADD COLUMN extra TEXT")])
        let storage = try Storage(directory: directory, durability: .full, schema: extended, logger: quiet)
        let columns = try storage.pool.read { db in try db.columns(in: "note").map(\.name) }
        #expect(columns == ["id", "text", "extra"], "a new migration applies on the next start")
    }

    @Test func refusesADatabaseMigratedByANewerBuild() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var newer = try notesSchema()
        try newer.add(owner: "core", [Migration("0002_more", sql: "ALTER TABLE note ADD COLUMN extra TEXT")])
        try newer.add(owner: "innovation", [Migration("0001_ideas", sql: "CREATE TABLE innovation_idea (id INTEGER PRIMARY KEY)")])
        _ = try Storage(directory: directory, durability: .full, schema: newer, logger: quiet)

        // The older build has the core's first migration only, and no innovation module.
        let refusal = #expect(throws: StorageError.self) {
            _ = try Storage(directory: directory, durability: .full, schema: try notesSchema(), logger: quiet)
        }
        let message = refusal?.description ?? ""
        #expect(message.contains("core schema 2 in the database, 1 in this build"), "\(message)")
        #expect(message.contains("core/0002_more"), "\(message)")
        #expect(!message.contains("innovation"), "a module this build does not load is not its to judge: \(message)")

        // The build that applied them starts again, with everything as it was; so does one that
        // leaves the innovation module out.
        var withoutInnovation = try notesSchema()
        try withoutInnovation.add(owner: "core", [Migration("0002_more", sql: "ALTER TABLE note ADD COLUMN extra TEXT")])
        _ = try Storage(directory: directory, durability: .full, schema: withoutInnovation, logger: quiet)
        let storage = try Storage(directory: directory, durability: .full, schema: newer, logger: quiet)
        let columns = try storage.pool.read { db in try db.columns(in: "note").map(\.name) }
        #expect(columns == ["id", "text", "extra"])
    }

    @Test func setsAndVerifiesThePragmas() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for durability in Durability.allCases {
            let storage = try Storage(directory: directory, durability: durability, schema: try notesSchema(), logger: quiet)
            let (journal, synchronous, foreignKeys, tempStore) = try storage.pool.write { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                    try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
                    try Int.fetchOne(db, sql: "PRAGMA temp_store")
                )
            }
            #expect(journal == "wal")
            #expect(tempStore == 2, "savepoint journals stay in memory")
            #expect(synchronous == (durability == .full ? 2 : 1))
            #expect(foreignKeys == true)
        }
    }
}

@Suite struct GroupCommitTests {
    @Test func concurrentWritesShareTransactionsAndAllCommit() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try Storage(directory: directory, durability: .full, schema: try notesSchema(), logger: quiet)
        let commits = Atomic<Int>(0)
        storage.writer.onCommit { commits.add(1, ordering: .relaxed) }

        let writes = 500
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for index in 0..<writes {
                group.addTask {
                    try await storage.write { db in
                        try db.insert("INSERT INTO note (text) VALUES (\("note \(index)")) RETURNING id")
                    }
                }
            }
            var ids: [Int64] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(Set(ids).count == writes)
        let stored = try await storage.read { db in try db.fetchValue("SELECT count(*) FROM note", as: Int.self) }
        #expect(stored == writes)
        #expect(commits.load(ordering: .relaxed) < writes, "writes were batched into fewer transactions")
    }

    @Test func withABatchOfOneEveryWriteCommitsAlone() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try Storage(directory: directory, durability: .full, maxBatchedWrites: 1, schema: try notesSchema(), logger: quiet)
        let commits = Atomic<Int>(0)
        storage.writer.onCommit { commits.add(1, ordering: .relaxed) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    _ = try await storage.write { db in try db.execute("INSERT INTO note (text) VALUES (\("note \(index)"))") }
                }
            }
            try await group.waitForAll()
        }
        #expect(commits.load(ordering: .relaxed) == 50)
    }

    @Test func aFailingWriteRollsBackAloneAndReportsItsError() async throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let storage = try Storage(directory: directory, durability: .full, schema: try notesSchema(), logger: quiet)
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<50 {
                group.addTask {
                    do {
                        try await storage.write { db in
                            try db.execute("INSERT INTO note (text) VALUES (\("kept \(index)"))")
                            if index % 5 == 0 {
                                // Half-done, then refused by the CHECK constraint: nothing of it may stay.
                                try db.execute("INSERT INTO note (text) VALUES ('')")
                            }
                        }
                        return true
                    } catch {
                        return false
                    }
                }
            }
            var results: [Bool] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(outcomes.filter { $0 }.count == 40)
        let stored = try await storage.read { db in try db.fetchValue("SELECT count(*) FROM note", as: Int.self) }
        #expect(stored == 40, "the failing writes left nothing behind, the others all committed")
    }
}
