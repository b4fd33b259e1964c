import ThiduaModuleKit

/// Her assessment of one criterion, checked.
struct CriterionAssessment: Sendable, Equatable {
    let code: String
    let met: Bool
    let note: String
    let evidence: [String]
}

/// A self-assessment covers every criterion of the registration's version once, and a criterion
/// she says she meets is backed by evidence: the kit's `SelfAssessmentCheck`.
enum SelfAssessment {
    /// The assessments in the criteria's order, or the first rule they break.
    static func validated(_ items: [WorkAndHomeAssessment], criteria: [String]) throws(RPCError) -> [CriterionAssessment] {
        try SelfAssessmentCheck(criteria: criteria, field: "assessments").check(
            items, code: \.criterionCode, evidence: \.evidence, claims: \.met
        ) { item, field, code, evidence throws(RPCError) in
            CriterionAssessment(code: code, met: item.met, note: try Fields.note(item.note, field: "\(field).note"), evidence: evidence)
        }
    }
}
