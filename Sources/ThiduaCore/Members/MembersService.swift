import ThiduaModuleKit

/// `thidua.core.v1.Members`.
struct MembersService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Members") { service in
            service.unary(Methods.Core.Members.addMember, permission: Permissions.membersWrite, self.addMember)
            service.unary(Methods.Core.Members.getMember, permission: Permissions.membersRead, self.getMember)
            service.unary(Methods.Core.Members.listMembers, permission: Permissions.membersRead, self.listMembers)
            service.unary(Methods.Core.Members.updateMember, permission: Permissions.membersWrite, self.updateMember)
            service.unary(Methods.Core.Members.transferMember, permission: Permissions.membersWrite, self.transferMember)
            service.unary(Methods.Core.Members.getMemberHistory, permission: Permissions.membersRead, self.getMemberHistory)
        }
    }

    private var today: CalendarDate { CalendarDate(self.core.clock()) }

    static func requireGender(_ gender: Gender, field: String) throws(RPCError) -> Gender {
        try Fields.known(gender, field: field)
    }

    func addMember(_ request: AddMemberRequest, _ context: CallContext) async throws -> Member {
        let name = try Fields.text(request.fullName, field: "full_name")
        let gender = try Self.requireGender(request.gender, field: "gender")
        let role = try Fields.optionalText(request.role, field: "role", maxLength: 100) ?? ""
        let joinedOn = try request.joinedOn.isEmpty ? nil : CalendarDate.parse(request.joinedOn, field: "joined_on")
        if joinedOn != nil && !request.unionMember {
            throw RPCError(.invalidArgument, "joined_on is the day a union member joined; a worker who is not a member has none", field: "joined_on", rule: "member.joined_on")
        }
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let unit = try Scope.unit(request.unitID, field: "unit_id", within: principal, in: db)
            guard unit.isLive else {
                throw RPCError(.failedPrecondition, "unit \(unit.id) was dissolved", field: "unit_id", rule: "unit.live")
            }
            let member = try MemberStore.insert(
                unit: unit, fullName: name, gender: gender, role: role, unionMember: request.unionMember,
                joinedOn: joinedOn, since: joinedOn ?? today, in: db
            )
            return Mutation(
                response: member.message,
                audit: .of(member.message, id: member.id, unitID: unit.id),
                changes: [.of(member.message, id: member.id, unitID: unit.id, .created)]
            )
        }
    }

    private func visibleMember(_ id: String, field: String, principal: Principal, in db: Database) throws -> MemberRecord {
        let member = try MemberStore.require(id, field: field, in: db)
        _ = try Scope.unit(member.unitID, field: field, within: principal, in: db)
        return member
    }

    func getMember(_ request: GetMemberRequest, _ context: CallContext) async throws -> Member {
        try await self.core.read(context) { db, principal in
            try self.visibleMember(request.id, field: "id", principal: principal, in: db).message
        }
    }

    func listMembers(_ request: ListMembersRequest, _ context: CallContext) async throws -> ListMembersResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        return try await self.core.read(context) { db, principal in
            let unit = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let rows = try MemberStore.list(
                under: unit, includeSubtree: request.includeSubtree, includeFormer: request.includeFormer, page: page, in: db
            )
            let (members, next) = page.finish(rows) { "\($0.row)" }
            return .with {
                $0.members = members.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    func updateMember(_ request: UpdateMemberRequest, _ context: CallContext) async throws -> Member {
        let mask = try Fields.updateMask(
            request.updateMask,
            allowed: ["full_name", "gender", "role", "union_member", "joined_on", "left_on"]
        )
        let name = try mask.contains("full_name") ? Fields.text(request.fullName, field: "full_name") : nil
        let gender = try mask.contains("gender") ? Self.requireGender(request.gender, field: "gender") : nil
        let role = try mask.contains("role") ? Fields.optionalText(request.role, field: "role", maxLength: 100) ?? "" : nil
        let joinedOn = try mask.contains("joined_on") && !request.joinedOn.isEmpty ? CalendarDate.parse(request.joinedOn, field: "joined_on") : nil
        let leftOn = try mask.contains("left_on") ? CalendarDate.parse(request.leftOn, field: "left_on") : nil
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try self.visibleMember(request.id, field: "id", principal: principal, in: db)
            guard before.leftOn == nil else {
                throw RPCError(.failedPrecondition, "member \(before.id) left on \(before.leftOn!); the record is closed", field: "id", rule: "member.current")
            }
            let unionMember = mask.contains("union_member") ? request.unionMember : before.unionMember
            let joined = mask.contains("joined_on") ? joinedOn?.description : before.joinedOn
            try db.execute("""
                UPDATE core_member SET full_name = \(name ?? before.fullName), gender = \((gender ?? before.gender).rawValue),
                    role = \(role ?? before.role), union_member = \(unionMember), joined_on = \(joined)
                WHERE id = \(before.row)
                """)
            var after = try MemberStore.fetch(before.row, in: db)!
            if let leftOn { after = try MemberStore.leave(after, on: leftOn, in: db) }
            return Mutation(
                response: after.message,
                audit: .of(after.message, id: after.id, unitID: after.unitID, old: before.message, reason: request.reason),
                changes: [.of(after.message, id: after.id, unitID: after.unitID, .updated)]
            )
        }
    }

    func transferMember(_ request: TransferMemberRequest, _ context: CallContext) async throws -> Member {
        let date = try Fields.date(request.effectiveOn, field: "effective_on", default: self.today)
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try self.visibleMember(request.id, field: "id", principal: principal, in: db)
            guard before.leftOn == nil else {
                throw RPCError(.failedPrecondition, "member \(before.id) left on \(before.leftOn!)", field: "id", rule: "member.current")
            }
            let target = try Scope.unit(request.toUnitID, field: "to_unit_id", within: principal, in: db)
            guard target.isLive, target.row != before.unitRow else {
                throw RPCError(.failedPrecondition, "a member moves to another live unit", field: "to_unit_id", rule: "member.transfer_target")
            }
            let after = try MemberStore.transfer(before, to: target, on: date, in: db)
            return Mutation(
                response: after.message,
                audit: .of(after.message, id: after.id, unitID: after.unitID, old: before.message, reason: request.reason),
                changes: [.of(after.message, id: after.id, unitID: after.unitID, .updated)]
            )
        }
    }

    func getMemberHistory(_ request: GetMemberHistoryRequest, _ context: CallContext) async throws -> GetMemberHistoryResponse {
        try await self.core.read(context) { db, principal in
            let member = try self.visibleMember(request.id, field: "id", principal: principal, in: db)
            let rows = try db.fetchAll("""
                SELECT unit_id, from_date, to_date
                FROM core_membership WHERE member_id = \(member.row)
                ORDER BY rowid
                """)
            return try .with {
                $0.periods = try rows.map { row in
                    try MembershipPeriod.with {
                        $0.unitID = EntityID.unit(try row["unit_id"])
                        $0.from = try row["from_date"]
                        $0.to = try row["to_date"] ?? ""
                    }
                }
            }
        }
    }
}
