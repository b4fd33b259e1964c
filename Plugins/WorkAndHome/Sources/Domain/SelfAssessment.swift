import ThiduaModuleKit

/// Her assessment of one criterion, checked.
struct CriterionAssessment: Sendable, Equatable {
    let code: String
    let met: Bool
    let note: String
    let evidence: [String]
}

/// A self-assessment covers every criterion of the registration's version once, and a criterion
/// she says she meets is backed by evidence.
enum SelfAssessment {
    static let maxEvidence = 20
    static let maxEvidenceLength = 300

    /// The assessments in the criteria's order, or the first rule they break.
    static func validated(_ items: [WorkAndHomeAssessment], criteria: [String]) throws(RPCError) -> [CriterionAssessment] {
        var byCode: [String: CriterionAssessment] = [:]
        for (index, item) in items.enumerated() {
            let field = "assessments[\(index)]"
            let code = try Fields.text(item.criterionCode, field: "\(field).criterion_code", maxLength: 32)
            guard criteria.contains(code) else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).criterion_code is \"\(code)\"; the criteria are \(criteria.joined(separator: ", "))",
                    field: "\(field).criterion_code",
                    rule: "work_and_home.criterion_unknown",
                    values: ["code": code]
                )
            }
            guard byCode[code] == nil else {
                throw RPCError(
                    .invalidArgument, "criterion \(code) is assessed twice", field: "\(field).criterion_code", rule: "work_and_home.criterion_repeated",
                    values: ["code": code]
                )
            }
            var evidence: [String] = []
            for (position, reference) in try Fields.list(item.evidence, field: "\(field).evidence", maxItems: Self.maxEvidence).enumerated() {
                evidence.append(try Fields.text(reference, field: "\(field).evidence[\(position)]", maxLength: Self.maxEvidenceLength))
            }
            guard !item.met || !evidence.isEmpty else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(code) is met only with evidence: a decision, a certificate, minutes…",
                    field: "\(field).evidence",
                    rule: "work_and_home.evidence_required"
                )
            }
            byCode[code] = CriterionAssessment(code: code, met: item.met, note: try Fields.note(item.note, field: "\(field).note"), evidence: evidence)
        }
        let missing = criteria.filter { byCode[$0] == nil }
        guard missing.isEmpty else {
            throw RPCError(
                .invalidArgument,
                "every criterion is assessed; missing: \(missing.joined(separator: ", "))",
                field: "assessments",
                rule: "work_and_home.criteria_missing",
                values: ["criteria": missing.joined(separator: ", ")]
            )
        }
        return criteria.compactMap { byCode[$0] }
    }
}
