import SwiftProtobuf

/// The core's services as modules use them.
public protocol CoreAccess: Sendable {
    /// Runs a mutating call through the one pipeline every change takes: the idempotency key is
    /// honoured (a retry returns the first answer and changes nothing), `body` runs inside a
    /// transaction shared through group commit, and exactly one audit record and the change-feed
    /// entries it returns are written in that same transaction. If anything throws, nothing of the
    /// call is stored. Returns after the commit.
    func mutate<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ context: CallContext,
        request: Request,
        _ body: @escaping @Sendable (Database, Principal) throws -> Mutation<Response>
    ) async throws -> Response

    /// Runs a read for a caller with a key, on a reader connection.
    func read<T: Sendable>(
        _ context: CallContext,
        _ body: @escaping @Sendable (Database, Principal) throws -> T
    ) async throws -> T

    /// The unit, if it is inside `principal`'s subtree: NOT_FOUND when it does not exist,
    /// PERMISSION_DENIED when it is elsewhere in the tree. `field` names the request field for
    /// the error's detail.
    func unit(_ unitID: String, within principal: Principal, field: String, in db: Database) throws -> UnitReference

    /// Every unit of the subtree under `unitID`, itself first, dissolved ones too.
    func units(under unitID: String, in db: Database) throws -> [UnitReference]

    /// For a module that keeps its own record of the awards it granted: runs `observer` for every
    /// award revoked from now on, in the transaction that revokes it, and first, once, for each
    /// of the awards `standing` lists that was revoked while the module was not loaded. Call it
    /// while provisioning; it returns once that catch-up has committed.
    func observeAwardRevocations(
        standing: @escaping @Sendable (Database) throws -> [String],
        _ observer: @escaping AwardRevocationObserver
    ) async throws

    /// Refuses a unit outside the campaign's scope, the subtree of its scope unit:
    /// FAILED_PRECONDITION, rule `campaign.scope`, naming `field`. The one scope check of the core
    /// and every module.
    func requireInScope(_ unit: UnitReference, of campaign: CampaignReference, field: String, in db: Database) throws

    /// The member, if its unit is inside `principal`'s subtree (NOT_FOUND, PERMISSION_DENIED).
    func member(_ memberID: String, within principal: Principal, field: String, in db: Database) throws -> MemberReference

    /// The campaign, if `principal` may see it: launched in its subtree, or covering its unit.
    func campaign(_ campaignID: String, within principal: Principal, field: String, in db: Database) throws -> CampaignReference

    /// Adds to what `unitID` achieved in a campaign; progress reports roll it up the tree. A
    /// negative `delta` takes back an earlier count.
    func addProgress(campaignID: String, unitID: String, delta: Int, in db: Database) throws

    /// Starts the review of a module's entity. The caller's key must reach `submission.unitID`.
    /// The module's own observer hears it (`move` `.submitted`).
    func submitReview(_ submission: ReviewSubmission, by principal: Principal, in db: Database) throws -> ReviewReference

    /// Sends a rejected review in again, from its submitting unit, which the caller's key must
    /// reach: a new round that climbs the levels from the first (`move` `.resubmitted`).
    /// `summary`, when given, replaces the one sent before. A review that is not rejected is
    /// refused (FAILED_PRECONDITION, `review.transition`).
    func resubmitReview(_ reviewID: String, summary: String?, by principal: Principal, in db: Database) throws -> ReviewReference

    /// The latest review of an entity, if it was ever submitted.
    func latestReview(subjectType: String, subjectID: String, in db: Database) throws -> ReviewReference?

    /// Registers `observer` for the reviews of `subjectType`. Call it while provisioning.
    func observeReviews(of subjectType: String, _ observer: @escaping ReviewObserver)

    /// Grants an award through the catalogue, its issuing rules, the conditions of a title and
    /// the caps in force, if `principal` holds `awards.grant` (PERMISSION_DENIED otherwise).
    /// Returns the award's id.
    func grantAward(_ grant: AwardGrant, by principal: Principal, in db: Database) throws -> String

    /// Registers where evidence of `kind` (see ``TitleEvidenceKind``) is found, for the titles
    /// whose conditions name it. Several modules may find the same kind: one finding is enough.
    /// Call it while provisioning.
    func provideTitleEvidence(_ kind: String, _ finder: @escaping TitleEvidenceFinder)
}

extension CoreAccess {
    /// The campaign a module's method takes: one the key may see (NOT_FOUND, PERMISSION_DENIED),
    /// run by `module` (rule `campaign.module`), launched and not closed when `running`
    /// (`campaign.running`), and over `period` when one is given (`campaign.period`). Each refusal
    /// names `field`.
    public func campaign(
        _ campaignID: String, of module: String, running: Bool = false, period: CampaignReference.Period? = nil,
        within principal: Principal, field: String, in db: Database
    ) throws -> CampaignReference {
        let campaign = try self.campaign(campaignID, within: principal, field: field, in: db)
        try campaign.require(module: module, field: field)
        if running {
            try campaign.requireRunning(field: field)
        }
        if let period {
            try campaign.require(period: period, field: field)
        }
        return campaign
    }

