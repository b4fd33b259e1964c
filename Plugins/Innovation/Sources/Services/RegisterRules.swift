import InnovationAPI
import ThiduaModuleKit

/// The checks a filing needs against the organisation and the campaign, shared by filing, updating
/// and importing.
struct RegisterRules: Sendable {
    let core: any CoreAccess

    static let module = "innovation"

    var tree: UnitTree { UnitTree(core: self.core) }

    /// The unit, inside the key's subtree and live (rule `innovation.unit_live`).
    func liveUnit(_ unitID: String, principal: Principal, field: String, in db: Database) throws -> UnitReference {
        let unit = try self.core.unit(unitID, within: principal, field: field, in: db)
        guard unit.isLive else {
            throw RPCError(.failedPrecondition, "unit \(unit.id) was dissolved; its register is closed", field: field, rule: "innovation.unit_live")
        }
        return unit
    }

    /// A campaign of this module that takes work now, with `unit` in its scope.
    func openCampaign(_ campaignID: String, for unit: UnitReference, principal: Principal, in db: Database) throws -> CampaignReference {
        let campaign = try self.core.campaign(campaignID, of: Self.module, running: true, within: principal, field: "campaign_id", in: db)
        try self.core.requireInScope(unit, of: campaign, field: "unit_id", in: db)
        return campaign
    }

    /// The authors as stored: each a current member of `unit` or of a unit below it (rules
    /// `innovation.author_current`, `innovation.author_in_unit`).
    func authors(_ shares: [AuthorShare], of unit: UnitReference, principal: Principal, prefix: String = "", in db: Database) throws -> [AuthorRecord] {
        try shares.enumerated().map { index, share in
            let field = "\(prefix)authors[\(index)].member_id"
            let member = try self.core.member(share.memberID, within: principal, field: field, in: db)
            guard member.isCurrent else {
                throw RPCError(.failedPrecondition, "member \(member.id) has left the organisation", field: field, rule: "innovation.author_current")
            }
            guard try self.tree.isInside(member.unitID, subtreeOf: unit.id, principal: principal, in: db) else {
                throw RPCError(
                    .failedPrecondition,
                    "member \(member.id) belongs to unit \(member.unitID), not to unit \(unit.id) or a unit below it",
                    field: field,
                    rule: "innovation.author_in_unit"
                )
            }
            return AuthorRecord(memberID: member.id, fullName: member.fullName, sharePercent: share.sharePercent, category: share.category)
        }
    }

    /// The initiative, if its unit is inside the key's subtree.
    func visibleInitiative(_ id: String, principal: Principal, field: String = "id", in db: Database) throws -> InitiativeRecord {
        let record = try InitiativeStore.require(id, field: field, in: db)
        _ = try self.core.unit(record.unitID, within: principal, field: field, in: db)
        return record
    }
}
