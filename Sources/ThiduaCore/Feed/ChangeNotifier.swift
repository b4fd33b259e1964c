import Synchronization

/// Wakes the change-feed watchers after every commit, so a watcher reads new changes at once
/// instead of polling.
final class ChangeNotifier: Sendable {
    private let waiters = Mutex<[Int: AsyncStream<Void>.Continuation]>([:])
    private let nextID = Atomic<Int>(0)

    /// A stream that yields after each commit until the caller stops iterating.
    func commits() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let id = self.nextID.add(1, ordering: .relaxed).newValue
        self.waiters.withLock { $0[id] = continuation }
        continuation.onTermination = { [weak self] _ in
            _ = self?.waiters.withLock { $0.removeValue(forKey: id) }
        }
        return stream
    }

    func committed() {
        for waiter in self.waiters.withLock({ Array($0.values) }) {
            waiter.yield()
        }
    }
}
