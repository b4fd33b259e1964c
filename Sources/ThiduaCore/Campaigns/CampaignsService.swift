import ThiduaModuleKit

/// `thidua.core.v1.Campaigns`: campaigns, their targets, registrations and progress.
struct CampaignsService: RegistrableService {
    let core: CorePipeline
    /// "general" and the ids of the enabled modules: what a campaign may be run by.
    let modules: Set<String>

    static let generalModule = "general"

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Campaigns") { service in
            service.unary(Methods.Core.Campaigns.createCampaign, permission: Permissions.campaignsWrite, self.createCampaign)
            service.unary(Methods.Core.Campaigns.getCampaign, permission: Permissions.campaignsRead, self.getCampaign)
            service.unary(Methods.Core.Campaigns.listCampaigns, permission: Permissions.campaignsRead, self.listCampaigns)
            service.unary(Methods.Core.Campaigns.launchCampaign, permission: Permissions.campaignsWrite, self.launchCampaign)
            service.unary(Methods.Core.Campaigns.advanceCampaign, permission: Permissions.campaignsWrite, self.advanceCampaign)
            service.unary(Methods.Core.Campaigns.setTarget, permission: Permissions.campaignsWrite, self.setTarget)
            service.unary(Methods.Core.Campaigns.registerForCampaign, permission: Permissions.campaignsRegister, self.registerForCampaign)
            service.unary(Methods.Core.Campaigns.listRegistrations, permission: Permissions.campaignsRead, self.listRegistrations)
            service.unary(Methods.Core.Campaigns.reportProgress, permission: Permissions.campaignsRegister, self.reportProgress)
            service.unary(Methods.Core.Campaigns.getProgress, permission: Permissions.campaignsRead, self.getProgress)
            service.unary(Methods.Core.Campaigns.rankCluster, permission: Permissions.campaignsRead, self.rankCluster)
        }
    }

    func createCampaign(_ request: CreateCampaignRequest, _ context: CallContext) async throws -> Campaign {
        let module = try Fields.text(request.module, field: "module", maxLength: 60)
        guard self.modules.contains(module) else {
            throw RPCError(
                .invalidArgument,
                "module \"\(module)\" is not served here; campaigns may be run by \(self.modules.sorted().joined(separator: ", "))",
                field: "module",
                rule: "campaign.module_known",
                values: ["module": module]
            )
        }
        let title = try Fields.text(request.title, field: "title", maxLength: 300)
        let kind = try Fields.known(request.periodKind, field: "period_kind")
        guard (2000...2100).contains(request.year) else {
            throw RPCError(.invalidArgument, "year must be between 2000 and 2100; got \(request.year)", field: "year", rule: "campaign.year")
        }
        let metric = try Fields.optionalText(request.metric, field: "metric", maxLength: 100) ?? "achievements"
        return try await self.core.mutate(context, request: request) { db, principal in
            let launcher = try Scope.unit(request.launchingUnitID, field: "launching_unit_id", within: principal, in: db)
            guard launcher.isLive else {
                throw RPCError(.failedPrecondition, "unit \(launcher.id) was dissolved", field: "launching_unit_id", rule: "unit.live")
            }
            let scope = request.scopeUnitID.isEmpty ? launcher : try Scope.unit(request.scopeUnitID, field: "scope_unit_id", within: principal, in: db)
            guard scope.path.hasPrefix(launcher.path) else {
                throw RPCError(
                    .failedPrecondition,
                    "the scope \(scope.id) must be the launching unit \(launcher.id) or a unit below it",
                    field: "scope_unit_id",
                    rule: "campaign.scope_under_launcher"
                )
            }
            let campaign = try db.insert("""
                    INSERT INTO core_campaign (module, title, launching_unit_id, scope_unit_id, period_kind, year, metric, state)
                    VALUES (\(module), \(title), \(launcher.row), \(scope.row), \(kind.rawValue), \(request.year),
                        \(metric), \(CampaignState.draft.rawValue))
                    RETURNING *
                    """, as: CampaignRecord.self)
            return Self.mutation(campaign, before: nil, reason: "")
        }
    }

    func getCampaign(_ request: GetCampaignRequest, _ context: CallContext) async throws -> Campaign {
        try await self.core.read(context) { db, principal in
            try CampaignRecord.require(request.id, field: "id", within: principal, in: db).message
        }
    }

    func listCampaigns(_ request: ListCampaignsRequest, _ context: CallContext) async throws -> ListCampaignsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        let after = page.after.flatMap { Int64($0) } ?? 0
        return try await self.core.read(context) { db, principal in
            let unit = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            // Launched inside the subtree, or covering the unit from above.
            let rows = try db.fetchAll("""
                    SELECT c.* FROM core_campaign c
                    JOIN core_unit l ON l.id = c.launching_unit_id JOIN core_unit s ON s.id = c.scope_unit_id
                    WHERE (l.path LIKE \(unit.path) || '%' OR \(unit.path) LIKE s.path || '%')
                      AND (\(request.module) = '' OR c.module = \(request.module)) AND (\(request.year) = 0 OR c.year = \(request.year)) AND c.id > \(after)
                    ORDER BY c.id LIMIT \(page.fetchLimit)
                    """, as: CampaignRecord.self)
            let (campaigns, next) = page.finish(rows) { "\($0.row)" }
            return .with {
                $0.campaigns = campaigns.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    func launchCampaign(_ request: LaunchCampaignRequest, _ context: CallContext) async throws -> Campaign {
        let number = try Fields.text(request.decisionNumber, field: "decision_number", maxLength: 100)
        guard !request.decisionDate.isEmpty else {
            throw RPCError(.invalidArgument, "decision_date must not be empty", field: "decision_date", rule: "field.required")
        }
        let date = try CalendarDate.parse(request.decisionDate, field: "decision_date")
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try CampaignRecord.requireManaged(request.id, field: "id", within: principal, in: db)
            let state = try CampaignLifecycle.advance(from: before.state, to: .launched)
            try db.execute("""
                UPDATE core_campaign SET state = \(state.rawValue), decision_number = \(number), decision_date = \(date.description)
                WHERE id = \(before.row)
                """)
            return Self.mutation(try CampaignRecord.fetch(before.row, in: db)!, before: before, reason: "launched by decision \(number)")
        }
    }

    func advanceCampaign(_ request: AdvanceCampaignRequest, _ context: CallContext) async throws -> Campaign {
        let requested = try Fields.known(request.to, field: "to")
        guard requested != .launched else {
            throw RPCError(.invalidArgument, "a campaign is launched with LaunchCampaign, which records the decision", field: "to", rule: "campaign.launch_with_decision")
        }
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try CampaignRecord.requireManaged(request.id, field: "id", within: principal, in: db)
            let state = try CampaignLifecycle.advance(from: before.state, to: requested)
            try db.execute("UPDATE core_campaign SET state = \(state.rawValue) WHERE id = \(before.row)")
            return Self.mutation(try CampaignRecord.fetch(before.row, in: db)!, before: before, reason: reason)
        }
    }

    func setTarget(_ request: SetTargetRequest, _ context: CallContext) async throws -> Target {
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        return try await self.core.mutate(context, request: request) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            let unit = try campaign.participant(request.unitID, field: "unit_id", within: principal, in: db)
            guard unit.id != principal.scopeUnitID else {
                throw RPCError(
                    .permissionDenied,
                    "a target is set from above: key \(principal.keyID) is rooted at \(unit.id) itself",
                    field: "unit_id",
                    rule: "target.set_by_parent"
                )
            }
            guard campaign.state != .closed else {
                throw RPCError(.failedPrecondition, "campaign \(campaign.id) is closed", field: "campaign_id", rule: "campaign.closed")
            }
            let setBy = try EntityID.unitRow(principal.scopeUnitID, field: "key")
            let old = try db.fetchOne("""
                SELECT planned, set_by_unit_id FROM core_target
                WHERE campaign_id = \(campaign.row) AND unit_id = \(unit.row)
                """).map { row in
                try Target.with {
                    $0.campaignID = campaign.id
                    $0.unitID = unit.id
                    $0.planned = UInt64(try row["planned"] as Int64)
                    $0.setByUnitID = EntityID.unit(try row["set_by_unit_id"])
                }
            }
            try db.execute("""
                    INSERT INTO core_target (campaign_id, unit_id, planned, set_by_unit_id) VALUES (\(campaign.row),
                        \(unit.row), \(Int64(clamping: request.planned)), \(setBy))
                    ON CONFLICT (campaign_id, unit_id) DO UPDATE SET planned = excluded.planned, set_by_unit_id = excluded.set_by_unit_id
                    """)
            let target = Target.with {
                $0.campaignID = campaign.id
                $0.unitID = unit.id
                $0.planned = request.planned
                $0.setByUnitID = principal.scopeUnitID
            }
            let id = "\(campaign.id)/\(unit.id)"
            return Mutation(
                response: target,
                audit: .of(target, id: id, unitID: unit.id, old: old, reason: reason),
                changes: [.of(target, id: id, unitID: unit.id, old == nil ? .created : .updated)]
            )
        }
    }

    func reportProgress(_ request: ReportProgressRequest, _ context: CallContext) async throws -> UnitProgress {
        guard request.achieved > 0, request.achieved <= 1_000_000_000 else {
            throw RPCError(.invalidArgument, "achieved must be between 1 and 1,000,000,000", field: "achieved", rule: "progress.achieved")
        }
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        return try await self.core.mutate(context, request: request) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            guard campaign.module == Self.generalModule else {
                throw RPCError(
                    .failedPrecondition,
                    "module \"\(campaign.module)\" counts the progress of campaign \(campaign.id) from its own records",
                    field: "campaign_id",
                    rule: "progress.counted_by_module"
                )
            }
            try campaign.reference.requireRunning(field: "campaign_id")
            let unit = try campaign.participant(request.unitID, field: "unit_id", within: principal, in: db)
            try ProgressStore.add(campaign: campaign.row, unit: unit.row, delta: Int(request.achieved), in: db)
            let progress = try ProgressStore.progress(of: unit, campaign: campaign.row, in: db)
            let id = "\(campaign.id)/\(unit.id)"
            return Mutation(
                response: progress,
                audit: .of(progress, id: id, unitID: unit.id, reason: reason),
                changes: [.of(progress, id: id, unitID: unit.id, .updated)]
            )
        }
    }

    func getProgress(_ request: GetProgressRequest, _ context: CallContext) async throws -> GetProgressResponse {
        try await self.core.read(context) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            let unit = try request.unitID.isEmpty
                ? campaign.defaultRoot(within: principal, in: db)
                : campaign.participant(request.unitID, field: "unit_id", within: principal, in: db)
            let children = try db.fetchAll("SELECT * FROM core_unit WHERE parent_id = \(unit.row) ORDER BY id", as: UnitRecord.self)
            return try .with {
                $0.total = try ProgressStore.progress(of: unit, campaign: campaign.row, in: db)
                $0.children = try children.map { try ProgressStore.progress(of: $0, campaign: campaign.row, in: db) }
            }
        }
    }

    func rankCluster(_ request: RankClusterRequest, _ context: CallContext) async throws -> RankClusterResponse {
        let clusterRow = try EntityID.row(request.clusterID, prefix: "c", field: "cluster_id")
        return try await self.core.read(context) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            guard let name = try db.fetchValue("SELECT name FROM core_cluster WHERE id = \(clusterRow)", as: String.self) else {
                throw RPCError(.notFound, "cluster \(request.clusterID) does not exist", field: "cluster_id", rule: "cluster.exists")
            }
            let units = try db.fetchAll("""
                SELECT u.* FROM core_cluster_unit cu
                JOIN core_unit u ON u.id = cu.unit_id
                WHERE cu.cluster_id = \(clusterRow)
                ORDER BY u.id
                """, as: UnitRecord.self)
            for unit in units {
                try Scope.require(unit, within: principal, in: db, field: "cluster_id")
            }
            return try .with {
                $0.clusterID = request.clusterID
                $0.clusterName = name
                $0.units = ProgressStore.ranked(try units.map { try ProgressStore.progress(of: $0, campaign: campaign.row, in: db) })
            }
        }
    }

    static func mutation(_ campaign: CampaignRecord, before: CampaignRecord?, reason: String) -> Mutation<Campaign> {
        let unitID = EntityID.unit(campaign.launchingUnitRow)
        return Mutation(
            response: campaign.message,
            audit: .of(campaign.message, id: campaign.id, unitID: unitID, old: before?.message, reason: reason),
            changes: [.of(campaign.message, id: campaign.id, unitID: unitID, before == nil ? .created : .updated)]
        )
    }
}
