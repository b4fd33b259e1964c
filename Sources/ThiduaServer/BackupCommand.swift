import ArgumentParser
import Foundation
import ThiduaHost
import ThiduaStorage

/// `thidua-server backup`: a consistent copy of a server's database, taken while it runs.
struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database of a data folder to a file, while the server runs.",
        usage: "thidua-server backup [--data-dir <data-dir>] --to <file>",
        discussion: """
            The copy holds every write the server acknowledged before the backup began (SQLite's \
            VACUUM INTO reads one snapshot) and none still open; the server goes on serving. It is \
            checked with PRAGMA integrity_check before it takes FILE's name, and FILE is never \
            overwritten. Restore it with `thidua-server restore`. The data folder is the server's, \
            from --data-dir, --config or $THIDUA_DATA_DIR (default: ./data).
            """
    )

    /// The server's options: its `--data-dir` is the folder backed up.
    @ParentCommand var server: ServerCommand

    @Option(name: .customLong("to"), help: "The backup file to write; it must not exist.")
    var file: String

    func run() throws {
        let summary = try Backup.write(from: try self.server.makeConfiguration().configuration.dataDirectory, to: self.file)
        print("backed up to \(summary.path): \(summary.bytes) bytes, \(summary.migrations) migrations, integrity ok")
    }
}

/// `thidua-server restore`: a backup made the database of a data folder no server runs on.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Make a backup the database of a data folder; no server may be running on it.",
        usage: "thidua-server restore [--data-dir <data-dir>] --from <file>",
        discussion: """
            The backup is checked (PRAGMA integrity_check, and that it is a thidua database) before \
            anything changes. A database already in the folder is moved, with its WAL, into \
            replaced-<time>/ there, never deleted. Start the server on the folder afterwards: a \
            backup from a newer version is refused at start, naming both schema versions. The data \
            folder is the server's, from --data-dir, --config or $THIDUA_DATA_DIR (default: ./data).
            """
    )

    /// The server's options: its `--data-dir` is the folder restored into.
    @ParentCommand var server: ServerCommand

    @Option(name: .customLong("from"), help: "The backup file, as `thidua-server backup` wrote it.")
    var file: String

    func run() throws {
        let summary = try Backup.restore(self.file, into: try self.server.makeConfiguration().configuration.dataDirectory)
        if let replaced = summary.replacedInto {
            print("the database that was there is kept in \(replaced)")
        }
        print("restored \(self.file) into \(summary.path): \(summary.bytes) bytes, \(summary.migrations) migrations, integrity ok")
    }
}
