import Foundation
import ThiduaModuleKit

/// `thidua.core.v1.Units`.
struct UnitsService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Units") { service in
            service.unary(Methods.Core.Units.createUnit, permission: Permissions.unitsWrite, self.createUnit)
            service.unary(Methods.Core.Units.getUnit, permission: Permissions.unitsRead, self.getUnit)
            service.unary(Methods.Core.Units.listUnits, permission: Permissions.unitsRead, self.listUnits)
            service.unary(Methods.Core.Units.updateUnit, permission: Permissions.unitsWrite, self.updateUnit)
            service.unary(Methods.Core.Units.moveUnit, permission: Permissions.unitsWrite, self.moveUnit)
            service.unary(Methods.Core.Units.dissolveUnit, permission: Permissions.unitsWrite, self.dissolveUnit)
            service.unary(Methods.Core.Units.mergeUnits, permission: Permissions.unitsWrite, self.mergeUnits)
            service.unary(Methods.Core.Units.listUnitEvents, permission: Permissions.unitsRead, self.listUnitEvents)
            service.unary(Methods.Core.Units.createCluster, permission: Permissions.unitsWrite, self.createCluster)
            service.unary(Methods.Core.Units.listClusters, permission: Permissions.unitsRead, self.listClusters)
        }
    }

    private var today: CalendarDate { CalendarDate(self.core.clock()) }

    func createUnit(_ request: CreateUnitRequest, _ context: CallContext) async throws -> Unit {
        guard !request.parentID.isEmpty else {
            throw RPCError(.invalidArgument, "parent_id must name the unit the new one belongs to", field: "parent_id", rule: "field.required")
        }
        let name = try Fields.text(request.name, field: "name")
        let kind = try Fields.known(request.kind, field: "kind")
        guard kind != .confederation else {
            throw RPCError(.invalidArgument, "a confederation is the root of the tree and has no parent", field: "kind", rule: "unit.root_kind")
        }
        let code = try Fields.optionalText(request.code, field: "code", maxLength: 64)
        let validFrom = try Fields.date(request.validFrom, field: "valid_from", default: self.today)
        return try await self.core.mutate(context, request: request) { db, principal in
            let parent = try Scope.unit(request.parentID, field: "parent_id", within: principal, in: db)
            guard parent.isLive else {
                throw RPCError(.failedPrecondition, "unit \(parent.id) was dissolved on \(parent.validTo ?? "")", field: "parent_id", rule: "unit.live")
            }
            try UnitHierarchy.check(kind, under: parent, field: "parent_id")
            let unit = try UnitStore.insert(
                parent: parent, name: name, kind: kind, sector: request.sector, code: code,
                validFrom: validFrom, fullyStateFunded: request.fullyStateFunded, in: db
            )
            try UnitStore.recordEvent("created", unit: unit, from: nil, to: parent, on: validFrom, decision: "", membersMoved: 0, in: db)
            return Mutation(
                response: unit.message,
                audit: .of(unit.message, id: unit.id, unitID: unit.id),
                changes: [.of(unit.message, id: unit.id, unitID: unit.id, .created)]
            )
        }
    }

    func getUnit(_ request: GetUnitRequest, _ context: CallContext) async throws -> Unit {
        try await self.core.read(context) { db, principal in
            try Scope.unit(request.id, field: "id", within: principal, in: db).message
        }
    }

    func listUnits(_ request: ListUnitsRequest, _ context: CallContext) async throws -> ListUnitsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.rootID, field: "root_id", within: principal, in: db)
            let rows = try UnitStore.list(
                under: root, kind: request.kind, sector: request.sector,
                includeDissolved: request.includeDissolved, page: page, in: db
            )
            let (units, next) = page.finish(rows) { $0.path }
            return .with {
                $0.units = units.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    func updateUnit(_ request: UpdateUnitRequest, _ context: CallContext) async throws -> Unit {
        let mask = try Fields.updateMask(request.updateMask, allowed: ["name", "code", "sector", "fully_state_funded"])
        let name = try mask.contains("name") ? Fields.text(request.name, field: "name") : nil
        let code = try mask.contains("code") ? Fields.optionalText(request.code, field: "code", maxLength: 64) : nil
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try Scope.unit(request.id, field: "id", within: principal, in: db)
            guard before.isLive else {
                throw RPCError(.failedPrecondition, "unit \(before.id) was dissolved; it can no longer change", field: "id", rule: "unit.live")
            }
            if let code, code != before.code { try UnitStore.requireFreeCode(code, field: "code", in: db) }
            try db.execute("""
                    UPDATE core_unit SET name = \(name ?? before.name), code = \(mask.contains("code") ? code : before.code), sector = \(mask.contains("sector") ? request.sector.rawValue : before.sector.rawValue), fully_state_funded = \(mask.contains("fully_state_funded") ? request.fullyStateFunded : before.fullyStateFunded) WHERE id = \(before.row)
                    """)
            let after = try UnitRecord.fetch(before.row, in: db)!
            return Mutation(
                response: after.message,
                audit: .of(after.message, id: after.id, unitID: after.id, old: before.message, reason: request.reason),
                changes: [.of(after.message, id: after.id, unitID: after.id, .updated)]
            )
        }
    }

    func moveUnit(_ request: MoveUnitRequest, _ context: CallContext) async throws -> Unit {
        let date = try Fields.date(request.effectiveOn, field: "effective_on", default: self.today)
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try Scope.unit(request.id, field: "id", within: principal, in: db)
            guard before.parentRow != nil else {
                throw RPCError(.failedPrecondition, "the root unit cannot move", field: "id", rule: "unit.root_fixed")
            }
            guard before.id != principal.scopeUnitID else {
                throw RPCError(.permissionDenied, "a key cannot move the unit at the root of its own subtree", field: "id", rule: "scope.subtree")
            }
            let oldParent = try UnitRecord.fetch(before.parentRow!, in: db)
            let newParent = try Scope.unit(request.newParentID, field: "new_parent_id", within: principal, in: db)
            let after = try UnitStore.move(before, under: newParent, in: db)
            try UnitStore.recordEvent("moved", unit: after, from: oldParent, to: newParent, on: date, decision: request.decision, membersMoved: 0, in: db)
            return Mutation(
                response: after.message,
                audit: .of(after.message, id: after.id, unitID: after.id, old: before.message, reason: request.decision),
                changes: [.of(after.message, id: after.id, unitID: after.id, .updated)]
            )
        }
    }

    func dissolveUnit(_ request: DissolveUnitRequest, _ context: CallContext) async throws -> Unit {
        let date = try Fields.date(request.effectiveOn, field: "effective_on", default: self.today)
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 1000)
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try Scope.unit(request.id, field: "id", within: principal, in: db)
            try Self.requireDissolvable(before, field: "id", principal: principal, in: db)
            let target = request.transferMembersTo.isEmpty ? nil
                : try Scope.unit(request.transferMembersTo, field: "transfer_members_to", within: principal, in: db)
            if let target {
                guard target.isLive, target.row != before.row else {
                    throw RPCError(.failedPrecondition, "members can only move to another live unit", field: "transfer_members_to", rule: "unit.live")
                }
            }
            var changes: [ChangeEntry] = []
            for member in try MemberStore.current(of: before, in: db) {
                let moved = try target.map { try MemberStore.transfer(member, to: $0, on: date, in: db) }
                    ?? MemberStore.leave(member, on: date, in: db)
                changes.append(.of(moved.message, id: moved.id, unitID: moved.unitID, .updated))
            }
            let after = try UnitStore.end(before, on: date, in: db)
            try UnitStore.recordEvent("dissolved", unit: after, from: nil, to: target, on: date, decision: request.decision, membersMoved: changes.count, in: db)
            changes.append(.of(after.message, id: after.id, unitID: after.id, .updated))
            return Mutation(
                response: after.message,
                audit: .of(after.message, id: after.id, unitID: after.id, old: before.message, reason: reason),
                changes: changes
            )
        }
    }

    func mergeUnits(_ request: MergeUnitsRequest, _ context: CallContext) async throws -> Unit {
        guard !request.sourceIds.isEmpty else {
            throw RPCError(.invalidArgument, "source_ids must name at least one unit", field: "source_ids", rule: "field.required")
        }
        guard Set(request.sourceIds).count == request.sourceIds.count, !request.sourceIds.contains(request.targetID) else {
            throw RPCError(.invalidArgument, "source_ids must be distinct and must not contain the target", field: "source_ids", rule: "unit.merge_sources")
        }
        let date = try Fields.date(request.effectiveOn, field: "effective_on", default: self.today)
        return try await self.core.mutate(context, request: request) { db, principal in
            let target = try Scope.unit(request.targetID, field: "target_id", within: principal, in: db)
            guard target.isLive else {
                throw RPCError(.failedPrecondition, "unit \(target.id) was dissolved", field: "target_id", rule: "unit.live")
            }
            var changes: [ChangeEntry] = []
            var moved = 0
            for (index, sourceID) in request.sourceIds.enumerated() {
                let field = "source_ids[\(index)]"
                let source = try Scope.unit(sourceID, field: field, within: principal, in: db)
                try Self.requireDissolvable(source, field: field, principal: principal, in: db)
                let members = try MemberStore.current(of: source, in: db)
                for member in members {
                    let after = try MemberStore.transfer(member, to: target, on: date, in: db)
                    changes.append(.of(after.message, id: after.id, unitID: after.unitID, .updated))
                }
                moved += members.count
                let ended = try UnitStore.end(source, on: date, in: db)
                try UnitStore.recordEvent("merged", unit: ended, from: nil, to: target, on: date, decision: request.decision, membersMoved: members.count, in: db)
                changes.append(.of(ended.message, id: ended.id, unitID: ended.id, .updated))
            }
            return Mutation(
                response: target.message,
                audit: AuditEntry(
                    targetType: Unit.protoMessageName, targetID: target.id, unitID: target.id, oldValue: nil,
                    newValue: target.message,
                    reason: "merged \(request.sourceIds.joined(separator: ", ")) into \(target.id), \(moved) members moved; \(request.decision)"
                ),
                changes: changes
            )
        }
    }

    /// A unit can end when it is live, is not the key's own root, and has no live children.
    private static func requireDissolvable(_ unit: UnitRecord, field: String, principal: Principal, in db: Database) throws {
        guard unit.isLive else {
            throw RPCError(.failedPrecondition, "unit \(unit.id) was already dissolved on \(unit.validTo ?? "")", field: field, rule: "unit.live")
        }
        guard unit.parentRow != nil, unit.id != principal.scopeUnitID else {
            throw RPCError(.permissionDenied, "the root of a key's subtree cannot be dissolved with that key", field: field, rule: "scope.subtree")
        }
        guard try !UnitStore.hasLiveChildren(unit, in: db) else {
            throw RPCError(
                .failedPrecondition,
                "unit \(unit.id) still has live units below it; move or dissolve them first",
                field: field,
                rule: "unit.no_live_children"
            )
        }
    }

    func listUnitEvents(_ request: ListUnitEventsRequest, _ context: CallContext) async throws -> ListUnitEventsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.rootID, field: "root_id", within: principal, in: db)
            var query: SQLQuery = """
                SELECT e.* FROM core_unit_event e JOIN core_unit u ON u.id = e.unit_id
                WHERE u.path LIKE \(root.path) || '%'
                """
            if let after = page.after, let row = Int64(after) {
                query.append(" AND e.id > \(row)")
            }
            query.append(" ORDER BY e.id LIMIT \(page.fetchLimit)")
            let rows = try db.fetchAll(query)
            let (events, next) = try page.finish(rows) { "\(try $0["id"] as Int64)" }
            return try .with {
                $0.events = try events.map { row in
                    try UnitEvent.with {
                        $0.id = EntityID.event(try row["id"])
                        $0.kind = try row["kind"]
                        $0.unitID = EntityID.unit(try row["unit_id"])
                        $0.fromUnitID = (try row["from_unit_id"] as Int64?).map(EntityID.unit) ?? ""
                        $0.toUnitID = (try row["to_unit_id"] as Int64?).map(EntityID.unit) ?? ""
                        $0.effectiveOn = try row["effective_on"]
                        $0.decision = try row["decision"]
                        $0.membersMoved = try row["members_moved"]
                    }
                }
                $0.nextPageToken = next
            }
        }
    }
}
