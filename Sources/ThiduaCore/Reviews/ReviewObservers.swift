import Synchronization
import ThiduaModuleKit

/// The modules' observers of review moves, by subject type. Filled while modules are provisioned,
/// read on every move.
final class ReviewObservers: Sendable {
    private let observers = Mutex<[String: [ReviewObserver]]>([:])

    func add(_ observer: @escaping ReviewObserver, for subjectType: String) {
        self.observers.withLock { $0[subjectType, default: []].append(observer) }
    }

    /// Tells the observers of the review's subject type; the first that throws refuses the move.
    func moved(_ review: ReviewReference, in db: Database) throws {
        let observers = self.observers.withLock { $0[review.subjectType] ?? [] }
        for observer in observers {
            try observer(review, db)
        }
    }
}
