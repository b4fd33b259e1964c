import ThiduaModuleKit

/// `thidua.core.v1.Awards`: the catalogue, grants, revocations and caps.
struct AwardsService: RegistrableService {
    let core: CorePipeline

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Awards") { service in
            service.unary(Methods.Core.Awards.listAwardForms, permission: Permissions.awardsRead, self.listAwardForms)
            service.unary(Methods.Core.Awards.defineAwardForm, permission: Permissions.awardsManage, self.defineAwardForm)
            service.unary(Methods.Core.Awards.grantAward, permission: Permissions.awardsGrant, self.grantAward)
            service.unary(Methods.Core.Awards.revokeAward, permission: Permissions.awardsGrant, self.revokeAward)
            service.unary(Methods.Core.Awards.getAward, permission: Permissions.awardsRead, self.getAward)
            service.unary(Methods.Core.Awards.listAwards, permission: Permissions.awardsRead, self.listAwards)
            service.unary(Methods.Core.Awards.setAwardCap, permission: Permissions.awardsManage, self.setAwardCap)
            service.unary(Methods.Core.Awards.listAwardCaps, permission: Permissions.awardsRead, self.listAwardCaps)
            service.unary(Methods.Core.Awards.listTitleConditions, permission: Permissions.awardsRead, self.listTitleConditions)
            service.unary(Methods.Core.Awards.setTitleConditions, permission: Permissions.awardsManage, self.setTitleConditions)
        }
    }

    func listAwardForms(_ request: ListAwardFormsRequest, _ context: CallContext) async throws -> ListAwardFormsResponse {
        try await self.core.read(context) { db, _ in
            try .with { $0.forms = try db.fetchAll("SELECT * FROM core_award_form ORDER BY code").map { try AwardFormRecord(row: $0).message } }
        }
    }

    /// PERMISSION_DENIED unless the key is rooted at the top of the tree: the catalogue and the
    /// caps are the same for everyone.
    private static func requireRoot(_ principal: Principal, in db: Database) throws {
        let path = try Scope.path(of: principal, in: db)
        guard path.split(separator: "/").count == 1 else {
            throw RPCError(.permissionDenied, "the award catalogue and caps are managed from the root of the tree", field: "", rule: "scope.root")
        }
    }

    func defineAwardForm(_ request: AwardForm, _ context: CallContext) async throws -> AwardForm {
        guard request.code.count >= 2, request.code.count <= 60,
            request.code.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
        else {
            throw RPCError(.invalidArgument, "code must be 2 to 60 characters of a-z, 0-9 and _", field: "code", rule: "award.code_format")
        }
        let name = try Fields.text(request.name, field: "name")
        let recipients = try Fields.known(request.recipients, field: "recipients")
        guard !request.issuingKinds.isEmpty else {
            throw RPCError(.invalidArgument, "issuing_kinds must name the kinds of unit that may issue it", field: "issuing_kinds", rule: "field.required")
        }
        // Each kind of unit at most once: the list is bounded by the kinds there are.
        var seen = Set<UnitKind>()
        for (index, kind) in request.issuingKinds.enumerated() {
            _ = try Fields.known(kind, field: "issuing_kinds[\(index)]")
            guard seen.insert(kind).inserted else {
                throw RPCError(
                    .invalidArgument,
                    "issuing_kinds[\(index)] names \(kind) again; name each kind of unit once",
                    field: "issuing_kinds[\(index)]",
                    rule: "field.duplicate"
                )
            }
        }
        return try await self.core.mutate(context, request: request) { db, principal in
            try Self.requireRoot(principal, in: db)
            let old = try db.fetchOne("SELECT * FROM core_award_form WHERE code = \(request.code)").map { try AwardFormRecord(row: $0).message }
            try db.execute("""
                    INSERT INTO core_award_form (code, name, recipients, issuing_kinds, title) VALUES (\(request.code),
                        \(name), \(recipients.rawValue),
                        \(request.issuingKinds.map { "\($0.rawValue)" }.joined(separator: ",")), \(request.title))
                    ON CONFLICT (code) DO UPDATE SET name = excluded.name, recipients = excluded.recipients,
                        issuing_kinds = excluded.issuing_kinds, title = excluded.title
                    """)
            let form = try AwardStore.requireForm(request.code, field: "code", in: db).message
            return Mutation(
                response: form,
                audit: .of(form, id: form.code, unitID: principal.scopeUnitID, old: old),
                changes: [.of(form, id: form.code, unitID: principal.scopeUnitID, old == nil ? .created : .updated)]
            )
        }
    }

    func grantAward(_ request: GrantAwardRequest, _ context: CallContext) async throws -> Award {
        let achievement = try Fields.text(request.achievement, field: "achievement", maxLength: 300)
        let number = try Fields.text(request.decisionNumber, field: "decision_number", maxLength: 100)
        guard !request.decisionDate.isEmpty else {
            throw RPCError(.invalidArgument, "decision_date must not be empty", field: "decision_date", rule: "field.required")
        }
        let date = try CalendarDate.parse(request.decisionDate, field: "decision_date")
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let grant = AwardGrant(
            formCode: request.formCode, issuingUnitID: request.issuingUnitID,
            recipientUnitID: request.recipientUnitID,
            recipientMemberID: request.recipientMemberID.isEmpty ? nil : request.recipientMemberID,
            achievement: achievement, campaignID: request.campaignID.isEmpty ? nil : request.campaignID,
            decisionNumber: number, decisionDate: date, reason: reason
        )
        return try await self.core.mutate(context, request: request) { db, principal in
            var grant = grant
            if grant.recipientUnitID.isEmpty, let memberID = grant.recipientMemberID {
                grant.recipientUnitID = try MemberStore.require(memberID, field: "recipient_member_id", in: db).unitID
            }
            let award = try AwardStore.grant(grant, by: principal, conditions: self.core.titleConditions, in: db).message
            return Mutation(
                response: award,
                audit: .of(award, id: award.id, unitID: award.recipientUnitID, reason: reason),
                changes: [.of(award, id: award.id, unitID: award.recipientUnitID, .created)]
            )
        }
    }

    func revokeAward(_ request: RevokeAwardRequest, _ context: CallContext) async throws -> Award {
        let row = try EntityID.row(request.id, prefix: "a", field: "id")
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 500)
        let today = CalendarDate(self.core.clock())
        return try await self.core.mutate(context, request: request) { db, principal in
            guard let before = try AwardStore.fetch(row, in: db) else {
                throw RPCError(.notFound, "award \(request.id) does not exist", field: "id", rule: "award.exists")
            }
            try Scope.require(try UnitRecord.fetch(before.issuingUnitRow, in: db)!, within: principal, in: db, field: "id")
            guard before.revokedOn == nil else {
                throw RPCError(.failedPrecondition, "award \(before.id) was revoked on \(before.revokedOn!)", field: "id", rule: "award.revoked")
            }
            try db.execute("UPDATE core_award SET revoked_on = \(today.description), revoke_reason = \(reason) WHERE id = \(row)")
            try self.core.awardRevocationObservers.revoked(before.id, on: today, in: db)
            let after = try AwardStore.fetch(row, in: db)!.message
            return Mutation(
                response: after,
                audit: .of(after, id: after.id, unitID: after.recipientUnitID, old: before.message, reason: reason),
                changes: [.of(after, id: after.id, unitID: after.recipientUnitID, .updated)]
            )
        }
    }

    func getAward(_ request: GetAwardRequest, _ context: CallContext) async throws -> Award {
        let row = try EntityID.row(request.id, prefix: "a", field: "id")
        return try await self.core.read(context) { db, principal in
            guard let award = try AwardStore.fetch(row, in: db) else {
                throw RPCError(.notFound, "award \(request.id) does not exist", field: "id", rule: "award.exists")
            }
            try Scope.require(try UnitRecord.fetch(award.recipientUnitRow, in: db)!, within: principal, in: db, field: "id")
            return award.message
        }
    }

    func listAwards(_ request: ListAwardsRequest, _ context: CallContext) async throws -> ListAwardsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        let after = page.after.flatMap { Int64($0) } ?? 0
        let from = try request.from.isEmpty ? "" : CalendarDate.parse(request.from, field: "from").description
        let to = try request.to.isEmpty ? "9999-12-31" : CalendarDate.parse(request.to, field: "to").description
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let rows = try db.fetchAll("""
                    SELECT a.* FROM core_award a JOIN core_unit u ON u.id = a.recipient_unit_id
                    WHERE u.path LIKE \(root.path) || '%' AND (\(request.formCode) = '' OR a.form_code = \(request.formCode)) AND a.decision_date BETWEEN \(from) AND \(to)
                      AND (\(request.includeRevoked) OR a.revoked_on IS NULL) AND a.id > \(after)
                    ORDER BY a.id LIMIT \(page.fetchLimit)
                    """, as: AwardRecord.self)
            let (awards, next) = page.finish(rows) { "\($0.row)" }
            return .with {
                $0.awards = awards.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    func setAwardCap(_ request: AwardCap, _ context: CallContext) async throws -> AwardCap {
        let regulation = try Fields.text(request.regulation, field: "regulation")
        guard !request.effectiveFrom.isEmpty else {
            throw RPCError(.invalidArgument, "effective_from must not be empty", field: "effective_from", rule: "field.required")
        }
        let effectiveFrom = try CalendarDate.parse(request.effectiveFrom, field: "effective_from")
        guard request.maxPercentOfBasis <= 100 else {
            throw RPCError(.invalidArgument, "max_percent_of_basis is a percentage, at most 100", field: "max_percent_of_basis", rule: "award.cap_percent")
        }
        guard (request.maxPercentOfBasis == 0) == request.basisFormCode.isEmpty else {
            throw RPCError(
                .invalidArgument,
                "basis_form_code and max_percent_of_basis go together: both set or both empty",
                field: "basis_form_code",
                rule: "award.cap_basis"
            )
        }
        guard request.maxCount > 0 || request.maxPercentOfBasis > 0 else {
            throw RPCError(.invalidArgument, "a cap needs max_count or max_percent_of_basis", field: "max_count", rule: "award.cap_limit")
        }
        return try await self.core.mutate(context, request: request) { db, principal in
            try Self.requireRoot(principal, in: db)
            _ = try AwardStore.requireForm(request.formCode, field: "form_code", in: db)
            if !request.basisFormCode.isEmpty {
                _ = try AwardStore.requireForm(request.basisFormCode, field: "basis_form_code", in: db)
            }
            let old = try db.fetchOne(
                "SELECT * FROM core_award_cap WHERE form_code = \(request.formCode) AND effective_from = \(effectiveFrom)"
            ).map(Self.cap(row:))
            try db.execute("""
                    INSERT INTO core_award_cap (regulation, effective_from, form_code, max_count, basis_form_code, max_percent_of_basis)
                    VALUES (\(regulation), \(effectiveFrom), \(request.formCode), \(request.maxCount),
                        \(request.basisFormCode.isEmpty ? nil : request.basisFormCode), \(request.maxPercentOfBasis))
                    ON CONFLICT (form_code, effective_from) DO UPDATE SET regulation = excluded.regulation,
                        max_count = excluded.max_count, basis_form_code = excluded.basis_form_code,
                        max_percent_of_basis = excluded.max_percent_of_basis
                    """)
            var cap = request
            cap.regulation = regulation
            cap.effectiveFrom = effectiveFrom.description
            let id = "\(cap.formCode)@\(cap.effectiveFrom)"
            return Mutation(
                response: cap,
                audit: .of(cap, id: id, unitID: principal.scopeUnitID, old: old),
                changes: [.of(cap, id: id, unitID: principal.scopeUnitID, old == nil ? .created : .updated)]
            )
        }
    }

    func listAwardCaps(_ request: ListAwardCapsRequest, _ context: CallContext) async throws -> ListAwardCapsResponse {
        try await self.core.read(context) { db, _ in
            try .with { $0.caps = try db.fetchAll("SELECT * FROM core_award_cap ORDER BY form_code, effective_from").map(Self.cap(row:)) }
        }
    }

    func listTitleConditions(_ request: ListTitleConditionsRequest, _ context: CallContext) async throws -> ListTitleConditionsResponse {
        try await self.core.read(context) { db, _ in
            try .with { $0.sets = try TitleConditions.all(in: db) }
        }
    }

    func setTitleConditions(_ request: TitleConditionSet, _ context: CallContext) async throws -> TitleConditionSet {
        let regulation = try Fields.text(request.regulation, field: "regulation")
        guard !request.effectiveFrom.isEmpty else {
            throw RPCError(.invalidArgument, "effective_from must not be empty", field: "effective_from", rule: "field.required")
        }
        let effectiveFrom = try CalendarDate.parse(request.effectiveFrom, field: "effective_from")
        guard !request.requiredTitles.isEmpty || !request.requiredEvidence.isEmpty else {
            throw RPCError(
                .invalidArgument,
                "a version of a title's conditions names at least one required title or kind of evidence",
                field: "required_titles",
                rule: "award.title_conditions_empty"
            )
        }
        for (index, kind) in request.requiredEvidence.enumerated() {
            guard (2...60).contains(kind.count), kind.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
                throw RPCError(
                    .invalidArgument, "a kind of evidence is 2 to 60 characters of a-z, 0-9 and _", field: "required_evidence[\(index)]", rule: "award.code_format"
                )
            }
        }
        return try await self.core.mutate(context, request: request) { db, principal in
            try Self.requireRoot(principal, in: db)
            let form = try AwardStore.requireForm(request.formCode, field: "form_code", in: db)
            guard form.isTitle, form.recipients != .collective else {
                throw RPCError(
                    .failedPrecondition,
                    "\(form.name) (\(form.code)) is not a title given to people; conditions are checked for people's titles",
                    field: "form_code",
                    rule: "award.title_conditions_form"
                )
            }
            for (index, code) in request.requiredTitles.enumerated() {
                let field = "required_titles[\(index)]"
                let required = try AwardStore.requireForm(code, field: field, in: db)
                guard required.isTitle, required.code != form.code else {
                    throw RPCError(
                        .failedPrecondition, "\(required.name) (\(code)) is not another title of the catalogue", field: field, rule: "award.title_conditions_form"
                    )
                }
            }
            let version = TitleConditionSet.with {
                $0.regulation = regulation
                $0.effectiveFrom = effectiveFrom.description
                $0.formCode = form.code
                $0.requiredTitles = request.requiredTitles
                $0.requiredEvidence = request.requiredEvidence
            }
            let old = try TitleConditions.replace(with: version, in: db)
            let id = "\(version.formCode)@\(version.effectiveFrom)"
            return Mutation(
                response: version,
                audit: .of(version, id: id, unitID: principal.scopeUnitID, old: old),
                changes: [.of(version, id: id, unitID: principal.scopeUnitID, old == nil ? .created : .updated)]
            )
        }
    }

    private static func cap(row: SQLRow) throws -> AwardCap {
        try AwardCap.with {
            $0.regulation = try row["regulation"]
            $0.effectiveFrom = try row["effective_from"]
            $0.formCode = try row["form_code"]
            $0.maxCount = try row["max_count"]
            $0.basisFormCode = try row["basis_form_code"] ?? ""
            $0.maxPercentOfBasis = try row["max_percent_of_basis"]
        }
    }
}
