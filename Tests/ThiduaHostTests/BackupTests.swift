import Foundation
import Synchronization
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// `thidua-server backup` and `restore`, as an operator runs them: a backup taken while clients
/// write holds every write acknowledged before it began, passes SQLite's integrity check, and
/// restores into a folder a new server then serves.
@Suite(.serialized) struct BackupTests {
    @Test func aBackupUnderLoadHoldsEveryAcknowledgedWriteAndRestoresIntoAServedFolder() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backupFile = scratch.appendingPathComponent("thidua-backup.sqlite").path
        let serverTool = try Executable("thidua-server")

        let server = try await ServerProcess()
        let key = try server.adminKey
        let admin = try await ThiduaClient.connect(host: server.host, port: server.port, clientName: "backup-test", apiKey: key)
        let root = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest()).unitID

        // Four writers create units until told to stop; each id is recorded once acknowledged.
        let acknowledged = Acknowledged()
        let (warmedUp, signal) = AsyncStream.makeStream(of: Void.self)
        let writers = Task {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        var number = 0
                        while !acknowledged.stopping {
                            let unit = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
                                $0.parentID = root
                                $0.name = "Công đoàn cơ sở \(writer)-\(number)"
                                $0.kind = .grassrootsUnion
                                $0.validFrom = "2024-01-01"
                            })
                            number += 1
                            if acknowledged.append(unit.id) == 200 { signal.yield() }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        for await _ in warmedUp { break }

        let before = Set(acknowledged.ids)
        let backup = try await serverTool.run(["backup", "--data-dir", server.dataDirectory.path, "--to", backupFile])
        let duringBackup = acknowledged.ids.count - before.count
        acknowledged.stop()
        try await writers.value
        #expect(backup.status == 0, "\(backup.stderr)")
        #expect(backup.stdout.hasPrefix("backed up to \(backupFile): "))
        #expect(backup.stdout.contains("integrity ok"))
        #expect(duringBackup > 0, "the writers went on while the backup ran")

        // A backup never overwrites, and no restore goes into a folder a server runs on.
        let overwrite = try await serverTool.run(["backup", "--data-dir", server.dataDirectory.path, "--to", backupFile])
        #expect(overwrite.status != 0)
        #expect(overwrite.stderr.contains("exists already"))
        let underServer = try await serverTool.run(["restore", "--data-dir", server.dataDirectory.path, "--from", backupFile])
        #expect(underServer.status != 0)
        #expect(underServer.stderr.contains("in use by a running thidua-server"), "\(underServer.stderr)")
        await admin.close()
        #expect(await server.terminate().status == 0)

        let folder = scratch.appendingPathComponent("restored")
        let restore = try await serverTool.run(["restore", "--data-dir", folder.path, "--from", backupFile])
        #expect(restore.status == 0, "\(restore.stderr)")
        #expect(restore.stdout.contains("integrity ok"))

        // The restored folder serves, to the same key, every unit acknowledged before the backup.
        let restored = try await ServerProcess(dataDirectory: folder)
        let client = try await ThiduaClient.connect(host: restored.host, port: restored.port, clientName: "backup-test", apiKey: key)
        var listed = Set<String>()
        var token = ""
        repeat {
            let page = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with {
                $0.page = .with { $0.pageSize = 1000; $0.pageToken = token }
            })
            listed.formUnion(page.units.map(\.id))
            token = page.nextPageToken
        } while !token.isEmpty
        #expect(before.isSubset(of: listed), "\(before.subtracting(listed).count) acknowledged units are missing from the backup")
        await client.close()
        #expect(await restored.terminate().status == 0)
    }

    @Test func whatIsNotABackupIsRefusedBeforeAnythingChanges() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let serverTool = try Executable("thidua-server")
        let notSQLite = scratch.appendingPathComponent("notes.txt")
        try Data("biên bản".utf8).write(to: notSQLite)
        let folder = scratch.appendingPathComponent("data")

        // A restore over a folder that has a database keeps the old one, with its WAL and key.
        let backup = scratch.appendingPathComponent("b.sqlite").path
        let server = try await ServerProcess(dataDirectory: folder)
        #expect(try await serverTool.run(["backup", "--data-dir", folder.path, "--to", backup]).status == 0)
        _ = await server.terminate()
        #expect(try await serverTool.run(["restore", "--data-dir", folder.path, "--from", backup]).status == 0)
        #expect(try await serverTool.run(["restore", "--data-dir", folder.path, "--from", backup]).status == 0)
        let replaced = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("replaced-") }
        #expect(replaced.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(replaced[0]).path).contains("thidua.sqlite"))
        try FileManager.default.removeItem(at: folder)

        let refused = try await serverTool.run(["restore", "--data-dir", folder.path, "--from", notSQLite.path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("is not a SQLite database"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("thidua.sqlite").path))

        let missing = try await serverTool.run(["backup", "--data-dir", folder.path, "--to", scratch.appendingPathComponent("b").path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("there is no database in"), "\(missing.stderr)")
    }
}

/// The ids of the writes acknowledged so far, and whether the writers are to stop.
private final class Acknowledged: Sendable {
    private let state = Mutex<(ids: [String], stopping: Bool)>(([], false))

    var ids: [String] { self.state.withLock { $0.ids } }
    var stopping: Bool { self.state.withLock { $0.stopping } }

    /// Records an acknowledged id; returns how many there are.
    func append(_ id: String) -> Int {
        self.state.withLock { state in
            state.ids.append(id)
            return state.ids.count
        }
    }

    func stop() {
        self.state.withLock { $0.stopping = true }
    }
}
