import Synchronization

/// Whether the server is serving, and the streams of the clients watching it.
final class HealthMonitor: Sendable {
    private struct State {
        var serving = true
        var watchers: [Int: AsyncStream<Bool>.Continuation] = [:]
        var nextWatcherID = 0
    }

    private let state = Mutex(State())

    var isServing: Bool { self.state.withLock { $0.serving } }

    /// The current serving flag, then every change. Finishes after the server stops serving.
    func updates() -> AsyncStream<Bool> {
        let (stream, continuation) = AsyncStream<Bool>.makeStream()
        let serving = self.state.withLock { state in
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            if state.serving {
                state.watchers[id] = continuation
                continuation.onTermination = { [weak self] _ in
                    _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
                }
            }
            return state.serving
        }
        continuation.yield(serving)
        if !serving { continuation.finish() }
        return stream
    }

    /// The server is shutting down: every watcher hears NOT_SERVING and its stream ends.
    func stopServing() {
        let watchers = self.state.withLock { state in
            state.serving = false
            defer { state.watchers.removeAll() }
            return Array(state.watchers.values)
        }
        for watcher in watchers {
            watcher.yield(false)
            watcher.finish()
        }
    }
}
