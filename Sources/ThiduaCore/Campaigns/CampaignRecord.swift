import ThiduaModuleKit

/// A row of `core_campaign`.
struct CampaignRecord: Sendable, SQLRowDecodable {
    var row: Int64
    var module: String
    var title: String
    var launchingUnitRow: Int64
    var scopeUnitRow: Int64
    var periodKind: PeriodKind
    var year: Int
    var metric: String
    var state: CampaignState
    var decisionNumber: String
    var decisionDate: String

    var id: String { EntityID.campaign(self.row) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.module = try row["module"]
        self.title = try row["title"]
        self.launchingUnitRow = try row["launching_unit_id"]
        self.scopeUnitRow = try row["scope_unit_id"]
        self.periodKind = try PeriodKind(rawValue: row["period_kind"]) ?? .calendarYear
        self.year = try row["year"]
        self.metric = try row["metric"]
        self.state = try CampaignState(rawValue: row["state"]) ?? .draft
        self.decisionNumber = try row["decision_number"]
        self.decisionDate = try row["decision_date"]
    }

    static func fetch(_ row: Int64, in db: Database) throws -> CampaignRecord? {
        try db.fetchOne("SELECT * FROM core_campaign WHERE id = \(row)", as: Self.self)
    }

    /// The campaign named by a request field, if the key may see it: launched inside its subtree,
    /// or with a scope that covers the key's unit.
    static func require(_ id: String, field: String, within principal: Principal, in db: Database) throws -> CampaignRecord {
        let row = try EntityID.row(id, prefix: "p", field: field)
        guard let campaign = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "campaign \(id) does not exist", field: field, rule: "campaign.exists")
        }
        let launcher = try UnitRecord.fetch(campaign.launchingUnitRow, in: db)!
        guard try Scope.covers(launcher.path, for: principal)
            || Scope.path(of: principal, in: db).contains("/\(campaign.scopeUnitRow)/")
        else {
            throw RPCError(
                .permissionDenied,
                "campaign \(id) is neither launched inside the subtree of key \(principal.keyID) nor open to its unit",
                field: field,
                rule: "scope.subtree"
            )
        }
        return campaign
    }

    /// The campaign, which the key must be allowed to run: its launching unit is in the subtree.
    static func requireManaged(_ id: String, field: String, within principal: Principal, in db: Database) throws -> CampaignRecord {
        let campaign = try Self.require(id, field: field, within: principal, in: db)
        try Scope.require(try UnitRecord.fetch(campaign.launchingUnitRow, in: db)!, within: principal, in: db, field: field)
        return campaign
    }

    /// Where a campaign's listings start when the request names no unit: the campaign's scope if
    /// the key reaches it, else the key's own root (a key below the scope sees its own part).
    func defaultRoot(within principal: Principal, in db: Database) throws -> UnitRecord {
        let scope = try UnitRecord.fetch(self.scopeUnitRow, in: db)!
        let keyPath = try Scope.path(of: principal, in: db)
        return scope.path.hasPrefix(keyPath) ? scope : try Scope.unit(principal.scopeUnitID, field: "unit_id", within: principal, in: db)
    }

    /// The unit named by `field`, inside both the key's subtree and the campaign's scope.
    /// The refusal of a unit outside a campaign's scope.
    static func outsideScope(unit: UnitRecord, campaignID: String, scope: UnitRecord, field: String) -> RPCError {
        RPCError(
            .failedPrecondition,
            "unit \(unit.id) is outside the scope of campaign \(campaignID), which covers \(scope.id) (\(scope.name))",
            field: field,
            rule: "campaign.scope"
        )
    }

    func participant(_ unitID: String, field: String, within principal: Principal, in db: Database) throws -> UnitRecord {
        let unit = try Scope.unit(unitID, field: field, within: principal, in: db)
        let scope = try UnitRecord.fetch(self.scopeUnitRow, in: db)!
        guard unit.path.hasPrefix(scope.path) else {
            throw Self.outsideScope(unit: unit, campaignID: self.id, scope: scope, field: field)
        }
        return unit
    }

    var rounds: [CampaignReference.Round] { CampaignLifecycle.rounds(kind: self.periodKind, year: self.year) }

    var message: Campaign {
        let rounds = self.rounds
        return Campaign.with {
            $0.id = self.id
            $0.module = self.module
            $0.title = self.title
            $0.launchingUnitID = EntityID.unit(self.launchingUnitRow)
            $0.scopeUnitID = EntityID.unit(self.scopeUnitRow)
            $0.period = .with {
                $0.kind = self.periodKind
                $0.year = UInt32(self.year)
                $0.startsOn = rounds.first!.startsOn.description
                $0.endsOn = rounds.last!.endsOn.description
                $0.rounds = rounds.map { round in
                    .with {
                        $0.number = UInt32(round.number)
                        $0.startsOn = round.startsOn.description
                        $0.endsOn = round.endsOn.description
                    }
                }
            }
            $0.metric = self.metric
            $0.state = self.state
            $0.decisionNumber = self.decisionNumber
            $0.decisionDate = self.decisionDate
        }
    }

    var reference: CampaignReference {
        CampaignReference(
            id: self.id,
            module: self.module,
            title: self.title,
            launchingUnitID: EntityID.unit(self.launchingUnitRow),
            scopeUnitID: EntityID.unit(self.scopeUnitRow),
            state: CampaignReference.State(rawValue: self.state.rawValue) ?? .draft,
            isSchoolYear: self.periodKind == .schoolYear,
            year: self.year,
            rounds: self.rounds
        )
    }
}
