@_exported import DialogueAPI
import ThiduaModuleKit

/// Workplace dialogue and collective bargaining in enterprises ("dialogue"): the dialogue
/// calendar of each enterprise, the lifecycle of its collective agreement, and coverage reports.
public struct DialogueModule: CampaignModule {
    public let id = "dialogue"
    public let version = "1.0.0"
    /// The rules that apply on any date no version added over the wire covers.
    public let builtInRules: DialogueRuleSet

    /// - Parameter builtInRules: the deployment's defaults; the Labour Code 2019 and Decree
    ///   145/2020 unless given.
    public init(builtInRules: DialogueRuleSet = .labourCode2019) {
        self.builtInRules = builtInRules
    }

    public var migrations: [Migration] { DialogueSchema.migrations }

    public var permissions: [PermissionDescription] { DialoguePermissions.all }

    public var rules: [RuleDescription] { DialogueRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        DialogueRuntime(context: context, rules: RuleBook(builtIn: self.builtInRules))
    }
}

/// The provisioned module: its services, on the host's context.
struct DialogueRuntime: ModuleRuntime {
    let context: ModuleContext
    let rules: RuleBook

    /// Refuses to start with built-in rules that are incomplete or inconsistent.
    func validate() async throws {
        do {
            try self.rules.builtIn.validate()
        } catch {
            throw DialogueConfigurationError(description: "the dialogue module's built-in rules are invalid: \(error.message)")
        }
    }

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addDescriptorSet(base64: DialogueProtoFiles.descriptorSetBase64)
        registrar.register(EnterprisesService(context: self.context, rules: self.rules))
        registrar.register(DialoguesService(context: self.context, rules: self.rules))
        registrar.register(AgreementsService(context: self.context, rules: self.rules))
        registrar.register(BargainingReportsService(context: self.context, rules: self.rules))
        registrar.register(DialogueRulesService(context: self.context, rules: self.rules))
    }
}

/// A start-up failure of the module's configuration.
struct DialogueConfigurationError: Error, CustomStringConvertible {
    let description: String
}
