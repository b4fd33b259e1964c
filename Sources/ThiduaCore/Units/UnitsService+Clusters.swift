import ThiduaModuleKit

extension UnitsService {
    func createCluster(_ request: CreateClusterRequest, _ context: CallContext) async throws -> Cluster {
        let name = try Fields.text(request.name, field: "name")
        guard (1900...2999).contains(request.year) else {
            throw RPCError(.invalidArgument, "year must be a calendar year; got \(request.year)", field: "year", rule: "cluster.year")
        }
        guard !request.unitIds.isEmpty, Set(request.unitIds).count == request.unitIds.count else {
            throw RPCError(.invalidArgument, "unit_ids must name one or more distinct units", field: "unit_ids", rule: "cluster.units")
        }
        guard request.unitIds.contains(request.headUnitID) else {
            throw RPCError(.invalidArgument, "head_unit_id must be one of unit_ids", field: "head_unit_id", rule: "cluster.head_member")
        }
        return try await self.core.mutate(context, request: request) { db, principal in
            let units = try request.unitIds.enumerated().map { index, id in
                let unit = try Scope.unit(id, field: "unit_ids[\(index)]", within: principal, in: db)
                guard unit.isLive else {
                    throw RPCError(.failedPrecondition, "unit \(unit.id) was dissolved", field: "unit_ids[\(index)]", rule: "unit.live")
                }
                return unit
            }
            let head = units.first { $0.id == request.headUnitID }!
            let row = try db.insert("""
                INSERT INTO core_cluster (name, year, head_unit_id)
                VALUES (\(name), \(request.year), \(head.row))
                RETURNING id
                """)
            for unit in units {
                try db.execute("INSERT INTO core_cluster_unit (cluster_id, unit_id) VALUES (\(row), \(unit.row))")
            }
            let cluster = Cluster.with {
                $0.id = EntityID.cluster(row)
                $0.name = name
                $0.year = request.year
                $0.headUnitID = head.id
                $0.unitIds = units.map(\.id)
            }
            return Mutation(
                response: cluster,
                audit: .of(cluster, id: cluster.id, unitID: head.id),
                changes: [.of(cluster, id: cluster.id, unitID: head.id, .created)]
            )
        }
    }

    func listClusters(_ request: ListClustersRequest, _ context: CallContext) async throws -> ListClustersResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        return try await self.core.read(context) { db, principal in
            let scope = try Scope.path(of: principal, in: db)
            var query: SQLQuery = """
                SELECT DISTINCT c.id, c.name, c.year, c.head_unit_id FROM core_cluster c
                JOIN core_cluster_unit cu ON cu.cluster_id = c.id
                JOIN core_unit u ON u.id = cu.unit_id
                WHERE u.path LIKE \(scope) || '%'
                """
            if request.year != 0 {
                query.append(" AND c.year = \(request.year)")
            }
            if let after = page.after, let row = Int64(after) {
                query.append(" AND c.id > \(row)")
            }
            query.append(" ORDER BY c.id LIMIT \(page.fetchLimit)")
            let rows = try db.fetchAll(query)
            let (clusters, next) = try page.finish(rows) { "\(try $0["id"] as Int64)" }
            return try .with {
                $0.clusters = try clusters.map { row in
                    let id: Int64 = try row["id"]
                    let units = try db.fetchValues("""
                        SELECT unit_id FROM core_cluster_unit
                        WHERE cluster_id = \(id) ORDER BY unit_id
                        """, as: Int64.self)
                    return try Cluster.with {
                        $0.id = EntityID.cluster(id)
                        $0.name = try row["name"]
                        $0.year = try row["year"]
                        $0.headUnitID = EntityID.unit(try row["head_unit_id"])
                        $0.unitIds = units.map(EntityID.unit)
                    }
                }
                $0.nextPageToken = next
            }
        }
    }
}
