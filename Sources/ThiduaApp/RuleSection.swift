import ThiduaCore
import ThiduaHost
import ThiduaModuleKit

/// The rules one part of the server declares, for docs/RULES.md and the module contract.
public struct RuleSection: Sendable {
    /// Who declares them: "calls", "host", "kit", "core" or a module's id.
    public let owner: String
    /// A heading for people.
    public let title: String
    public let rules: [RuleDescription]

    /// The sections of the server's own rules (the call layer, the host, the kit, the core),
    /// then one per module, in order.
    public static func all(modules: [any CampaignModule]) -> [RuleSection] {
        Self.server + modules.map { RuleSection(owner: $0.id, title: "Module \($0.id)", rules: $0.rules) }
    }

    /// The rules of the server itself, whatever modules it runs.
    public static let server: [RuleSection] = [
        RuleSection(owner: "calls", title: "Calls: every request", rules: CallRuleCatalogue.all),
        RuleSection(owner: "host", title: "Host: frames, handshake, connections and built-in services", rules: HostRuleCatalogue.all),
        RuleSection(owner: "kit", title: "Module kit: fields, ids, pages, campaigns", rules: KitRuleCatalogue.all),
        RuleSection(owner: "core", title: "Core: units, members, keys, campaigns, reviews, awards", rules: Core.rules),
    ]
}
