import ThiduaModuleKit

/// `thidua.core.v1.Audit`: reading the audit records (they are written by ``CorePipeline``).
struct AuditService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Audit") { service in
            service.unary("ListAuditRecords", permission: Permissions.auditRead, self.listAuditRecords)
        }
    }

    func listAuditRecords(_ request: ListAuditRecordsRequest, _ context: CallContext) async throws -> ListAuditRecordsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        guard request.toUnixMs == 0 || request.fromUnixMs <= request.toUnixMs else {
            throw RPCError(.invalidArgument, "from_unix_ms is after to_unix_ms", field: "from_unix_ms", rule: "audit.range")
        }
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            var sql = """
                SELECT a.* FROM core_audit a JOIN core_unit u ON u.id = a.unit_id
                WHERE u.path LIKE ? || '%' AND a.at >= ?
                """
            var arguments: StatementArguments = [root.path, request.fromUnixMs]
            if request.toUnixMs != 0 {
                sql += " AND a.at < ?"
                arguments += [request.toUnixMs]
            }
            if let after = page.after, let row = Int64(after) {
                sql += " AND a.id < ?"
                arguments += [row]
            }
            sql += " ORDER BY a.id DESC LIMIT ?"
            arguments += [page.fetchLimit]
            let rows = try Row.fetchAll(db, sql: sql, arguments: arguments)
            let (records, next) = page.finish(rows) { "\($0["id"] as Int64)" }
            return .with {
                $0.records = records.map { row in
                    AuditRecord.with {
                        $0.id = UInt64(row["id"] as Int64)
                        $0.atUnixMs = row["at"]
                        $0.keyID = row["key_id"]
                        $0.method = row["method"]
                        $0.targetType = row["target_type"]
                        $0.targetID = row["target_id"]
                        $0.unitID = (row["unit_id"] as Int64?).map(EntityID.unit) ?? ""
                        $0.oldValueJson = row["old_value"]
                        $0.newValueJson = row["new_value"]
                        $0.reason = row["reason"]
                    }
                }
                $0.nextPageToken = next
            }
        }
    }
}
