@_exported import WorkAndHomeAPI
import ThiduaModuleKit

/// "Giỏi việc nước, đảm việc nhà": women union members of grassroots unions register each year,
/// assess themselves on the campaign's criteria (at work, at home, in the community) with
/// evidence, and are proposed for recognition through the core's review workflow when they meet
/// every criterion; the report counts registered against recognised per unit and sector.
public struct WorkAndHomeModule: CampaignModule {
    /// Campaigns of this module name it; it namespaces the services, permissions and tables.
    public static let moduleID = "work_and_home"

    public let id = Self.moduleID
    public let version = "1.0.0"

    public init() {}

    public var migrations: [Migration] { WorkAndHomeSchema.migrations }

    public var permissions: [PermissionDescription] {
        [
            PermissionDescription(WorkAndHomePermissions.read, "Read the criteria, the registrations and the report"),
            PermissionDescription(WorkAndHomePermissions.register, "Register women members for a year and record their self-assessments"),
            PermissionDescription(WorkAndHomePermissions.propose, "Propose a registered member for recognition, or send a returned proposal in again"),
        ]
    }

    public var rules: [RuleDescription] { WorkAndHomeRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        let follower = ReviewFollower(context: context)
        context.core.observeReviews(of: ReviewFollower.subjectType, follower.follow)
        return ModuleServices(descriptorSet: WorkAndHomeProtoFiles.descriptorSetBase64, [
            CriteriaService(context: context),
            RegistrationsService(context: context),
            ReportsService(context: context),
        ])
    }
}

/// The permissions the module's methods need, over the key's subtree.
enum WorkAndHomePermissions {
    static let read = "work_and_home.read"
    static let register = "work_and_home.register"
    static let propose = "work_and_home.propose"
}
