import Foundation
import Logging
import Testing
import ThiduaStorage

/// The kit's storage API on the SQLite backend: what a module can rely on from any backend.
@Suite struct DatabaseAPITests {
    private static let quiet = Logger(label: "database-api-test", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func withStorage(_ body: (Storage) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-db-api-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var schema = Schema()
        try schema.add(owner: "test", [
            Migration("0001_things", sql: """
                CREATE TABLE test_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
                CREATE TABLE test_thing (
                    id INTEGER PRIMARY KEY,
                    parent_id INTEGER REFERENCES test_parent(id),
                    label TEXT NOT NULL CHECK (label <> ''),
                    count INTEGER,
                    ratio REAL,
                    flag INTEGER NOT NULL DEFAULT 0 CHECK (flag IN (0, 1)),
                    payload BLOB
                );
                """),
        ])
        try await body(try Storage(directory: directory, durability: .normal, schema: schema, logger: Self.quiet))
    }

    @Test func valuesComeBackAsTheyWereBound() async throws {
        try await Self.withStorage { storage in
            let payload = Data([0, 1, 2, 255])
            let label = "Công đoàn cơ sở 'Hòa Bình' \"số 1\""
            let id = try await storage.write { db in
                try db.insert("""
                    INSERT INTO test_thing (label, count, ratio, flag, payload)
                    VALUES (\(label), \(Int64.max), \(0.25), \(true), \(payload))
                    RETURNING id
                    """)
            }
            let row = try await storage.read { db in try db.fetchOne("SELECT * FROM test_thing WHERE id = \(id)") }
            let stored = try #require(row)
            #expect(try stored["label"] as String == label)
            #expect(try stored["count"] as Int64 == .max)
            #expect(try stored["ratio"] as Double == 0.25)
            #expect(try stored["flag"] as Bool == true)
            #expect(try stored["payload"] as Data == payload)
            #expect(try stored["parent_id"] as Int64? == nil, "NULL reads as nil")
        }
    }

    @Test func anInterpolatedValueIsNeverSQL() async throws {
        try await Self.withStorage { storage in
            let hostile = "x'); DROP TABLE test_thing; --"
            try await storage.write { db in try db.execute("INSERT INTO test_thing (label) VALUES (\(hostile))") }
            let labels = try await storage.read { db in try db.fetchValues("SELECT label FROM test_thing", as: String.self) }
            #expect(labels == [hostile])
        }
    }

    @Test func aListOfAnyLengthBindsAsOneStatement() async throws {
        try await Self.withStorage { storage in
            let labels = ["a", "b\"quoted\"", "c\\slash", "d\u{1}control", "đ"] + (0..<2000).map { "n\($0)" }
            try await storage.write { db in
                for label in labels { try db.execute("INSERT INTO test_thing (label) VALUES (\(label))") }
            }
            let wanted = ["b\"quoted\"", "c\\slash", "d\u{1}control", "đ", "n1999", "missing"]
            let found = try await storage.read { db in
                try db.fetchValues("SELECT label FROM test_thing WHERE label IN \(list: wanted) ORDER BY id", as: String.self)
            }
            #expect(found == ["b\"quoted\"", "c\\slash", "d\u{1}control", "đ", "n1999"])
            let none = try await storage.read { db in
                try db.fetchValue("SELECT count(*) FROM test_thing WHERE id IN \(list: [Int64]())", as: Int.self)
            }
            #expect(none == 0, "an empty list matches nothing")
        }
    }

    @Test func queriesCompose() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in
                for (label, count) in [("a", 1), ("b", 2), ("c", 3)] {
                    try db.execute("INSERT INTO test_thing (label, count) VALUES (\(label), \(count))")
                }
            }
            var query: SQLQuery = "SELECT label FROM test_thing WHERE "
            query.append(SQLQuery.joined(["count >= \(2)", "label <> \("c")"], separator: " AND "))
            query.append(" ORDER BY \(trusted: "label") DESC")
            let labels = try await storage.read { [query] db in try db.fetchValues(query, as: String.self) }
            #expect(labels == ["b"])
        }
    }

    @Test func aRefusedStatementSaysWhichConstraint() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in try db.execute("INSERT INTO test_parent (name) VALUES ('one')") }
            let cases: [(SQLQuery, SQLError.Kind)] = [
                ("INSERT INTO test_parent (name) VALUES ('one')", .uniqueViolation),
                ("INSERT INTO test_thing (label, parent_id) VALUES ('x', 99)", .foreignKeyViolation),
                ("INSERT INTO test_thing (label) VALUES ('')", .checkViolation),
                ("INSERT INTO test_thing (label) VALUES (NULL)", .checkViolation),
                ("INSERT INTO test_nothing (label) VALUES ('x')", .other),
            ]
            for (statement, kind) in cases {
                let error = await #expect(throws: SQLError.self) {
                    try await storage.write { db in try db.execute(statement) }
                }
                #expect(error?.kind == kind, "\(statement.text)")
            }
        }
    }

    @Test func aColumnReadAsTheWrongTypeThrowsInsteadOfCrashing() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in try db.execute("INSERT INTO test_thing (label) VALUES ('x')") }
            let row = try #require(try await storage.read { db in try db.fetchOne("SELECT label, count FROM test_thing") })
            #expect(throws: StorageError.self) { try row["label"] as Int }
            #expect(throws: StorageError.self) { try row["count"] as Int }
            #expect(throws: StorageError.self) { try row["missing"] as String }
            #expect(try row[0] as String == "x")
        }
    }

    @Test func aScanStopsWhereItsBodySays() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in
                for index in 0..<10 { try db.execute("INSERT INTO test_thing (label, count) VALUES ('x', \(index))") }
            }
            let seen = try await storage.read { db in
                var seen: [Int] = []
                try db.scan("SELECT count FROM test_thing ORDER BY count") { row in
                    seen.append(try row[0])
                    return seen.count < 3
                }
                return seen
            }
            #expect(seen == [0, 1, 2])
        }
    }

    /// A plain insert reads the new id without a result row; an upsert or INSERT OR IGNORE, which
    /// may insert nothing or update a row, reads its RETURNING row, so the id is never stale.
    @Test func insertReturnsTheRowsOwnIdForUpsertsToo() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in
                let first = try db.insert("INSERT INTO test_parent (name) VALUES (\("a")) RETURNING id")
                let second = try db.insert("insert into test_parent (name) values (\("b")) returning id")
                #expect(second == first + 1)
                let upserted = try db.insert("""
                    INSERT INTO test_parent (name) VALUES (\("a")) ON CONFLICT (name) DO UPDATE SET name = excluded.name RETURNING id
                    """)
                #expect(upserted == first, "the existing row's id, not the last inserted one")
                #expect(throws: StorageError.self) {
                    try db.insert("INSERT OR IGNORE INTO test_parent (name) VALUES (\("b")) RETURNING id")
                }
                #expect(throws: StorageError.self) { try db.insert("INSERT INTO test_parent (name) VALUES (\("c"))") }
            }
        }
    }

    @Test func insertReturningStarDecodesTheNewRow() async throws {
        struct Thing: SQLRowDecodable {
            let id: Int64
            let label: String
            let flag: Bool
            init(row: SQLRow) throws {
                self.id = try row["id"]
                self.label = try row["label"]
                self.flag = try row["flag"]
            }
        }
        try await Self.withStorage { storage in
            let thing = try await storage.write { db in try db.insert("INSERT INTO test_thing (label) VALUES ('new') RETURNING *", as: Thing.self) }
            #expect(thing.label == "new")
            #expect(thing.flag == false, "the column's default comes back")
            let again = try await storage.read { db in try db.fetchAll("SELECT * FROM test_thing", as: Thing.self) }
            #expect(again.map(\.id) == [thing.id])
        }
    }
}
