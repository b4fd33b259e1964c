import Foundation
import Logging

/// What the host gives a module when provisioning it.
public struct ModuleContext: Sendable {
    /// The shared database; the module's own tables are in its migrations.
    public let storage: Storage
    /// The core: scope checks, and the pipeline every mutating call goes through.
    public let core: any CoreAccess
    public let logger: Logger
    /// The time now; tests may fix it.
    public let clock: @Sendable () -> Date

    public init(storage: Storage, core: any CoreAccess, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.storage = storage
        self.core = core
        self.logger = logger
        self.clock = clock
    }

    /// Today's date in Vietnam (UTC+7), where the decisions are made.
    public var today: CalendarDate { CalendarDate(self.clock()) }
}