    /// The root unit of the organisation, when `principal`'s key is rooted there: for what is the
    /// same for everyone (rule sets, criteria sheets, benefit bands). Otherwise PERMISSION_DENIED,
    /// rule `scope.root`, the one rule of this refusal in the core and every module; `what` names
    /// what is being set, in the message ("the criteria sheets").
    public func requireRootKey(_ principal: Principal, setting what: String, in db: Database) throws -> UnitReference {
        let scope = try self.unit(principal.scopeUnitID, within: principal, field: "", in: db)
        guard scope.parentID == nil else {
            throw RPCError(
                .permissionDenied,
                "\(what) apply to the whole organisation: they are set with a key on the root unit, not on \(scope.id)",
                field: "",
                rule: "scope.root"
            )
        }
        return scope
    }
}

/// What a module knows of a unit.
public struct UnitReference: Sendable, Equatable {
    /// The level of the organisation a unit is, numbered as `thidua.core.v1.UnitKind`.
    public enum Kind: Int, Sendable, CaseIterable {
        case unspecified = 0
        case confederation = 1
        case provincialFederation = 2
        case districtFederation = 3
        case communeUnion = 4
        case industrialParkUnion = 5
        case sectorUnion = 6
        case grassrootsUnion = 7
    }

    /// Where a grassroots union's workers work, numbered as `thidua.core.v1.Sector`.
    public enum Sector: Int, Sendable, CaseIterable {
        case unspecified = 0
        case communeTown = 1
        case publicAgency = 2
        case nonStateEnterprise = 3
        case school = 4
        case stateEnterprise = 5
        case foreignInvestedEnterprise = 6

        /// The enterprise sectors, where dialogue and collective bargaining happen.
        public var isEnterprise: Bool { [.nonStateEnterprise, .stateEnterprise, .foreignInvestedEnterprise].contains(self) }
    }

    public let id: String
    /// Nil for the root.
    public let parentID: String?
    public let name: String
    public let kind: Kind
    public let sector: Sector
    public let fullyStateFunded: Bool
    /// False once the unit has been dissolved or merged away.
    public let isLive: Bool

    public init(id: String, parentID: String?, name: String, kind: Kind, sector: Sector, fullyStateFunded: Bool, isLive: Bool) {
        self.id = id
        self.parentID = parentID
        self.name = name
        self.kind = kind
        self.sector = sector
        self.fullyStateFunded = fullyStateFunded
        self.isLive = isLive
    }
}

/// What a mutating call did: its answer, the one audit record, and its change-feed entries.
public struct Mutation<Response: SwiftProtobuf.Message>: Sendable {
    public var response: Response
    public var audit: AuditEntry
    public var changes: [ChangeEntry]

    public init(response: Response, audit: AuditEntry, changes: [ChangeEntry]) {
        self.response = response
        self.audit = audit
        self.changes = changes
    }
}

extension Mutation {
    /// The common case: the call created or changed one entity and answers with it. Its audit
    /// record holds `old` (nil for a new entity) and `entity`, and its one change-feed entry says
    /// `.created` when there was no `old`, `.updated` otherwise.
    public static func change(
        _ entity: Response,
        id: String,
        unitID: String,
        old: (any SwiftProtobuf.Message)? = nil,
        reason: String = ""
    ) -> Mutation {
        Mutation(
            response: entity,
            audit: .of(entity, id: id, unitID: unitID, old: old, reason: reason),
            changes: [.of(entity, id: id, unitID: unitID, old == nil ? .created : .updated)]
        )
    }
}

/// The audit record of one call: which entity, in which unit, from what to what, and why.
public struct AuditEntry: Sendable {
    public var targetType: String
    public var targetID: String
    public var unitID: String
    public var oldValue: (any SwiftProtobuf.Message)?
    public var newValue: (any SwiftProtobuf.Message)?
    public var reason: String

    public init(
        targetType: String,
        targetID: String,
        unitID: String,
        oldValue: (any SwiftProtobuf.Message)?,
        newValue: (any SwiftProtobuf.Message)?,
        reason: String = ""
    ) {
        self.targetType = targetType
        self.targetID = targetID
        self.unitID = unitID
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
    }

    /// The record of a change to one entity, typed by its message.
    public static func of(
        _ entity: some SwiftProtobuf.Message,
        id: String,
        unitID: String,
        old: (any SwiftProtobuf.Message)? = nil,
        reason: String = ""
    ) -> AuditEntry {
        AuditEntry(
            targetType: type(of: entity).protoMessageName,
            targetID: id,
            unitID: unitID,
            oldValue: old,
            newValue: entity,
            reason: reason
        )
    }
}

/// One entry of the change feed.
public struct ChangeEntry: Sendable {
    public enum Operation: String, Sendable {
        case created, updated, deleted
    }

    public var entityType: String
    public var entityID: String
    public var operation: Operation
    public var unitID: String
    /// The entity after the change; nil for a deletion.
    public var entity: (any SwiftProtobuf.Message)?

    public init(entityType: String, entityID: String, operation: Operation, unitID: String, entity: (any SwiftProtobuf.Message)?) {
        self.entityType = entityType
        self.entityID = entityID
        self.operation = operation
        self.unitID = unitID
        self.entity = entity
    }

    /// A created or updated entity.
    public static func of(_ entity: some SwiftProtobuf.Message, id: String, unitID: String, _ operation: Operation) -> ChangeEntry {
        ChangeEntry(entityType: type(of: entity).protoMessageName, entityID: id, operation: operation, unitID: unitID, entity: entity)
    }
}
