import ThiduaModuleKit

extension ModuleContract {
    /// Who declares each of the server's own rules: "calls", "host", "kit" or "core".
    static var serverRuleOwners: [String: String] {
        var owners: [String: String] = [:]
        for section in RuleSection.server {
            for rule in section.rules { owners[rule.name] = section.owner }
        }
        return owners
    }

    /// What is wrong with the rules `module` declares: a rule outside its namespace `<id>.`, or
    /// in a namespace the server's own rules use, one that `owners` (the server and the modules
    /// checked before) already declare, or a malformed declaration. Adds the module's rules to
    /// `owners`.
    static func ruleProblems(of module: any CampaignModule, owners: inout [String: String]) -> [String] {
        let id = module.id
        var problems: [String] = []
        let serverNamespaces = Set(RuleSection.server.flatMap(\.rules).map { $0.name.prefix { $0 != "." } })
        if serverNamespaces.contains(Substring(id)) && !module.rules.isEmpty {
            problems.append("\(id)'s rules would be named \"\(id).<rule>\", a namespace of the server's own rules")
        }
        for rule in module.rules {
            if !rule.name.hasPrefix("\(id).") {
                problems.append("\(id) declares the rule \"\(rule.name)\"; its rules are named \"\(id).<rule>\"")
            }
            if let owner = owners[rule.name] {
                problems.append("\(id) and \(owner) both declare the rule \"\(rule.name)\"")
            }
            owners[rule.name] = id
            problems += rule.problems.map { "\(id): \($0)" }
        }
        return problems
    }
}
