@_exported import InnovationAPI
import Foundation
import ThiduaModuleKit

/// The innovation drive ("Lao động giỏi, lao động sáng tạo", "01 triệu sáng kiến"): initiatives
/// filed in the units' registers, recognised through the core's review workflow under Decree
/// 13/2012/NĐ-CP, counted toward campaigns of module "innovation", and feeding titles.
///
/// Construction has no side effects; ``provision(_:)`` registers the review observer and the
/// evidence of recognised initiatives that the title "Chiến sĩ thi đua cơ sở" needs.
public struct InnovationModule: CampaignModule {
    public let id = "innovation"
    public let version = "1.0.0"

    public init() {}

    public var migrations: [Migration] { InnovationSchema.migrations }

    public var permissions: [PermissionDescription] { InnovationPermissions.all }

    public var rules: [RuleDescription] { InnovationRuleCatalogue.all }

    public func provision(_ context: ModuleContext) async throws -> any ModuleRuntime {
        let follower = ReviewFollower(core: context.core, clock: context.clock)
        context.core.observeReviews(of: ReviewFollower.subjectType) { review, db in
            try follower.follow(review, in: db, keyID: review.byKeyID)
        }
        // A recognised initiative is a condition of "Chiến sĩ thi đua cơ sở": the core asks here
        // whenever the title is conferred.
        context.core.provideTitleEvidence(TitleEvidenceKind.recognisedInitiative) { query, db in
            try InitiativeStore.recognised(authoredBy: query.memberID, in: query.period, in: db).map(\.id)
        }
        return ModuleServices(descriptorSet: InnovationProtoFiles.descriptorSetBase64, [
            InitiativesService(core: context.core, clock: context.clock),
            InnovationReportsService(core: context.core),
            InnovationTitlesService(core: context.core),
        ])
    }
}
