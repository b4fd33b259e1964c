import Testing
import ThiduaModuleKit

@testable import Dialogue

/// The rule set: its defaults, its checks, and the figures computed from it.
@Suite struct DialogueRulesTests {
    @Test func theDefaultIsValid() throws {
        try DialogueRuleSet.labourCode2019.validate()
        #expect(DialogueRuleSet.labourCode2019.band(for: 1)?.minDelegates == 3)
        #expect(DialogueRuleSet.labourCode2019.band(for: 1000)?.minDelegates == 24)
        #expect(DialogueRuleSet.labourCode2019.band(for: 0) == nil)
    }

    @Test func bandsMustCoverEveryHeadcountContiguously() {
        var gap = DialogueRuleSet.labourCode2019
        gap.delegationBands[1].minEmployees = 51
        #expect(field(of: { try gap.validate() }) == "delegation_bands[1].min_employees")
        var bounded = DialogueRuleSet.labourCode2019
        bounded.delegationBands[5].maxEmployees = 5000
        #expect(field(of: { try bounded.validate() }) == "delegation_bands[5].max_employees")
        var empty = DialogueRuleSet.labourCode2019
        empty.delegationBands = []
        #expect(field(of: { try empty.validate() }) == "delegation_bands")
    }

    @Test func sharesTermsAndGradesAreChecked() {
        var quorum = DialogueRuleSet.labourCode2019
        quorum.periodicQuorumPercent = 100
        #expect(field(of: { try quorum.validate() }) == "periodic_quorum_percent")
        var terms = DialogueRuleSet.labourCode2019
        terms.minTermYears = 4
        #expect(field(of: { try terms.validate() }) == "min_term_years")
        var grades = DialogueRuleSet.labourCode2019
        grades.gradeThresholds.swapAt(0, 1)
        #expect(field(of: { try grades.validate() }) == "grade_thresholds[1]")
        var days = DialogueRuleSet.labourCode2019
        days.filingDays = 0
        #expect(field(of: { try days.validate() }) == "filing_days")
        var unnamed = DialogueRuleSet.labourCode2019
        unnamed.regulation = " "
        #expect(field(of: { try unnamed.validate() }) == "regulation")
    }

    @Test func coverageFigures() {
        let calculator = CoverageCalculator(asOf: day("2025-06-30"), rules: .labourCode2019)
        var inForce = AgreementRecord(unitID: "u1", title: "TƯ", requestedBy: .employer, requestedOn: day("2023-01-02"))
        inForce.stage = .filed
        inForce.signedOn = day("2023-02-01")
        inForce.filedOn = day("2023-02-05")
        inForce.effectiveFrom = day("2023-03-01")
        inForce.expiresOn = day("2025-08-31")
        inForce.qualityGrade = .gradeA
        let enterprises: [CoverageCalculator.Enterprise] = [
            .init(unitID: "u1", sector: 3, employees: 620, agreement: inForce, heldPeriodicDialogue: true),
            .init(unitID: "u2", sector: 3, employees: 95, agreement: nil, heldPeriodicDialogue: true),
            .init(unitID: "u3", sector: 6, employees: 180, agreement: nil, heldPeriodicDialogue: false),
        ]
        let coverage = calculator.coverage(of: enterprises)
        #expect(coverage.total.unionisedEnterprises == 3)
        #expect(coverage.total.withAgreementInForce == 1)
        #expect(coverage.total.agreementSharePermille == 333)
        #expect(coverage.total.periodicDialogueSharePermille == 666)
        #expect(coverage.total.employees == 895)
        #expect(coverage.total.employeesCoveredByAgreement == 620)
        #expect(coverage.bySector.map(\.sector) == [3, 6])
        #expect(coverage.bySector[0].figures.agreementSharePermille == 500)
        #expect(coverage.grades.map(\.grade) == [.gradeA])
        #expect(coverage.expiring == 1)
        #expect(calculator.windowEndsOn == day("2025-09-28"))
        #expect(CoverageCalculator.permille(0, of: 0) == 0)
    }
}

/// The field a refusal names; nil when nothing was refused.
func field(of step: () throws -> Void) -> String? {
    do {
        try step()
        return nil
    } catch let error as RPCError {
        return error.details.first?.field
    } catch {
        return "not an RPCError: \(error)"
    }
}
