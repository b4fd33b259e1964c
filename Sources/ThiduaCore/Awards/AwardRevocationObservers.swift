import Synchronization
import ThiduaModuleKit

/// The modules' observers of award revocations. Filled while modules are provisioned, told
/// inside every revocation's transaction.
final class AwardRevocationObservers: Sendable {
    private let observers = Mutex<[AwardRevocationObserver]>([])

    func add(_ observer: @escaping AwardRevocationObserver) {
        self.observers.withLock { $0.append(observer) }
    }

    /// Tells every observer; the first that throws refuses the revocation.
    func revoked(_ awardID: String, on date: CalendarDate, in db: Database) throws {
        for observer in self.observers.withLock({ $0 }) {
            try observer(awardID, date, db)
        }
    }
}
