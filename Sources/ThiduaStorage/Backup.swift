import Foundation
import GRDB

/// Copies of a server's database taken while it runs, and their restoration.
///
/// A backup is SQLite's `VACUUM INTO`: it reads one snapshot, so the copy holds exactly the
/// transactions committed when it began (every write acknowledged by then, since the server
/// acknowledges only after the commit) and none of those still open, while the server goes on
/// writing. It is written beside its destination and renamed into place once checked, so the
/// destination never holds half a backup.
public enum Backup {
    /// What a backup or a restore produced.
    public struct Summary: Sendable {
        /// The database file written.
        public let path: String
        public let bytes: Int
        /// The migrations the copy's schema has applied, of every owner.
        public let migrations: Int
        /// Where the database a restore replaced was moved, if there was one.
        public let replacedInto: String?
    }

    /// Copies the database of the data folder `directory` to `file`, which must not exist.
    public static func write(from directory: String, to file: String) throws -> Summary {
        let source = (directory as NSString).appendingPathComponent(Storage.fileName)
        guard FileManager.default.fileExists(atPath: source) else {
            throw StorageError("there is no database in \(directory) (no \(Storage.fileName))")
        }
        guard !FileManager.default.fileExists(atPath: file) else {
            throw StorageError("\(file) exists already; a backup never overwrites a file")
        }
        let partial = file + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let database = try DatabaseQueue(path: source, configuration: configuration)
            try database.inDatabase { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            try database.close()
            let migrations = try Self.check(partial)
            try Self.synchronize(partial)
            try FileManager.default.moveItem(atPath: partial, toPath: file)
            try Self.synchronize(Self.folder(of: file))
            return Summary(path: file, bytes: try Self.size(of: file), migrations: migrations, replacedInto: nil)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// Makes the backup `file` the database of the data folder `directory`, which no server may
    /// be running on. A database already there is moved, with its WAL and the `admin.key` of its
    /// first start, into a folder `replaced-<time>` of `directory`, never deleted. The backup is
    /// copied in full beside the target first, so a failure (a full disk) leaves the folder as it
    /// was.
    public static func restore(_ file: String, into directory: String, now: Date = Date()) throws -> Summary {
        guard FileManager.default.fileExists(atPath: file) else {
            throw StorageError("there is no backup \(file)")
        }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let lock = try DataDirectoryLock(directory: directory, holder: "stop it before restoring into its folder")
        defer { withExtendedLifetime(lock) {} }
        let migrations = try Self.check(file)
        let target = (directory as NSString).appendingPathComponent(Storage.fileName)
        let partial = target + ".partial"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try FileManager.default.copyItem(atPath: file, toPath: partial)
            try Self.synchronize(partial)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        // What belongs to the database being replaced: the file, its WAL and shared memory (which
        // must never be replayed onto the restored file), and the key its first start wrote.
        let belonging = [Storage.fileName, Storage.fileName + "-wal", Storage.fileName + "-shm", "admin.key"]
            .filter { FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent($0)) }
        var replacedInto: String?
        if !belonging.isEmpty {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            var folder = (directory as NSString).appendingPathComponent("replaced-\(formatter.string(from: now))")
            var attempt = 1
            while FileManager.default.fileExists(atPath: folder) {
                attempt += 1
                folder = (directory as NSString).appendingPathComponent("replaced-\(formatter.string(from: now))-\(attempt)")
            }
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            for name in belonging {
                try FileManager.default.moveItem(
                    atPath: (directory as NSString).appendingPathComponent(name), toPath: (folder as NSString).appendingPathComponent(name)
                )
            }
            replacedInto = folder
        }
        try FileManager.default.moveItem(atPath: partial, toPath: target)
        try Self.synchronize(directory)
        return Summary(path: target, bytes: try Self.size(of: target), migrations: migrations, replacedInto: replacedInto)
    }

    /// Checks that `path` is a sound thidua database (`PRAGMA integrity_check`) and returns how
    /// many migrations its schema has applied.
    private static func check(_ path: String) throws -> Int {
        var configuration = Configuration()
        configuration.readonly = true
        let database: DatabaseQueue
        do {
            database = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw StorageError("\(path) is not a SQLite database: \(error)")
        }
        defer { try? database.close() }
        return try database.read { db in
            let problems: [String]
            do {
                problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            } catch {
                throw StorageError("\(path) is not a SQLite database: \(error)")
            }
            guard problems == ["ok"] else {
                throw StorageError("\(path) fails SQLite's integrity check: \(problems.prefix(5).joined(separator: "; "))")
            }
            guard try db.tableExists("thidua_migration_checksum") else {
                throw StorageError("\(path) is a SQLite database but not a thidua one (it has no thidua_migration_checksum table)")
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM thidua_migration_checksum") ?? 0
        }
    }

    /// The folder holding `path`: "." for a bare file name.
    private static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// Flushes a file, or a folder's entries, to the disk.
    private static func synchronize(_ path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StorageError("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw StorageError("cannot flush \(path): \(String(cString: strerror(errno)))") }
    }
}
