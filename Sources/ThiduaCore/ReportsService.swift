import ThiduaModuleKit

/// `thidua.core.v1.Reports`: the figures the federations' reports are made of.
struct ReportsService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Reports") { service in
            service.unary(Methods.Core.Reports.organisationSummary, permission: Permissions.reportsRead, self.organisationSummary)
            service.unary(Methods.Core.Reports.awardSummary, permission: Permissions.reportsRead, self.awardSummary)
            service.unary(Methods.Core.Reports.registrationSummary, permission: Permissions.reportsRead, self.registrationSummary)
        }
    }

    func organisationSummary(_ request: OrganisationSummaryRequest, _ context: CallContext) async throws -> OrganisationSummaryResponse {
        try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let below: SQLQuery = "path LIKE \(root.path) || '%' AND path <> \(root.path) AND valid_to IS NULL"
            let kinds = try db.fetchAll("SELECT kind, count(*) AS n FROM core_unit WHERE \(below) GROUP BY kind ORDER BY kind")
            let sectors = try db.fetchAll(
                "SELECT sector, count(*) AS n FROM core_unit WHERE \(below) AND kind = \(UnitKind.grassrootsUnion.rawValue) GROUP BY sector ORDER BY sector"
            )
            let people = try db.fetchOne("""
                    SELECT count(*) AS workers,
                           coalesce(sum(CASE WHEN m.gender = \(Gender.female.rawValue) THEN 1 ELSE 0 END), 0) AS women,
                           coalesce(sum(m.union_member), 0) AS members,
                           coalesce(sum(CASE WHEN m.union_member = 1 AND m.gender = \(Gender.female.rawValue) THEN 1 ELSE 0 END), 0) AS women_members
                    FROM core_member m JOIN core_unit u ON u.id = m.unit_id
                    WHERE u.path LIKE \(root.path) || '%' AND m.left_on IS NULL
                    """)!
            let members: Int = try people["members"]
            let womenMembers: Int = try people["women_members"]
            return try .with {
                $0.unitID = root.id
                $0.unitsByKind = try kinds.map { row in try .with { $0.kind = UnitKind(rawValue: try row["kind"]) ?? .unspecified; $0.count = try row["n"] } }
                $0.grassrootsUnionsBySector = try sectors.map { row in
                    try .with { $0.sector = Sector(rawValue: try row["sector"]) ?? .unspecified; $0.count = try row["n"] }
                }
                $0.grassrootsUnions = UInt32(try sectors.reduce(0) { $0 + (try $1["n"] as Int) })
                $0.workers = try people["workers"]
                $0.womenWorkers = try people["women"]
                $0.unionMembers = UInt32(members)
                $0.womenUnionMembers = UInt32(womenMembers)
                $0.womenMemberSharePermille = members == 0 ? 0 : UInt32(womenMembers * 1000 / members)
            }
        }
    }
}
