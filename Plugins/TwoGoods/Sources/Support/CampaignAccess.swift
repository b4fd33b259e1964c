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

    /// FAILED_PRECONDITION (rule `two_goods.outside_campaign_scope`) unless `unit`, which is in the
    /// key's subtree, is in the campaign's scope.
    ///
    /// Walks up from the unit to the key's root looking for the scope. When the walk does not
    /// meet it, the unit is in scope only if the scope lies above the key's root: a campaign the
    /// key may see is launched inside its subtree (and then so is its scope) or covers its unit.
    func requireInScope(
        _ unit: UnitReference, of campaign: CampaignReference, within principal: Principal, field: String, in db: Database
    ) throws {
        var current = unit
        while current.id != campaign.scopeUnitID {
            guard current.id != principal.scopeUnitID, let parentID = current.parentID else {
                if try self.isAboveKeyRoot(campaign.scopeUnitID, principal: principal, in: db) { return }
                throw RPCError(
                    .failedPrecondition,
                    "unit \(unit.id) (\(unit.name)) is outside the scope of campaign \(campaign.id), which covers \(campaign.scopeUnitID)",
                    field: field,
                    rule: "two_goods.outside_campaign_scope"
                )
            }
            current = try self.core.unit(parentID, within: principal, field: field, in: db)
        }
    }

    /// Whether `unitID` lies outside the key's subtree (for a visible campaign's scope: above it).
    private func isAboveKeyRoot(_ unitID: String, principal: Principal, in db: Database) throws -> Bool {
        do {
            _ = try self.core.unit(unitID, within: principal, field: "", in: db)
            return false
        } catch let error as RPCError where error.code == .permissionDenied {
            return true
        }
    }
}
