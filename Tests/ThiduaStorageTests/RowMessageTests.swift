import Foundation
import Logging
import Testing
import ThiduaCoreAPI
import ThiduaModuleKit

/// `SQLRow.message()`: a row read from a real SQLite table into the protobuf message whose fields
/// its columns are named after.
@Suite struct RowMessageTests {
    private static let quiet = Logger(label: "row-message-test", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func withStorage(_ body: (Storage) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-row-message-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var schema = Schema()
        try schema.add(owner: "test", [
            Migration("0001_units", sql: """
                CREATE TABLE test_unit (
                    id INTEGER PRIMARY KEY,
                    parent_id TEXT,
                    name TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    depth INTEGER NOT NULL,
                    code TEXT,
                    not_in_the_message TEXT NOT NULL DEFAULT 'passed over'
                );
                """),
        ])
        try await body(try Storage(directory: directory, durability: .normal, schema: schema, logger: Self.quiet))
    }

    @Test func columnsNamedAsFieldsFillThemAndTheRestIsPassedOver() async throws {
        try await Self.withStorage { storage in
            let name = "Công đoàn cơ sở \"Hòa Bình\"\n\\ số 1"
            let unit: ThiduaCoreAPI.Unit = try await storage.write { db in
                let row = try db.insert("""
                    INSERT INTO test_unit (parent_id, name, kind, depth, code)
                    VALUES (\("u1"), \(name), \(UnitKind.grassrootsUnion.rawValue), \(3), \(nil as String?))
                    RETURNING id
                    """)
                return try db.fetchOne("SELECT * FROM test_unit WHERE id = \(row)")!.message()
            }
            #expect(unit.id.isEmpty, "the row number in `id` is not the wire id, so it is left to the caller")
            #expect(unit.parentID == "u1")
            #expect(unit.name == name)
            #expect(unit.kind == .grassrootsUnion)
            #expect(unit.depth == 3)
            #expect(unit.code.isEmpty)
        }
    }

    @Test func aColumnThatDoesNotFitItsFieldIsAnErrorNamingTheMessage() async throws {
        try await Self.withStorage { storage in
            try await storage.write { db in
                try db.execute("INSERT INTO test_unit (parent_id, name, kind, depth) VALUES (\("u1"), \("x"), \(1), \("deep"))")
            }
            let error = await #expect(throws: StorageError.self) {
                try await storage.read { db in _ = try db.fetchOne("SELECT * FROM test_unit")!.message(ThiduaCoreAPI.Unit.self) }
            }
            #expect(error?.description.contains("thidua.core.v1.Unit") == true)
            let skipped = try await storage.read { db in
                try db.fetchOne("SELECT * FROM test_unit")!.message(ThiduaCoreAPI.Unit.self, skipping: ["depth"])
            }
            #expect(skipped.depth == 0)
            #expect(try await storage.read { db in try db.fetchOne("SELECT * FROM test_unit")![orEmpty: "code"] } == "")
        }
    }
}
