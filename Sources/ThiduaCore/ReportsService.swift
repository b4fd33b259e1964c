import ThiduaModuleKit

/// `thidua.core.v1.Reports`: the figures the federations' reports are made of.
struct ReportsService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Reports") { service in
            service.unary("OrganisationSummary", permission: Permissions.reportsRead, self.organisationSummary)
            service.unary("AwardSummary", permission: Permissions.reportsRead, self.awardSummary)
            service.unary("RegistrationSummary", permission: Permissions.reportsRead, self.registrationSummary)
        }
    }

    func organisationSummary(_ request: OrganisationSummaryRequest, _ context: CallContext) async throws -> OrganisationSummaryResponse {
        try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let below = "path LIKE ? || '%' AND path <> ? AND valid_to IS NULL"
            let kinds = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT kind, count(*) AS n FROM core_unit WHERE \(below) GROUP BY kind ORDER BY kind"),
                arguments: [root.path, root.path]
            )
            let sectors = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT sector, count(*) AS n FROM core_unit WHERE \(below) AND kind = ? GROUP BY sector ORDER BY sector"),
                arguments: [root.path, root.path, UnitKind.grassrootsUnion.rawValue]
            )
            let people = try Row.fetchOne(
                db.cachedStatement(sql: """
                    SELECT count(*) AS workers,
                           coalesce(sum(m.gender = ?), 0) AS women,
                           coalesce(sum(m.union_member), 0) AS members,
                           coalesce(sum(m.union_member AND m.gender = ?), 0) AS women_members
                    FROM core_member m JOIN core_unit u ON u.id = m.unit_id
                    WHERE u.path LIKE ? || '%' AND m.left_on IS NULL
                    """),
                arguments: [Gender.female.rawValue, Gender.female.rawValue, root.path]
            )!
            let members: Int = people["members"]
            let womenMembers: Int = people["women_members"]
            return .with {
                $0.unitID = root.id
                $0.unitsByKind = kinds.map { row in .with { $0.kind = UnitKind(rawValue: row["kind"]) ?? .unspecified; $0.count = row["n"] } }
                $0.grassrootsUnionsBySector = sectors.map { row in
                    .with { $0.sector = Sector(rawValue: row["sector"]) ?? .unspecified; $0.count = row["n"] }
                }
                $0.grassrootsUnions = UInt32(sectors.reduce(0) { $0 + ($1["n"] as Int) })
                $0.workers = people["workers"]
                $0.womenWorkers = people["women"]
                $0.unionMembers = UInt32(members)
                $0.womenUnionMembers = UInt32(womenMembers)
                $0.womenMemberSharePermille = members == 0 ? 0 : UInt32(womenMembers * 1000 / members)
            }
        }
    }
}
