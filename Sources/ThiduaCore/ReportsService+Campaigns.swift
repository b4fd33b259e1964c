import ThiduaModuleKit

extension ReportsService {
    func awardSummary(_ request: AwardSummaryRequest, _ context: CallContext) async throws -> AwardSummaryResponse {
        let from = try request.from.isEmpty ? "" : CalendarDate.parse(request.from, field: "from").description
        let to = try request.to.isEmpty ? "9999-12-31" : CalendarDate.parse(request.to, field: "to").description
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let campaign = try request.campaignID.isEmpty
                ? 0 : CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db).row
            let rows = try db.fetchAll("""
                    SELECT a.form_code, f.name, i.kind AS issuing_kind, a.recipient_member_id IS NOT NULL AS individual, count(*) AS n
                    FROM core_award a
                    JOIN core_award_form f ON f.code = a.form_code
                    JOIN core_unit r ON r.id = a.recipient_unit_id
                    JOIN core_unit i ON i.id = a.issuing_unit_id
                    WHERE r.path LIKE \(root.path) || '%' AND a.revoked_on IS NULL AND a.decision_date BETWEEN \(from) AND \(to)
                      AND (\(campaign) = 0 OR a.campaign_id = \(campaign))
                    GROUP BY a.form_code, i.kind, individual
                    ORDER BY i.kind, a.form_code, individual
                    """)
            let counts = try rows.map { row in
                try AwardCount.with {
                    $0.formCode = try row["form_code"]
                    $0.formName = try row["name"]
                    $0.issuingKind = UnitKind(rawValue: try row["issuing_kind"]) ?? .unspecified
                    $0.recipients = (try row["individual"] as Bool) ? .individual : .collective
                    $0.count = try row["n"]
                }
            }
            return .with {
                $0.unitID = root.id
                $0.counts = counts
                $0.collectiveAwards = counts.filter { $0.recipients == .collective }.reduce(0) { $0 + $1.count }
                $0.individualAwards = counts.filter { $0.recipients == .individual }.reduce(0) { $0 + $1.count }
            }
        }
    }

    func registrationSummary(_ request: RegistrationSummaryRequest, _ context: CallContext) async throws -> RegistrationSummaryResponse {
        guard (2000...2100).contains(request.year) else {
            throw RPCError(.invalidArgument, "year must be between 2000 and 2100; got \(request.year)", field: "year", rule: "report.year")
        }
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            // Campaigns whose scope overlaps the subtree: inside it, or above it.
            let campaigns = try db.fetchAll("""
                    SELECT c.* FROM core_campaign c JOIN core_unit s ON s.id = c.scope_unit_id
                    WHERE c.year = \(request.year) AND (s.path LIKE \(root.path) || '%' OR \(root.path) LIKE s.path || '%') ORDER BY c.id
                    """, as: CampaignRecord.self)
            return try .with {
                $0.unitID = root.id
                $0.campaigns = try campaigns.map { campaign in
                    let sectors = try db.fetchAll("""
                            SELECT u.sector, count(*) AS n FROM core_registration g JOIN core_unit u ON u.id = g.unit_id
                            WHERE g.campaign_id = \(campaign.row) AND g.member_id IS NULL AND u.path LIKE \(root.path) || '%'
                            GROUP BY u.sector ORDER BY u.sector
                            """)
                    let people = try db.fetchValue("""
                            SELECT count(*) FROM core_registration g JOIN core_unit u ON u.id = g.unit_id
                            WHERE g.campaign_id = \(campaign.row) AND g.member_id IS NOT NULL AND u.path LIKE \(root.path) || '%'
                            """, as: Int.self) ?? 0
                    return try CampaignRegistrations.with {
                        $0.campaignID = campaign.id
                        $0.module = campaign.module
                        $0.title = campaign.title
                        $0.unitsBySector = try sectors.map { row in
                            try .with { $0.sector = Sector(rawValue: try row["sector"]) ?? .unspecified; $0.count = try row["n"] }
                        }
                        $0.units = UInt32(try sectors.reduce(0) { $0 + (try $1["n"] as Int) })
                        $0.people = UInt32(people)
                    }
                }
            }
        }
    }
}
