import Synchronization

/// A number shared by every connection's event loop, increased by each call that takes one.
final class SequenceCounter: Sendable {
    private let value = Atomic<Int>(0)

    /// The next number, from 0; never the same twice in a run.
    func next() -> Int {
        self.value.wrappingAdd(1, ordering: .relaxed).oldValue
    }
}
