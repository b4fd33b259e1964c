import GRDB
import Logging

/// One migration: SQL that is never edited once it has shipped.
public struct Migration: Sendable {
    /// Unique within its owner, ordered by position in the owner's list, such as "0001_units".
    public let id: String
    public let sql: String

    public init(_ id: String, sql: String) {
        self.id = id
        self.sql = sql
    }
}

/// Every migration of the core and the enabled modules, composed into one ordered migrator.
///
/// Ids are namespaced by owner ("core/0001_units", "innovation/0001_initiatives"). A duplicate id
/// is refused with an error, and so is a migration whose SQL changed after it was applied: the
/// schema is history, and history is not rewritten.
public struct Schema: Sendable {
    private var migrations: [(id: String, sql: String)] = []

    public init() {}

    /// Adds `owner`'s migrations after everything added before.
    public mutating func add(owner: String, _ list: [Migration]) throws {
        guard !owner.isEmpty, !owner.contains("/") else {
            throw StorageError("a migration owner must be a non-empty id without \"/\"; got \"\(owner)\"")
        }
        for migration in list {
            let id = "\(owner)/\(migration.id)"
            guard !self.migrations.contains(where: { $0.id == id }) else {
                throw StorageError("migration \(id) is registered twice")
            }
            self.migrations.append((id, migration.sql))
        }
    }

    /// The namespaced ids, in the order they apply.
    public var ids: [String] { self.migrations.map(\.id) }

    func migrate(_ writer: some DatabaseWriter, logger: Logger) throws {
        try writer.write { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS thidua_migration_checksum (
                    id TEXT PRIMARY KEY NOT NULL,
                    checksum TEXT NOT NULL
                )
                """)
            let applied = try Dictionary(
                uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, checksum FROM thidua_migration_checksum")
                    .map { (row: Row) -> (String, String) in (row["id"], row["checksum"]) }
            )
            for migration in self.migrations {
                if let checksum = applied[migration.id], checksum != Self.checksum(migration.sql) {
                    throw StorageError("migration \(migration.id) was edited after it was applied; add a new migration instead")
                }
            }
            try self.requireNotNewer(applied: Set(applied.keys))
        }
        var migrator = DatabaseMigrator()
        for migration in self.migrations {
            let checksum = Self.checksum(migration.sql)
            migrator.registerMigration(migration.id) { db in
                try db.execute(sql: migration.sql)
                try db.execute(
                    sql: "INSERT INTO thidua_migration_checksum (id, checksum) VALUES (?, ?)",
                    arguments: [migration.id, checksum]
                )
                logger.info("applied migration", metadata: ["id": "\(migration.id)"])
            }
        }
        try migrator.migrate(writer)
    }

    /// Refuses a database whose schema is newer than this build's: a migration applied by a later
    /// build, of an owner this build knows, that this build does not have. Running on a schema it
    /// does not know, a build could read columns wrongly or break the newer build's invariants.
    /// The migrations of an owner not loaded this time (a module left out by the configuration)
    /// are not this build's to judge.
    private func requireNotNewer(applied: Set<String>) throws {
        let known = Set(self.migrations.map(\.id))
        let owners = Set(self.migrations.map { Self.owner(of: $0.id) })
        let unknown = applied.filter { !known.contains($0) && owners.contains(Self.owner(of: $0)) }
        guard !unknown.isEmpty else { return }
        let versions = Dictionary(grouping: unknown, by: Self.owner(of:)).keys.sorted().map { owner in
            let ours = self.migrations.filter { Self.owner(of: $0.id) == owner }.count
            let theirs = applied.filter { Self.owner(of: $0) == owner }.count
            return "\(owner) schema \(theirs) in the database, \(ours) in this build"
        }
        throw StorageError(
            "the database's schema is newer than this build (\(versions.joined(separator: "; "))): "
                + "it was migrated by a later version, with \(unknown.sorted().joined(separator: ", ")), which this build does not know; "
                + "run that version or a newer one, or restore a backup taken before the upgrade"
        )
    }

    private static func owner(of id: String) -> String {
        String(id.prefix { $0 != "/" })
    }

    /// FNV-1a, 64-bit: enough to notice an edit, no cryptography needed.
    static func checksum(_ sql: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in sql.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
