import Foundation

/// An advisory lock on a server's data folder (`thidua.lock`, with `flock`): held by the server
/// for as long as its storage is open, so that a second server, or a restore, cannot take the
/// same database from under it. The kernel releases it when the process ends, however it ends.
final class DataDirectoryLock: Sendable {
    static let fileName = "thidua.lock"

    private let descriptor: Int32

    /// Takes the lock, or throws naming the folder when another process holds it.
    init(directory: String, holder: String) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StorageError("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StorageError(
                "\(directory) is in use by a running thidua-server (it holds \(path)); \(holder)"
            )
        }
        self.descriptor = descriptor
    }

    deinit {
        close(self.descriptor)
    }
}
