import ThiduaModuleKit

/// A recorded fact about a unit's safety in a year: an accident, a fire or explosion, or the
/// year's count of occupational-disease cases.
public struct SafetyFact: Sendable, Equatable {
    /// Numbered as `thidua.green_clean.v1.GreenCleanFactKind`.
    public enum Kind: Int, Sendable, CaseIterable {
        case fatalWorkAccident = 1, seriousWorkAccident, seriousFireOrExplosion, occupationalDiseaseCases

        /// An event on a day, rather than a count over the year.
        public var isIncident: Bool { self != .occupationalDiseaseCases }

        var summary: String {
            switch self {
            case .fatalWorkAccident: "fatal work accident"
            case .seriousWorkAccident: "serious work accident"
            case .seriousFireOrExplosion: "serious fire or explosion"
            case .occupationalDiseaseCases: "occupational-disease cases"
            }
        }
    }

    public var id: String
    public var unitID: String
    public var kind: Kind
    public var year: Int
    /// The day of an incident; nil for a count of cases.
    public var occurredOn: CalendarDate?
    /// The occupational-disease cases of the year; 0 for an incident.
    public var cases: Int
    public var isRetracted: Bool

    public init(id: String, unitID: String, kind: Kind, year: Int, occurredOn: CalendarDate?, cases: Int, isRetracted: Bool) {
        self.id = id
        self.unitID = unitID
        self.kind = kind
        self.year = year
        self.occurredOn = occurredOn
        self.cases = cases
        self.isRetracted = isRetracted
    }
}

/// A fact that blocks a unit's recognition for a year.
public struct Disqualifier: Sendable, Equatable {
    public var factID: String
    public var kind: SafetyFact.Kind
    /// Names the fact: "fatal work accident on 2021-05-03 (gf3)".
    public var description: String

    public init(factID: String, kind: SafetyFact.Kind, description: String) {
        self.factID = factID
        self.kind = kind
        self.description = description
    }
}

extension SafetyFact {
    /// The facts among `facts` that disqualify `unitID` for `year` [practice: union guidance]:
    /// any fatal or serious work accident or serious fire or explosion of the year, and more
    /// occupational-disease cases in the year than in the year before (a year without a count
    /// has none). Retracted facts count for nothing.
    public static func disqualifiers(of unitID: String, year: Int, among facts: [SafetyFact]) -> [Disqualifier] {
        let live = facts.filter { $0.unitID == unitID && !$0.isRetracted }
        var found: [Disqualifier] = live
            .filter { $0.kind.isIncident && $0.year == year }
            .map { fact in
                let day = fact.occurredOn.map { " on \($0)" } ?? ""
                return Disqualifier(factID: fact.id, kind: fact.kind, description: "\(fact.kind.summary)\(day) (\(fact.id))")
            }
        let count = { (year: Int) in live.first { $0.kind == .occupationalDiseaseCases && $0.year == year } }
        if let current = count(year) {
            let previous = count(year - 1)?.cases ?? 0
            if current.cases > previous {
                found.append(Disqualifier(
                    factID: current.id,
                    kind: .occupationalDiseaseCases,
                    description: "more occupational-disease cases than the year before: \(current.cases) in \(year), \(previous) in \(year - 1) (\(current.id))"
                ))
            }
        }
        return found
    }
}
