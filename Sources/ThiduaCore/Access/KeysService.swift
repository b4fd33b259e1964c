import Foundation
import ThiduaModuleKit

/// `thidua.core.v1.Keys`.
struct KeysService: RegistrableService {
    let core: CorePipeline
    let registry: KeyRegistry
    /// Every permission a key may be given: the core's and the enabled modules'.
    let knownPermissions: Set<String>

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Keys") { service in
            service.unary(Methods.Core.Keys.mintKey, permission: Permissions.keysManage, self.mintKey)
            service.unary(Methods.Core.Keys.listKeys, permission: Permissions.keysManage, self.listKeys)
            service.unary(Methods.Core.Keys.revokeKey, permission: Permissions.keysManage, self.revokeKey)
            service.unary(Methods.Core.Keys.whoAmI, self.whoAmI)
        }
    }

    func mintKey(_ request: MintKeyRequest, _ context: CallContext) async throws -> MintKeyResponse {
        let label = try Fields.text(request.label, field: "label", maxLength: 100)
        let caller = try CorePipeline.principal(of: context)
        guard !request.permissions.isEmpty else {
            throw RPCError(.invalidArgument, "permissions must name at least one permission", field: "permissions", rule: "field.required")
        }
        for (index, permission) in request.permissions.enumerated() {
            guard permission == Permissions.all || self.knownPermissions.contains(permission) else {
                throw RPCError(.invalidArgument, "\"\(permission)\" is not a permission of this server", field: "permissions[\(index)]", rule: "key.permission_known", values: ["permission": permission])
            }
            // No escalation: a key grants only what it holds.
            guard caller.holds(permission), permission != Permissions.all || caller.permissions.contains(Permissions.all) else {
                throw RPCError(.permissionDenied, "key \(caller.keyID) cannot grant \(permission), which it does not hold", field: "permissions[\(index)]", rule: "key.no_escalation", values: ["permission": permission])
            }
        }
        let secret = ApiKeySecret.generate()
        let permissions = Set(request.permissions)
        let now = self.core.clock().unixMilliseconds
        let response = try await self.core.mutate(context, request: request) { db, principal in
            let unit = try Scope.unit(request.unitID, field: "unit_id", within: principal, in: db)
            try db.execute("""
                    INSERT INTO core_api_key (id, label, secret_hash, unit_id, permissions, created_at, created_by)
                    VALUES (\(secret.keyID), \(label), \(secret.hash), \(unit.row), \(Permissions.format(permissions)),
                        \(now), \(principal.keyID))
                    """)
            let info = try Self.info(secret.keyID, in: db)!
            return Mutation(
                response: MintKeyResponse.with {
                    $0.key = info
                    $0.apiKey = secret.presented
                },
                audit: .of(info, id: info.keyID, unitID: unit.id),
                changes: []
            )
        }
        // A replayed mint (same idempotency key) answers with the first secret; the registry
        // already knows that key.
        self.registry.add(
            keyID: response.key.keyID,
            entry: .init(
                hash: ApiKeySecret(presented: response.apiKey)?.hash ?? "",
                principal: Principal(keyID: response.key.keyID, scopeUnitID: response.key.unitID, permissions: Set(response.key.permissions)),
                revoked: false
            )
        )
        return response
    }

    func listKeys(_ request: ListKeysRequest, _ context: CallContext) async throws -> ListKeysResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        return try await self.core.read(context) { db, principal in
            let scope = try Scope.path(of: principal, in: db)
            var query: SQLQuery = "SELECT k.id FROM core_api_key k JOIN core_unit u ON u.id = k.unit_id WHERE u.path LIKE \(scope) || '%'"
            if let after = page.after {
                query.append(" AND k.id > \(after)")
            }
            query.append(" ORDER BY k.id LIMIT \(page.fetchLimit)")
            let ids = try db.fetchValues(query, as: String.self)
            let (pageIDs, next) = page.finish(ids) { $0 }
            return try .with {
                $0.keys = try pageIDs.compactMap { try Self.info($0, in: db) }
                $0.nextPageToken = next
            }
        }
    }

    func revokeKey(_ request: RevokeKeyRequest, _ context: CallContext) async throws -> ApiKeyInfo {
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 1000)
        let now = self.core.clock().unixMilliseconds
        let info = try await self.core.mutate(context, request: request) { db, principal in
            guard let before = try Self.info(request.keyID, in: db) else {
                throw RPCError(.notFound, "key \(request.keyID) does not exist", field: "key_id", rule: "key.exists")
            }
            _ = try Scope.unit(before.unitID, field: "key_id", within: principal, in: db)
            guard !before.revoked else {
                throw RPCError(.failedPrecondition, "key \(before.keyID) is already revoked", field: "key_id", rule: "key.revoked_once")
            }
            try db.execute("UPDATE core_api_key SET revoked_at = \(now), revoke_reason = \(reason) WHERE id = \(before.keyID)")
            // In memory now, before the commit: writes queued behind this one already see it.
            self.registry.revoke(keyID: before.keyID)
            let after = try Self.info(before.keyID, in: db)!
            return Mutation(response: after, audit: .of(after, id: after.keyID, unitID: after.unitID, old: before, reason: reason), changes: [])
        }
        self.registry.announceRevocation(keyID: info.keyID)
        return info
    }

    func whoAmI(_ request: WhoAmIRequest, _ context: CallContext) async throws -> ApiKeyInfo {
        try await self.core.read(context) { db, principal in
            guard let info = try Self.info(principal.keyID, in: db) else {
                throw RPCError(.notFound, "key \(principal.keyID) does not exist", field: "", rule: "key.exists")
            }
            return info
        }
    }

    static func info(_ keyID: String, in db: Database) throws -> ApiKeyInfo? {
        try db.fetchOne("SELECT * FROM core_api_key WHERE id = \(keyID)").map { row in
            try ApiKeyInfo.with {
                $0.keyID = try row["id"]
                $0.label = try row["label"]
                $0.unitID = EntityID.unit(try row["unit_id"])
                $0.permissions = Permissions.parse(try row["permissions"]).sorted()
                $0.createdAtUnixMs = try row["created_at"]
                $0.createdByKeyID = try row["created_by"] ?? ""
                $0.revoked = (try row["revoked_at"] as Int64?) != nil
                $0.revokeReason = try row["revoke_reason"] ?? ""
            }
        }
    }
}
