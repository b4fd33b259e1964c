import ThiduaModuleKit

/// The core's campaigns as this module uses them.
struct CampaignAccess: Sendable {
    let core: any CoreAccess

    /// The campaign a request names, if the key may see it, of module "two_goods" (rule
    /// `campaign.module`) and over a school year in two rounds (FAILED_PRECONDITION, rule
    /// `two_goods.school_year_campaign`).
    func require(_ campaignID: String, field: String, within principal: Principal, in db: Database) throws -> CampaignReference {
        let campaign = try self.core.campaign(campaignID, within: principal, field: field, in: db)
        try campaign.require(module: TwoGoodsModule.moduleID, field: field)
        guard campaign.isSchoolYear, campaign.rounds.count == 2 else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(campaign.id) runs over a calendar year; two-goods teaching follows the school year in two rounds",
                field: field,
                rule: "two_goods.school_year_campaign"
            )
        }
        return campaign
    }
}
