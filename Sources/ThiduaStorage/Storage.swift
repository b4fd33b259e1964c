import Foundation
import GRDB
import Logging
import Synchronization

/// How hard a commit works to survive a crash.
public enum Durability: String, Sendable, CaseIterable {
    /// `synchronous=FULL`: a committed write survives a power loss. The default.
    case full
    /// `synchronous=NORMAL`: survives a crash of the process, not of the machine; faster.
    case normal

    var pragmaValue: Int {
        switch self {
        case .full: 2
        case .normal: 1
        }
    }
}

/// The one shared database of a server: a SQLite file in WAL mode with foreign keys on, opened
/// once, migrated before the server accepts connections, written through group commit.
public final class Storage: Sendable {
    /// The pool: many concurrent readers, one writer. Only this target and its tests see it.
    package let pool: DatabasePool
    /// Where every write goes: batches concurrent writes into shared transactions.
    public let writer: GroupCommitWriter
    public let path: String
    /// A server's hold on its data folder, until it stops: no second server, and no restore, on
    /// the same folder.
    private let folderLock: Mutex<DataDirectoryLock?>

    /// The database's file in a data folder.
    public static let fileName = "thidua.sqlite"

    /// Opens (creating if needed) `thidua.sqlite` in `directory`, sets and checks the pragmas,
    /// and applies the migrations that are not applied yet.
    /// - Parameter maxBatchedWrites: the most writes one transaction carries; 1 commits each
    ///   write alone.
    /// - Parameter exclusive: whether this storage is a server's, which holds its folder until
    ///   ``releaseFolder()``: another server, or a restore, on the folder is refused meanwhile.
    public init(directory: String, durability: Durability, maxBatchedWrites: Int = 512, schema: Schema, exclusive: Bool = false, logger: Logger) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.folderLock = Mutex(try exclusive ? DataDirectoryLock(directory: directory, holder: "stop it, or give this server another data folder") : nil)
        self.path = (directory as NSString).appendingPathComponent(Self.fileName)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // Every write runs in a savepoint of a shared transaction (GroupCommitWriter), and
            // SQLite keeps each savepoint's undo pages in a statement journal: in memory, not in a
            // temporary file written on every first change to a page. It is never needed after a
            // crash, so durability is unchanged.
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        self.pool = try DatabasePool(path: self.path, configuration: configuration)
        // GRDB sets synchronous=NORMAL when it turns WAL on, after any prepareDatabase hook; the
        // pool keeps one writer connection for its life, and commits happen there, so set it there.
        try self.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability.pragmaValue)")
        }
        try Self.verify(self.pool, durability: durability)
        try schema.migrate(self.pool, logger: logger)
        self.writer = GroupCommitWriter(pool: self.pool, maxBatch: maxBatchedWrites)
        logger.info(
            "storage ready",
            metadata: [
                "path": "\(self.path)", "durability": "\(durability.rawValue)", "journal": "wal",
                "max_batched_writes": "\(maxBatchedWrites)",
            ]
        )
    }

    /// Lets another server, or a restore, have the folder: called once the server has stopped.
    public func releaseFolder() {
        self.folderLock.withLock { $0 = nil }
    }

    /// Reads what the connection really uses rather than trusting any default.
    private static func verify(_ pool: DatabasePool, durability: Durability) throws {
        try pool.writeWithoutTransaction { db in
            let journal = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? ""
            let synchronous = try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
            guard journal.lowercased() == "wal" else {
                throw StorageError("the database is in journal mode \(journal), not WAL")
            }
            guard synchronous == durability.pragmaValue else {
                throw StorageError("PRAGMA synchronous is \(synchronous), not \(durability.pragmaValue) (\(durability.rawValue))")
            }
            guard foreignKeys else {
                throw StorageError("foreign keys are off")
            }
        }
    }

    /// Runs a read on one of the pool's reader connections, on a snapshot, concurrently with
    /// writes.
    public func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await self.pool.read { db in try body(Database(SQLiteSession(database: db))) }
    }

    /// Runs `body` in a transaction shared with other concurrent writes; returns once that
    /// transaction has committed. If `body` throws, its changes alone are rolled back.
    @discardableResult
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await self.writer.write(body)
    }

    /// ``read(_:)`` for start-up, before there is anything to wait for: blocks the calling thread.
    public func readNow<T>(_ body: (Database) throws -> T) throws -> T {
        try self.pool.read { db in try body(Database(SQLiteSession(database: db))) }
    }

    /// A write of its own transaction for start-up, before any other write: blocks the calling
    /// thread.
    public func writeNow<T>(_ body: (Database) throws -> T) throws -> T {
        try self.pool.write { db in try body(Database(SQLiteSession(database: db))) }
    }
}

/// A storage failure that is not the caller's fault.
public struct StorageError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
