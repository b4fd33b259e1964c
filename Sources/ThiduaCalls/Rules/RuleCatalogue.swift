/// Every rule a server raises, each declared once: what the host looks a refusal's rule up in to
/// write it in the client's language.
public struct RuleCatalogue: Sendable {
    /// The rules, by name.
    private let rulesByName: [String: RuleDescription]

    /// Builds the catalogue; throws when a rule is declared twice or is malformed
    /// (``RuleDescription/problems``).
    public init(_ rules: [RuleDescription]) throws(RuleCatalogueError) {
        var rulesByName: [String: RuleDescription] = [:]
        var problems: [String] = []
        for rule in rules {
            problems += rule.problems
            if rulesByName.updateValue(rule, forKey: rule.name) != nil {
                problems.append("rule \(rule.name) is declared twice")
            }
        }
        guard problems.isEmpty else { throw RuleCatalogueError(problems: problems) }
        self.rulesByName = rulesByName
    }

    /// The rule named `name`, if declared.
    public subscript(name: String) -> RuleDescription? {
        self.rulesByName[name]
    }

    /// Every rule, sorted by name.
    public var rules: [RuleDescription] {
        self.rulesByName.values.sorted { $0.name < $1.name }
    }
}

/// Rules that cannot make a catalogue: declared twice, or malformed.
public struct RuleCatalogueError: Error, CustomStringConvertible, Sendable {
    public let problems: [String]

    public var description: String {
        "the rule catalogue is inconsistent:\n  " + self.problems.joined(separator: "\n  ")
    }
}
