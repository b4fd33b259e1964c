import Crypto
import Foundation
import SwiftProtobuf
import ThiduaModuleKit

/// The core's side of ``CoreAccess``: the one pipeline every mutating call takes, reads with a
/// principal, and the subtree check.
struct CorePipeline: CoreAccess {
    let storage: Storage
    let clock: @Sendable () -> Date
    /// The keys, so a call of a key revoked while it waited for the writer is refused there.
    let keys: KeyRegistry
    let reviewObservers = ReviewObservers()
    let awardRevocationObservers = AwardRevocationObservers()
    let titleConditions = TitleConditions()

    /// Longest idempotency key accepted.
    static let maxIdempotencyKeyLength = 200

    func mutate<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ context: CallContext,
        request: Request,
        _ body: @escaping @Sendable (Database, Principal) throws -> Mutation<Response>
    ) async throws -> Response {
        let principal = try Self.principal(of: context)
        let method = context.method.path
        let idempotencyKey = try Self.idempotencyKey(of: context)
        let requestHash = idempotencyKey == nil ? "" : Self.hash(try request.serializedBytes())
        let now = Int64(self.clock().timeIntervalSince1970 * 1000)
        return try await self.storage.write { db in
            // Before the idempotency replay: a revoked key gets nothing, not even an old answer.
            try self.requireLive(principal)
            if let idempotencyKey,
                let earlier = try db.fetchOne("""
                    SELECT method, request_hash, response FROM core_idempotency
                    WHERE key_id = \(principal.keyID) AND idempotency_key = \(idempotencyKey)
                    """)
            {
                guard try earlier["method"] == method, try earlier["request_hash"] == requestHash else {
                    throw RPCError(
                        .failedPrecondition,
                        "the idempotency key \"\(idempotencyKey)\" was already used for a different request",
                        field: "metadata.idempotency-key",
                        rule: "idempotency.key_reused"
                    )
                }
                return try Response(serializedBytes: earlier["response"] as Data)
            }
            let mutation = try body(db, principal)
            try Self.record(mutation.audit, method: method, principal: principal, at: now, in: db)
            for change in mutation.changes {
                try Self.record(change, at: now, in: db)
            }
            if let idempotencyKey {
                let response: Data = try mutation.response.serializedBytes()
                try db.execute("""
                        INSERT INTO core_idempotency (key_id, idempotency_key, method, request_hash, response, at)
                        VALUES (\(principal.keyID), \(idempotencyKey), \(method), \(requestHash), \(response), \(now))
                        """)
            }
            return mutation.response
        }
    }

    func read<T: Sendable>(_ context: CallContext, _ body: @escaping @Sendable (Database, Principal) throws -> T) async throws -> T {
        let principal = try Self.principal(of: context)
        try self.requireLive(principal)
        return try await self.storage.read { db in try body(db, principal) }
    }

    func unit(_ unitID: String, within principal: Principal, field: String, in db: Database) throws -> UnitReference {
        let record = try UnitRecord.require(unitID, field: field, in: db)
        try Scope.require(record, within: principal, in: db, field: field)
        return record.reference
    }

    func units(under unitID: String, in db: Database) throws -> [UnitReference] {
        let root = try UnitRecord.require(unitID, field: "unit_id", in: db)
        return try db.fetchAll("SELECT * FROM core_unit WHERE path LIKE \(root.path) || '%' ORDER BY depth, id")
            .map { try UnitRecord(row: $0).reference }
    }

    func requireInScope(_ unit: UnitReference, of campaign: CampaignReference, field: String, in db: Database) throws {
        let record = try UnitRecord.require(unit.id, field: field, in: db)
        let scope = try UnitRecord.require(campaign.scopeUnitID, field: field, in: db)
        guard record.path.hasPrefix(scope.path) else {
            throw CampaignRecord.outsideScope(unit: record, campaignID: campaign.id, scope: scope, field: field)
        }
    }

    func member(_ memberID: String, within principal: Principal, field: String, in db: Database) throws -> MemberReference {
        let member = try MemberStore.require(memberID, field: field, in: db)
        _ = try Scope.unit(member.unitID, field: field, within: principal, in: db)
        return MemberReference(
            id: member.id, unitID: member.unitID, fullName: member.fullName,
            gender: MemberReference.Gender(rawValue: member.gender.rawValue) ?? .unspecified,
            isUnionMember: member.unionMember, role: member.role, isCurrent: member.leftOn == nil
        )
    }

    func campaign(_ campaignID: String, within principal: Principal, field: String, in db: Database) throws -> CampaignReference {
        try CampaignRecord.require(campaignID, field: field, within: principal, in: db).reference
    }

    func addProgress(campaignID: String, unitID: String, delta: Int, in db: Database) throws {
        try ProgressStore.add(
            campaign: try EntityID.row(campaignID, prefix: "p", field: "campaign_id"),
            unit: try EntityID.unitRow(unitID, field: "unit_id"),
            delta: delta,
            in: db
        )
    }

    func submitReview(_ submission: ReviewSubmission, by principal: Principal, in db: Database) throws -> ReviewReference {
        let unit = try Scope.unit(submission.unitID, field: "unit_id", within: principal, in: db)
        let decider = try submission.deciderUnitID.map { try UnitRecord.require($0, field: "decider_unit_id", in: db) }
        let campaign = try submission.campaignID.map { try EntityID.row($0, prefix: "p", field: "campaign_id") }
        let review = try ReviewStore.submit(
            subjectType: submission.subjectType, subjectID: submission.subjectID, campaign: campaign, unit: unit,
            decider: decider, summary: submission.summary, principal: principal, at: self.clock().unixMilliseconds, in: db
        )
        let reference = review.reference(reason: "", byKeyID: principal.keyID)
        try self.reviewObservers.moved(reference, in: db)
        return reference
    }

    func resubmitReview(_ reviewID: String, summary: String?, by principal: Principal, in db: Database) throws -> ReviewReference {
        let before = try ReviewStore.require(reviewID, field: "review_id", within: principal, in: db)
        try Scope.require(try UnitRecord.fetch(before.unitRow, in: db)!, within: principal, in: db, field: "review_id")
        if let summary {
            try db.execute("UPDATE core_review SET summary = \(summary) WHERE id = \(before.row)")
        }
        let after = try ReviewStore.move(before, .resubmit, actor: before.unitRow, principal: principal, at: self.clock().unixMilliseconds, in: db)
        let reference = after.reference(reason: "", byKeyID: principal.keyID)
        try self.reviewObservers.moved(reference, in: db)
        return reference
    }

    func latestReview(subjectType: String, subjectID: String, in db: Database) throws -> ReviewReference? {
        let review = try db.fetchOne(
            "SELECT * FROM core_review WHERE subject_type = \(subjectType) AND subject_id = \(subjectID) ORDER BY id DESC LIMIT 1",
            as: ReviewRecord.self
        )
        return try review.map { $0.reference(reason: try ReviewStore.lastReason(of: $0, in: db)) }
    }

    func observeAwardRevocations(
        standing: @escaping @Sendable (Database) throws -> [String],
        _ observer: @escaping AwardRevocationObserver
    ) async throws {
        self.awardRevocationObservers.add(observer)
        try await self.storage.write { db in
            for (awardID, revokedOn) in try Self.revocations(ofAwards: try standing(db), in: db) {
                try observer(awardID, revokedOn, db)
            }
        }
    }

    /// The revocation date of each of `awardIDs` that has been revoked; awards that stand are absent.
    private static func revocations(ofAwards awardIDs: [String], in db: Database) throws -> [(String, CalendarDate)] {
        // Revoked awards are few: read them all once and keep those asked about.
        let asked = Set(awardIDs)
        var revoked: [(String, CalendarDate)] = []
        try db.forEach("SELECT id, revoked_on FROM core_award WHERE revoked_on IS NOT NULL ORDER BY id") { row in
            let awardID = EntityID.award(try row["id"])
            if asked.contains(awardID), let date = CalendarDate(try row["revoked_on"] as String) {
                revoked.append((awardID, date))
            }
        }
        return revoked
    }

    /// Refuses a call of a key revoked since its connection opened.
    private func requireLive(_ principal: Principal) throws(RPCError) {
        guard !self.keys.isRevoked(keyID: principal.keyID) else {
            throw RPCError(.unauthenticated, "the API key \(principal.keyID) was revoked", field: "", rule: "auth.key_revoked")
        }
    }

    func observeReviews(of subjectType: String, _ observer: @escaping ReviewObserver) {
        self.reviewObservers.add(observer, for: subjectType)
    }

    func grantAward(_ grant: AwardGrant, by principal: Principal, in db: Database) throws -> String {
        // A module's method has its own permission; granting an award needs the core's too.
        guard principal.holds(Permissions.awardsGrant) else {
            throw RPCError(
                .permissionDenied,
                "granting an award needs the permission \(Permissions.awardsGrant), which key \(principal.keyID) does not hold",
                field: "",
                rule: "auth.permission",
                values: ["permission": Permissions.awardsGrant]
            )
        }
        return try AwardStore.grant(grant, by: principal, conditions: self.titleConditions, in: db).id
    }

    func provideTitleEvidence(_ kind: String, _ finder: @escaping TitleEvidenceFinder) {
        self.titleConditions.provide(kind, finder)
    }

    // MARK: Pieces

    static func principal(of context: CallContext) throws(RPCError) -> Principal {
        guard let principal = context.peer.principal else {
            throw RPCError(.unauthenticated, "\(context.method.path) needs an API key", field: "", rule: "auth.key_required")
        }
        return principal
    }

    private static func idempotencyKey(of context: CallContext) throws(RPCError) -> String? {
        guard let key = context.metadata["idempotency-key"] else { return nil }
        guard !key.isEmpty, key.utf8.count <= Self.maxIdempotencyKeyLength else {
            throw RPCError(
                .invalidArgument,
                "the idempotency key must be 1 to \(Self.maxIdempotencyKeyLength) bytes long",
                field: "metadata.idempotency-key",
                rule: "idempotency.key_length",
                values: ["limit": "\(Self.maxIdempotencyKeyLength)"]
            )
        }
        return key
    }

    private static func hash(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    private static func record(_ audit: AuditEntry, method: String, principal: Principal, at now: Int64, in db: Database) throws {
        let unitRow = audit.unitID.isEmpty ? nil : try EntityID.unitRow(audit.unitID, field: "audit.unit_id")
        let oldValue = try audit.oldValue?.jsonString() ?? ""
        let newValue = try audit.newValue?.jsonString() ?? ""
        try db.execute("""
                INSERT INTO core_audit (at, key_id, method, target_type, target_id, unit_id, old_value, new_value, reason)
                VALUES (\(now), \(principal.keyID), \(method), \(audit.targetType), \(audit.targetID), \(unitRow),
                    \(oldValue), \(newValue), \(audit.reason))
                """)
    }

    private static func record(_ change: ChangeEntry, at now: Int64, in db: Database) throws {
        let unitRow = try EntityID.unitRow(change.unitID, field: "change.unit_id")
        let entity: Data = try change.entity?.serializedBytes() ?? Data()
        try db.execute("""
                INSERT INTO core_change (at, entity_type, entity_id, operation, unit_id, entity)
                VALUES (\(now), \(change.entityType), \(change.entityID), \(change.operation.rawValue), \(unitRow), \(entity))
                """)
    }
}
