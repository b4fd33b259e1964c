import InnovationAPI
import ThiduaModuleKit

/// Counts of one subtree while a report is built, kept in the message they are served in.
struct TallyAccumulator {
    private var tally = InnovationTally()
    var authors: Set<String> = []

    mutating func add(state: InitiativeState, counted: Bool, count: Int, benefit: UInt64) {
        let count = UInt32(count)
        if state != .withdrawn { self.tally.filed += count }
        switch state {
        case .inReview: self.tally.inReview += count
        case .returned: self.tally.returned += count
        case .recognised, .published:
            self.tally.recognised += count
            self.tally.recognisedBenefitVnd += benefit
        case .withdrawn: self.tally.withdrawn += count
        default: break
        }
        if counted { self.tally.counted += count }
    }

    func message(unit: UnitReference) -> InnovationTally {
        var tally = self.tally
        tally.unitID = unit.id
        tally.unitName = unit.name
        tally.recognisedAuthors = UInt32(self.authors.count)
        return tally
    }
}
