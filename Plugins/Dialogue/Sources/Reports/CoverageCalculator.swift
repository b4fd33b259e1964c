import DialogueAPI
import ThiduaModuleKit

/// The coverage figures of a set of enterprises on a date, computed from their records. Pure:
/// the reports service reads the records and hands them over.
struct CoverageCalculator {
    /// What the report needs to know of one enterprise on the date.
    struct Enterprise: Sendable, Equatable {
        let unitID: String
        let sector: Int
        let employees: Int
        /// The agreement that applies on the date, if any.
        let agreement: AgreementRecord?
        let heldPeriodicDialogue: Bool
        /// A signed agreement whose copy is not recorded as filed, past the days to file it.
        var copyOverdue = false
    }

    let asOf: CalendarDate
    let rules: DialogueRuleSet

    /// The agreement that applies to an enterprise on the date: the latest of those in force.
    func agreementInForce(among agreements: [AgreementRecord]) -> AgreementRecord? {
        agreements.filter { AgreementLifecycle.inForceStates.contains(self.state(of: $0)) }.max { $0.row < $1.row }
    }

    /// Whether a periodic dialogue was held in the date's year, on or before the date.
    func heldPeriodicDialogue(among dialogues: [DialogueRecord]) -> Bool {
        dialogues.contains { $0.isHeldPeriodic && $0.heldOn.map { $0.year == self.asOf.year && $0 <= self.asOf } == true }
    }

    func state(of agreement: AgreementRecord) -> AgreementState {
        AgreementLifecycle.state(of: agreement, on: self.asOf, rules: self.rules)
    }

    /// Whether one of the agreements is signed, its copy not recorded as filed, and the last day
    /// to file it (under `rulesOnSigning`, the rules in force on its signing day) is past.
    func copyOverdue(among agreements: [AgreementRecord], rulesOnSigning: (CalendarDate) throws -> DialogueRuleSet) rethrows -> Bool {
        try agreements.contains { agreement in
            guard agreement.stage == .signed, let signedOn = agreement.signedOn, signedOn <= self.asOf else { return false }
            return AgreementLifecycle.copyDueOn(signedOn: signedOn, rules: try rulesOnSigning(signedOn)) < self.asOf
        }
    }

    /// The last day of the expiring window.
    var windowEndsOn: CalendarDate { self.asOf.adding(days: Int(self.rules.expiringHorizonDays)) }

    /// Whether an agreement in force on the date stops applying within the window.
    func isExpiring(_ agreement: AgreementRecord) -> Bool {
        guard AgreementLifecycle.inForceStates.contains(self.state(of: agreement)), let endsOn = agreement.endsOn else { return false }
        return endsOn <= self.windowEndsOn
    }

    func figures(of enterprises: [Enterprise]) -> BargainingCoverageFigures {
        let covered = enterprises.filter { $0.agreement != nil }
        let withDialogue = enterprises.filter(\.heldPeriodicDialogue).count
        return .with {
            $0.unionisedEnterprises = UInt32(enterprises.count)
            $0.withAgreementInForce = UInt32(covered.count)
            $0.agreementSharePermille = Self.permille(covered.count, of: enterprises.count)
            $0.withPeriodicDialogue = UInt32(withDialogue)
            $0.periodicDialogueSharePermille = Self.permille(withDialogue, of: enterprises.count)
            $0.employees = UInt64(enterprises.reduce(0) { $0 + $1.employees })
            $0.employeesCoveredByAgreement = UInt64(covered.reduce(0) { $0 + $1.employees })
            $0.filedLate = UInt32(covered.filter { $0.agreement?.filedLate == true }.count)
            $0.copiesOverdue = UInt32(enterprises.filter(\.copyOverdue).count)
        }
    }

    /// The whole report: totals, by sector (in sector order), grades of the agreements in force,
    /// and how many of them expire within the window.
    func coverage(of enterprises: [Enterprise]) -> (total: BargainingCoverageFigures, bySector: [BargainingSectorCoverage], grades: [AgreementGradeCount], expiring: Int) {
        let bySector = Dictionary(grouping: enterprises, by: \.sector).sorted { $0.key < $1.key }.map { sector, members in
            BargainingSectorCoverage.with {
                $0.sector = UInt32(sector)
                $0.figures = self.figures(of: members)
            }
        }
        let inForce = enterprises.compactMap(\.agreement)
        let grades = Dictionary(grouping: inForce, by: \.qualityGrade).sorted { $0.key.rawValue < $1.key.rawValue }.map { grade, agreements in
            AgreementGradeCount.with {
                $0.grade = grade
                $0.agreements = UInt32(agreements.count)
            }
        }
        return (self.figures(of: enterprises), bySector, grades, inForce.filter(self.isExpiring).count)
    }

    /// `part / whole` in tenths of a percent, rounded down; 0 for an empty whole.
    static func permille(_ part: Int, of whole: Int) -> UInt32 {
        whole == 0 ? 0 : UInt32(part * 1000 / whole)
    }
}
