import Synchronization

/// Bytes of request messages held by calls in flight, against a limit: admission control, so
/// that many large requests at once are refused instead of decoded into more memory than the
/// server has.
final class RequestBudget: Sendable {
    let limit: Int
    private let used = Atomic<Int>(0)

    init(limit: Int) {
        self.limit = limit
    }

    /// Takes `bytes` unless that would pass the limit.
    func reserve(_ bytes: Int) -> Bool {
        let after = self.used.add(bytes, ordering: .relaxed).newValue
        guard after <= self.limit else {
            self.used.subtract(bytes, ordering: .relaxed)
            return false
        }
        return true
    }

    func release(_ bytes: Int) {
        self.used.subtract(bytes, ordering: .relaxed)
    }

    var inUse: Int { self.used.load(ordering: .relaxed) }
}
