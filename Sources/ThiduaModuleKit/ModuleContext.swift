import Foundation
import Logging

/// What the host gives a module when provisioning it. The module's tables (its migrations) are
/// reached only through `core`: every write goes through `core.mutate`, with its audit record,
/// change-feed entries and idempotency.
public struct ModuleContext: Sendable {
    /// The core: scope checks, reads, and the pipeline every mutating call goes through.
    public let core: any CoreAccess
    public let logger: Logger
    /// The time now; tests may fix it.
    public let clock: @Sendable () -> Date

    public init(core: any CoreAccess, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.core = core
        self.logger = logger
        self.clock = clock
    }

    /// Today's date in Vietnam (UTC+7), where the decisions are made.
    public var today: CalendarDate { CalendarDate(self.clock()) }
}
