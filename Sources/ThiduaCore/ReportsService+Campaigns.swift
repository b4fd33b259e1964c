import ThiduaModuleKit

extension ReportsService {
    func awardSummary(_ request: AwardSummaryRequest, _ context: CallContext) async throws -> AwardSummaryResponse {
        let from = try request.from.isEmpty ? "" : CalendarDate.parse(request.from, field: "from").description
        let to = try request.to.isEmpty ? "9999-12-31" : CalendarDate.parse(request.to, field: "to").description
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let campaign = try request.campaignID.isEmpty
                ? 0 : CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db).row
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT a.form_code, f.name, i.kind AS issuing_kind, a.recipient_member_id IS NOT NULL AS individual, count(*) AS n
                    FROM core_award a
                    JOIN core_award_form f ON f.code = a.form_code
                    JOIN core_unit r ON r.id = a.recipient_unit_id
                    JOIN core_unit i ON i.id = a.issuing_unit_id
                    WHERE r.path LIKE ? || '%' AND a.revoked_on IS NULL AND a.decision_date BETWEEN ? AND ?
                      AND (? = 0 OR a.campaign_id = ?)
                    GROUP BY a.form_code, i.kind, individual
                    ORDER BY i.kind, a.form_code, individual
                    """),
                arguments: [root.path, from, to, campaign, campaign]
            )
            let counts = rows.map { row in
                AwardCount.with {
                    $0.formCode = row["form_code"]
                    $0.formName = row["name"]
                    $0.issuingKind = UnitKind(rawValue: row["issuing_kind"]) ?? .unspecified
                    $0.recipients = (row["individual"] as Bool) ? .individual : .collective
                    $0.count = row["n"]
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
            let campaigns = try CampaignRecord.fetchAll(
                db.cachedStatement(sql: """
                    SELECT c.* FROM core_campaign c JOIN core_unit s ON s.id = c.scope_unit_id
                    WHERE c.year = ? AND (s.path LIKE ? || '%' OR ? LIKE s.path || '%') ORDER BY c.id
                    """),
                arguments: [request.year, root.path, root.path]
            )
            return try .with {
                $0.unitID = root.id
                $0.campaigns = try campaigns.map { campaign in
                    let sectors = try Row.fetchAll(
                        db.cachedStatement(sql: """
                            SELECT u.sector, count(*) AS n FROM core_registration g JOIN core_unit u ON u.id = g.unit_id
                            WHERE g.campaign_id = ? AND g.member_id IS NULL AND u.path LIKE ? || '%'
                            GROUP BY u.sector ORDER BY u.sector
                            """),
                        arguments: [campaign.row, root.path]
                    )
                    let people = try Int.fetchOne(
                        db.cachedStatement(sql: """
                            SELECT count(*) FROM core_registration g JOIN core_unit u ON u.id = g.unit_id
                            WHERE g.campaign_id = ? AND g.member_id IS NOT NULL AND u.path LIKE ? || '%'
                            """),
                        arguments: [campaign.row, root.path]
                    ) ?? 0
                    return CampaignRegistrations.with {
                        $0.campaignID = campaign.id
                        $0.module = campaign.module
                        $0.title = campaign.title
                        $0.unitsBySector = sectors.map { row in
                            .with { $0.sector = Sector(rawValue: row["sector"]) ?? .unspecified; $0.count = row["n"] }
                        }
                        $0.units = UInt32(sectors.reduce(0) { $0 + ($1["n"] as Int) })
                        $0.people = UInt32(people)
                    }
                }
            }
        }
    }
}
