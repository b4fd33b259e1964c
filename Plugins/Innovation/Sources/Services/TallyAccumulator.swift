import InnovationAPI
import ThiduaModuleKit

/// Counts of one subtree while a report is built.
struct TallyAccumulator {
    var filed = 0, inReview = 0, returned = 0, recognised = 0, counted = 0, withdrawn = 0
    var benefit: UInt64 = 0
    var authors: Set<String> = []

    mutating func add(state: InitiativeState, counted: Bool, count: Int, benefit: UInt64) {
        if state != .withdrawn { self.filed += count }
        switch state {
        case .inReview: self.inReview += count
        case .returned: self.returned += count
        case .recognised, .published:
            self.recognised += count
            self.benefit += benefit
        case .withdrawn: self.withdrawn += count
        default: break
        }
        if counted { self.counted += count }
    }

    func message(unit: UnitReference) -> InnovationTally {
        .with {
            $0.unitID = unit.id
            $0.unitName = unit.name
            $0.filed = UInt32(self.filed)
            $0.inReview = UInt32(self.inReview)
            $0.returned = UInt32(self.returned)
            $0.recognised = UInt32(self.recognised)
            $0.counted = UInt32(self.counted)
            $0.withdrawn = UInt32(self.withdrawn)
            $0.recognisedBenefitVnd = self.benefit
            $0.recognisedAuthors = UInt32(self.authors.count)
        }
    }
}
