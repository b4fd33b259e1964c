import GRDB
import Synchronization

/// Batches concurrent writes into shared transactions.
///
/// With `synchronous=FULL` every commit waits for the disk, so committing each call on its own caps
/// the server at the disk's flush rate. Here the writer takes every write queued while the previous
/// transaction committed, runs each in its own savepoint inside one new transaction, and commits
/// once: a failing write rolls back alone, and every caller hears back only after the commit that
/// holds its change.
public final class GroupCommitWriter: Sendable {
    private struct State {
        var queue: [any PendingWrite] = []
        var draining = false
    }

    private let pool: DatabasePool
    private let maxBatch: Int
    private let state = Mutex(State())
    private let commitObservers = Mutex<[@Sendable () -> Void]>([])

    init(pool: DatabasePool, maxBatch: Int) {
        self.pool = pool
        self.maxBatch = maxBatch
    }

    /// Calls `observer` after every commit, on the writer's thread; it must be quick.
    public func onCommit(_ observer: @escaping @Sendable () -> Void) {
        self.commitObservers.withLock { $0.append(observer) }
    }

    /// Runs `body` in a savepoint of a shared transaction; returns its result after the commit.
    public func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = Job(body: body, continuation: continuation)
            let mustStart = self.state.withLock { state in
                state.queue.append(job)
                guard !state.draining else { return false }
                state.draining = true
                return true
            }
            if mustStart {
                self.pool.asyncWriteWithoutTransaction { db in self.drain(db) }
            }
        }
    }

    /// Runs on the pool's writer until the queue is empty.
    private func drain(_ db: GRDB.Database) {
        while true {
            let batch = self.state.withLock { state -> [any PendingWrite] in
                let batch = Array(state.queue.prefix(self.maxBatch))
                state.queue.removeFirst(batch.count)
                if batch.isEmpty { state.draining = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                try db.inTransaction {
                    for job in batch { try job.run(in: db) }
                    return .commit
                }
                for observer in self.commitObservers.withLock({ $0 }) { observer() }
                for job in batch { job.complete() }
            } catch {
                for job in batch { job.fail(error) }
            }
        }
    }
}

private protocol PendingWrite: Sendable {
    func run(in db: GRDB.Database) throws
    func complete()
    func fail(_ error: any Error)
}

private final class Job<T: Sendable>: PendingWrite, @unchecked Sendable {
    private let body: @Sendable (Database) throws -> T
    private let continuation: CheckedContinuation<T, any Error>
    /// Written and read only on the writer's thread.
    private var result: Result<T, any Error>?

    init(body: @escaping @Sendable (Database) throws -> T, continuation: CheckedContinuation<T, any Error>) {
        self.body = body
        self.continuation = continuation
    }

    /// Runs the body in a savepoint of its own; a failing body is rolled back alone and its
    /// error kept for its caller. Throws only when the savepoint itself fails, which ends the
    /// whole batch. The savepoint statements come from the connection's statement cache: GRDB's
    /// `inSavepoint` compiles them anew for every write.
    func run(in db: GRDB.Database) throws {
        try db.cachedStatement(sql: "SAVEPOINT write").execute()
        do {
            self.result = .success(try self.body(Database(SQLiteSession(database: db))))
            try db.cachedStatement(sql: "RELEASE SAVEPOINT write").execute()
        } catch {
            self.result = .failure(error)
            try db.cachedStatement(sql: "ROLLBACK TO SAVEPOINT write").execute()
            try db.cachedStatement(sql: "RELEASE SAVEPOINT write").execute()
        }
    }

    func complete() {
        self.continuation.resume(with: self.result ?? .failure(StorageError("a write produced no result")))
    }

    func fail(_ error: any Error) {
        self.continuation.resume(throwing: error)
    }
}
