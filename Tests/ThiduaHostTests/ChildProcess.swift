import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A child process started with `posix_spawn`, its stdin on /dev/null and its stdout and stderr
/// on pipes the test reads.
///
/// Foundation's `Process.run()` on Linux (Swift 6.3.1) crashes now and then while it lists
/// /proc/self/fd (swift-corelibs-foundation#5472, a read past the end of a `dirent`), which made
/// these tests fail at random; spawning directly avoids that code.
final class ChildProcess: Sendable {
    let pid: pid_t
    /// The read end of the child's stdout.
    let stdout: FileHandle
    /// The read end of the child's stderr; nil when stderr goes to /dev/null.
    let stderr: FileHandle?
    private let exit = ExitStatus()

    /// `environment` is added to this process's own, replacing a variable of the same name.
    init(_ executable: URL, arguments: [String], environment: [String: String] = [:], keepStderr: Bool = true) throws {
        let output = try Self.pipe()
        let errors = keepStderr ? try Self.pipe() : nil
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        if let errors {
            posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { _, given in given }
        let envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable.path, &actions, nil, argv, envp)
        // The child holds its own copies of the write ends; closing ours lets the reads end.
        close(output.write)
        if let errors { close(errors.write) }
        guard result == 0 else {
            close(output.read)
            if let errors { close(errors.read) }
            throw SpawnFailed(path: executable.path, code: result)
        }
        self.pid = pid
        self.stdout = FileHandle(fileDescriptor: output.read, closeOnDealloc: true)
        self.stderr = errors.map { FileHandle(fileDescriptor: $0.read, closeOnDealloc: true) }
        self.exit.wait(for: pid)
    }

    /// Sends SIGTERM.
    func terminate() {
        kill(self.pid, SIGTERM)
    }

    /// The exit status, or the number of the signal that ended the child (as `Process` reports).
    func status() async -> Int32 {
        await self.exit.status()
    }

    /// A pipe whose two ends are closed in every child spawned later; the spawn's dup2 clears the
    /// flag on the copies the child uses. (Glibc's `pipe2` is not visible from Swift; the suites
    /// that spawn run serialized, so no spawn falls between `pipe` and `fcntl`.)
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard Glibc.pipe(&ends) == 0 else { throw SpawnFailed(path: "pipe", code: errno) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        return (ends[0], ends[1])
    }
}

struct SpawnFailed: Error, CustomStringConvertible {
    let path: String
    let code: Int32
    var description: String { "cannot start \(self.path): \(String(cString: strerror(self.code)))" }
}

/// The exit status of a child, reaped on a Dispatch thread and awaited by any number of callers.
private final class ExitStatus: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int32?
    private var waiters: [CheckedContinuation<Int32, Never>] = []

    func wait(for pid: pid_t) {
        DispatchQueue.global().async {
            var raw: Int32 = 0
            while waitpid(pid, &raw, 0) == -1 && errno == EINTR {}
            // WIFEXITED: the low 7 bits are zero and the status is in the next byte; otherwise
            // they hold the signal.
            let status = raw & 0x7f == 0 ? (raw >> 8) & 0xff : raw & 0x7f
            self.lock.lock()
            self.value = status
            let waiters = self.waiters
            self.waiters = []
            self.lock.unlock()
            for waiter in waiters { waiter.resume(returning: status) }
        }
    }

    func status() async -> Int32 {
        await withCheckedContinuation { continuation in
            self.lock.lock()
            if let value = self.value {
                self.lock.unlock()
                continuation.resume(returning: value)
            } else {
                self.waiters.append(continuation)
                self.lock.unlock()
            }
        }
    }
}
