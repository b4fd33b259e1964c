@_exported import GreenCleanAPI
import ThiduaModuleKit

/// Green-clean-beautiful ("Xanh – Sạch – Đẹp, Bảo đảm ATVSLĐ", "Sáng, Xanh, Sạch, Đẹp"): yearly
/// registration, self-assessment on a versioned criteria sheet, appraisal by the launching unit,
/// recognition with a Giấy khen through the core's awards, hard disqualifiers recorded as facts,
/// and the report of registered vs recognised units by year and sector.
public struct GreenCleanModule: CampaignModule {
    /// The module id: campaigns of this module name it, and it prefixes the permissions.
    public static let moduleID = "green_clean"

    public let id = Self.moduleID
    public let version = "1.0.0"
    public let settings: GreenCleanSettings

    /// Constructing the module has no side effects; ``provision(_:)`` builds its running part.
    public init(settings: GreenCleanSettings = GreenCleanSettings()) {
        self.settings = settings
    }

    public var migrations: [Migration] { GreenCleanSchema.migrations }

    public var permissions: [PermissionDescription] { GreenCleanPermissions.all }

    public var rules: [RuleDescription] { GreenCleanRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        ModuleServices(descriptorSet: GreenCleanProtoFiles.descriptorSetBase64, [
            SheetsService(context: context),
            RegistrationsService(context: context, settings: self.settings),
            SafetyFactsService(context: context),
            ReportsService(context: context),
        ])
    }
}

/// What a deployment may change; the defaults follow the union guidance.
public struct GreenCleanSettings: Sendable, Equatable {
    /// The award form granted on recognition, as coded in the core's catalogue.
    public var recognitionAwardForm: String

    public init(recognitionAwardForm: String = "giay_khen") {
        self.recognitionAwardForm = recognitionAwardForm
    }
}
