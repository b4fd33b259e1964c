import ThiduaModuleKit

/// `thidua.core.v1.Audit`: reading the audit records (they are written by ``CorePipeline``).
struct AuditService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Audit") { service in
            service.unary(Methods.Core.Audit.listAuditRecords, permission: Permissions.auditRead, self.listAuditRecords)
        }
    }

    func listAuditRecords(_ request: ListAuditRecordsRequest, _ context: CallContext) async throws -> ListAuditRecordsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        guard request.toUnixMs == 0 || request.fromUnixMs <= request.toUnixMs else {
            throw RPCError(.invalidArgument, "from_unix_ms is after to_unix_ms", field: "from_unix_ms", rule: "audit.range")
        }
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            var query: SQLQuery = """
                SELECT a.* FROM core_audit a JOIN core_unit u ON u.id = a.unit_id
                WHERE u.path LIKE \(root.path) || '%' AND a.at >= \(request.fromUnixMs)
                """
            if request.toUnixMs != 0 {
                query.append(" AND a.at < \(request.toUnixMs)")
            }
            if let after = page.after, let row = Int64(after) {
                query.append(" AND a.id < \(row)")
            }
            query.append(" ORDER BY a.id DESC LIMIT \(page.fetchLimit)")
            let rows = try db.fetchAll(query)
            let (records, next) = try page.finish(rows) { "\(try $0["id"] as Int64)" }
            return try .with {
                $0.records = try records.map { row in
                    try AuditRecord.with {
                        $0.id = UInt64(try row["id"] as Int64)
                        $0.atUnixMs = try row["at"]
                        $0.keyID = try row["key_id"]
                        $0.method = try row["method"]
                        $0.targetType = try row["target_type"]
                        $0.targetID = try row["target_id"]
                        $0.unitID = (try row["unit_id"] as Int64?).map(EntityID.unit) ?? ""
                        $0.oldValueJson = try row["old_value"]
                        $0.newValueJson = try row["new_value"]
                        $0.reason = try row["reason"]
                    }
                }
                $0.nextPageToken = next
            }
        }
    }
}
