/// Registered vs recognised, counted per year and sector: the arithmetic of the report, free of I/O.
public struct RecognitionTally: Sendable, Equatable {
    /// Registrations counted by how far they went.
    public struct Figures: Sendable, Equatable {
        public var registered = 0
        /// Submitted for appraisal at least once.
        public var submitted = 0
        /// Appraised now: a return clears an appraisal.
        public var appraised = 0
        public var proposed = 0
        public var recognised = 0
        public var notRecognised = 0
        public var proposedUpward = 0

        public init() {}

        mutating func count(_ registration: Entry) {
            let lifecycle = registration.lifecycle
            self.registered += 1
            if lifecycle.round > 0 { self.submitted += 1 }
            if [.appraised, .proposed, .recognised, .notRecognised].contains(lifecycle.state) { self.appraised += 1 }
            if lifecycle.wasProposed { self.proposed += 1 }
            if lifecycle.state == .recognised { self.recognised += 1 }
            if lifecycle.state == .notRecognised { self.notRecognised += 1 }
            if lifecycle.proposedUpward { self.proposedUpward += 1 }
        }
    }

    /// One year: the total and the sectors with at least one registration.
    public struct Year: Sendable, Equatable {
        public var year: Int
        public var total = Figures()
        /// By `thidua.core.v1.Sector` number.
        public var bySector: [Int: Figures] = [:]
    }

    /// One registration as the report sees it.
    public struct Entry: Sendable, Equatable {
        public var unitID: String
        public var year: Int
        public var lifecycle: RegistrationLifecycle

        public init(unitID: String, year: Int, lifecycle: RegistrationLifecycle) {
            self.unitID = unitID
            self.year = year
            self.lifecycle = lifecycle
        }
    }

    /// Every year of the range, oldest first.
    public var years: [Year]
    /// Distinct units over the range.
    public var unitsRegistered: Int
    public var unitsRecognised: Int

    /// Counts the registrations of `years` whose unit is in `sectorOfUnit` (the units of the
    /// report's subtree, with their sector numbers); the others are outside the report.
    public init(_ entries: [Entry], years: ClosedRange<Int>, sectorOfUnit: [String: Int]) {
        var byYear = Dictionary(uniqueKeysWithValues: years.map { ($0, Year(year: $0)) })
        var registered: Set<String> = []
        var recognised: Set<String> = []
        for entry in entries where years.contains(entry.year) {
            guard let sector = sectorOfUnit[entry.unitID] else { continue }
            byYear[entry.year]!.total.count(entry)
            byYear[entry.year]!.bySector[sector, default: Figures()].count(entry)
            registered.insert(entry.unitID)
            if entry.lifecycle.state == .recognised { recognised.insert(entry.unitID) }
        }
        self.years = years.map { byYear[$0]! }
        self.unitsRegistered = registered.count
        self.unitsRecognised = recognised.count
    }
}
