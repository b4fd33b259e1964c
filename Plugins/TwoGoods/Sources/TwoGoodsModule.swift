@_exported import TwoGoodsAPI
import ThiduaModuleKit

/// Two-goods teaching ("Hai tốt": Dạy tốt – Học tốt; "Tự học, tự bồi dưỡng"): school unions in
/// school-year campaigns of two rounds with their reviews, teachers' records, collective results
/// and the yearly commendations.
///
/// Construction has no side effects; ``provision(_:)`` builds the running part.
public struct TwoGoodsModule: CampaignModule {
    /// The module id, which namespaces its services, migrations and permissions.
    public static let moduleID = "two_goods"

    public let id = TwoGoodsModule.moduleID
    public let version = "1.0.0"

    public init() {}

    public var migrations: [Migration] { TwoGoodsSchema.migrations }

    public var permissions: [PermissionDescription] { TwoGoodsPermissions.all }

    public var rules: [RuleDescription] { TwoGoodsRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        // The commendations' revocation dates follow the core's awards, those revoked while the
        // module was not loaded too.
        try await context.core.observeAwardRevocations(
            standing: { db in try CommendationStore.standingAwardIDs(in: db) },
            { awardID, date, db in try CommendationStore.revoke(awardID: awardID, on: date, in: db) }
        )
        return ModuleServices(
            descriptorSet: TwoGoodsProtoFiles.descriptorSetBase64,
            [TwoGoodsService(core: context.core, clock: context.clock)]
        )
    }
}
