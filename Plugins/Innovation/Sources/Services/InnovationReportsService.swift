import InnovationAPI
import ThiduaModuleKit

/// `thidua.innovation.v1.InnovationReports`: a campaign's initiatives rolled up a subtree.
struct InnovationReportsService: InnovationReportsHandlers {
    let core: any CoreAccess

    func campaignReport(_ request: InnovationReportRequest, _ context: CallContext) async throws -> InnovationReport {
        try await self.core.read(context) { db, principal in
            let campaign = try self.core.campaign(request.campaignID, of: RegisterRules.module, within: principal, field: "campaign_id", in: db)
            let tree = UnitTree(core: self.core)
            let rootID: String
            if !request.unitID.isEmpty {
                rootID = try self.core.unit(request.unitID, within: principal, field: "unit_id", in: db).id
            } else {
                rootID = try tree.isVisible(campaign.scopeUnitID, to: principal, in: db) ? campaign.scopeUnitID : principal.scopeUnitID
            }
            let subtree = try SubtreeBuckets(units: self.core.units(under: rootID, in: db), rootID: rootID)
            var tallies = Dictionary(uniqueKeysWithValues: subtree.bucketIDs.map { ($0, TallyAccumulator()) })
            var total = TallyAccumulator()
            var byKind: [InitiativeKind: KindTally] = [:]

            try db.forEach("""
                SELECT unit_id, state, counted, kind, count(*) AS initiatives, sum(benefit_vnd) AS benefit
                FROM innovation_initiative WHERE campaign_id = \(campaign.id) GROUP BY unit_id, state, counted, kind
                """) { group in
                guard let bucket = subtree.bucket(of: try group["unit_id"]) else { return }
                let state = InitiativeState(rawValue: try group["state"]) ?? .unspecified
                let count: Int = try group["initiatives"]
                let benefit = UInt64(try group["benefit"] as Int64)
                let counted: Bool = try group["counted"]
                tallies[bucket]?.add(state: state, counted: counted, count: count, benefit: benefit)
                total.add(state: state, counted: counted, count: count, benefit: benefit)
                if state == .recognised || state == .published {
                    let kind = InitiativeKind(rawValue: try group["kind"]) ?? .unspecified
                    byKind[kind, default: KindTally.with { $0.kind = kind }].recognised += UInt32(count)
                    byKind[kind]?.recognisedBenefitVnd += benefit
                }
            }
            try db.forEach("""
                SELECT DISTINCT i.unit_id, a.member_id FROM innovation_author a JOIN innovation_initiative i ON i.id = a.initiative_id
                WHERE i.campaign_id = \(campaign.id)
                  AND i.state IN (\(InitiativeState.recognised.rawValue), \(InitiativeState.published.rawValue))
                """) { author in
                guard let bucket = subtree.bucket(of: try author["unit_id"]) else { return }
                let member: String = try author["member_id"]
                tallies[bucket]?.authors.insert(member)
                total.authors.insert(member)
            }
            return .with {
                $0.campaignID = campaign.id
                $0.campaignTitle = campaign.title
                $0.startsOn = campaign.startsOn.description
                $0.endsOn = campaign.endsOn.description
                $0.total = total.message(unit: subtree.root)
                $0.children = subtree.children.map { tallies[$0.id, default: TallyAccumulator()].message(unit: $0) }
                $0.byKind = byKind.keys.sorted { $0.rawValue < $1.rawValue }.compactMap { byKind[$0] }
            }
        }
    }
}
