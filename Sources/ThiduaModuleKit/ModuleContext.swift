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

/// A module's service that works from the module's context: it reaches the core and today's
/// date without repeating `self.context.…`.
public protocol ModuleService: Sendable {
    var context: ModuleContext { get }
}

extension ModuleService {
    /// The core, as the context gives it.
    public var core: any CoreAccess { self.context.core }
    /// Today's date in Vietnam, from the context's clock.
    public var today: CalendarDate { self.context.today }
}
