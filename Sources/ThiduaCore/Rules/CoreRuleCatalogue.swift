import ThiduaModuleKit

extension Core {
    /// The rules the core's refusals name besides the call layer's, the host's and the kit's.
    public static var rules: [RuleDescription] { CoreRuleCatalogue.all }
}

/// The core's rules, declared by area in the extensions of this type.
enum CoreRuleCatalogue {
    static let all: [RuleDescription] = access + units + members + campaigns + reviews + awards + records
}
