/// The check of a self-assessment against a campaign's criteria, with one set of rules whichever
/// module's criteria they are: each item names a criterion in force (`criteria.unknown`) once
/// (`field.duplicate`); its evidence is at most ``maxEvidence`` one-line references of at most
/// ``maxEvidenceLength`` characters (`field.max_items`, `field.required`, `field.max_length`,
/// `criteria.evidence_line`) and is given whenever the item claims the criterion
/// (`criteria.evidence_required`); and every criterion is covered (`criteria.missing`).
public struct SelfAssessmentCheck: Sendable {
    public static let maxEvidence = 20
    public static let maxEvidenceLength = 300

    /// The codes of the criteria in force, in their order.
    public let criteria: [String]
    /// The request field of the items, such as "scores".
    public let field: String

    public init(criteria: [String], field: String) {
        self.criteria = criteria
        self.field = field
    }

    /// Checks `items`, each given by its criterion code, its evidence and whether it claims the
    /// criterion (points above 0, "met"). `rest` checks what is the module's own in an item, given
    /// the item, its field path (such as "scores[2]"), its criterion code and its evidence, both
    /// checked and trimmed: use those, not the item's own. Returns the checked items in the
    /// criteria's order.
    public func check<Item, Checked>(
        _ items: [Item],
        code: (Item) -> String,
        evidence: (Item) -> [String],
        claims: (Item) -> Bool,
        rest: (Item, _ field: String, _ code: String, _ evidence: [String]) throws(RPCError) -> Checked
    ) throws(RPCError) -> [Checked] {
        var byCode: [String: Checked] = [:]
        for (index, item) in items.enumerated() {
            let field = "\(self.field)[\(index)]"
            let code = try Fields.text(code(item), field: "\(field).criterion_code", maxLength: 64)
            guard self.criteria.contains(code) else {
                throw RPCError(
                    .invalidArgument, "\(field).criterion_code is \"\(code)\"; the criteria are \(self.criteria.joined(separator: ", "))",
                    field: "\(field).criterion_code", rule: "criteria.unknown", values: ["code": code]
                )
            }
            guard byCode[code] == nil else {
                throw RPCError(.invalidArgument, "criterion \(code) is given twice", field: "\(field).criterion_code", rule: "field.duplicate")
            }
            let references = try Self.references(evidence(item), field: "\(field).evidence")
            let checked = try rest(item, field, code, references)
            guard !claims(item) || !references.isEmpty else {
                throw RPCError(
                    .invalidArgument, "criterion \(code) is claimed only with evidence: a decision, a certificate, minutes…",
                    field: "\(field).evidence", rule: "criteria.evidence_required", values: ["code": code]
                )
            }
            byCode[code] = checked
        }
        let missing = self.criteria.filter { byCode[$0] == nil }
        guard missing.isEmpty else {
            let list = missing.joined(separator: ", ")
            throw RPCError(
                .invalidArgument, "every criterion is assessed; missing: \(list)",
                field: self.field, rule: "criteria.missing", values: ["criteria": list]
            )
        }
        return self.criteria.compactMap { byCode[$0] }
    }

    private static func references(_ references: [String], field: String) throws(RPCError) -> [String] {
        var checked: [String] = []
        for (index, reference) in try Fields.list(references, field: field, maxItems: Self.maxEvidence).enumerated() {
            let text = try Fields.text(reference, field: "\(field)[\(index)]", maxLength: Self.maxEvidenceLength)
            guard !text.contains("\n") else {
                throw RPCError(.invalidArgument, "\(field)[\(index)] must be one line", field: "\(field)[\(index)]", rule: "criteria.evidence_line")
            }
            checked.append(text)
        }
        return checked
    }
}
