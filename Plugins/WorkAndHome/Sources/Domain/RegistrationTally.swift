import ThiduaModuleKit

/// Counts registrations by state, per unit and per sector, and renders the report.
struct RegistrationTally {
    private let units: [UnitReference]
    private var figures: [String: WorkAndHomeFigures] = [:]

    /// `units` in the order the report lists them.
    init(units: [UnitReference]) {
        self.units = units
    }

    /// Adds `count` registrations of `unitID` in `state`.
    mutating func add(_ count: Int, in state: WorkAndHomeState, of unitID: String) {
        self.figures[unitID, default: WorkAndHomeFigures()].add(count, in: state)
    }

    func report(of rootID: String, year: UInt32) -> WorkAndHomeReport {
        var sectors: [Int: WorkAndHomeFigures] = [:]
        var total = WorkAndHomeFigures()
        let units = self.units.compactMap { unit -> WorkAndHomeUnitFigures? in
            guard let figures = self.figures[unit.id] else { return nil }
            sectors[unit.sector.rawValue, default: WorkAndHomeFigures()].add(figures)
            total.add(figures)
            return .with {
                $0.unitID = unit.id
                $0.unitName = unit.name
                $0.sector = UInt32(unit.sector.rawValue)
                $0.figures = figures
            }
        }
        return .with {
            $0.unitID = rootID
            $0.year = year
            $0.units = units
            $0.sectors = sectors.keys.sorted().map { sector in .with { $0.sector = UInt32(sector); $0.figures = sectors[sector]! } }
            $0.total = total
        }
    }
}

extension WorkAndHomeFigures {
    mutating func add(_ count: Int, in state: WorkAndHomeState) {
        let count = UInt32(count)
        self.registered += count
        switch state {
        case .proposed: self.inReview += count
        case .returned: self.returned += count
        case .recognised, .published: self.recognised += count
        default: break
        }
    }

    mutating func add(_ other: WorkAndHomeFigures) {
        self.registered += other.registered
        self.inReview += other.inReview
        self.returned += other.returned
        self.recognised += other.recognised
    }
}
