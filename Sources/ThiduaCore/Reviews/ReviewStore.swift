import Foundation
import ThiduaModuleKit

/// A row of `core_review`.
struct ReviewRecord: Sendable, SQLRowDecodable {
    var row: Int64
    var subjectType: String
    var subjectID: String
    var campaignRow: Int64?
    var unitRow: Int64
    var levels: [Int64]
    var lifecycle: ReviewLifecycle
    var summary: String
    var correctsRow: Int64?
    var correctedByRow: Int64?

    var id: String { EntityID.review(self.row) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.subjectType = try row["subject_type"]
        self.subjectID = try row["subject_id"]
        self.campaignRow = try row["campaign_id"]
        self.unitRow = try row["unit_id"]
        self.levels = try (row["levels"] as String).split(separator: ",").compactMap { Int64($0) }
        self.lifecycle = try ReviewLifecycle(
            state: ReviewState(rawValue: row["state"]) ?? .inReview,
            currentLevel: row["current_level"],
            levelCount: self.levels.count,
            round: row["round"]
        )
        self.summary = try row["summary"]
        self.correctsRow = try row["corrects_review_id"]
        self.correctedByRow = try row["corrected_by_review_id"]
    }

    /// The unit the review waits for, while in review.
    var waitingFor: Int64? { self.lifecycle.state == .inReview ? self.levels[self.lifecycle.currentLevel] : nil }
    var deciderRow: Int64 { self.levels.last! }

    func reference(reason: String, byKeyID: String = "") -> ReviewReference {
        ReviewReference(
            id: self.id,
            subjectType: self.subjectType,
            subjectID: self.subjectID,
            campaignID: self.campaignRow.map(EntityID.campaign),
            unitID: EntityID.unit(self.unitRow),
            state: ReviewReference.State(rawValue: self.lifecycle.state.rawValue) ?? .inReview,
            round: self.lifecycle.round,
            reason: reason,
            move: self.lastMove,
            byKeyID: byKeyID
        )
    }

    /// The move that brought the review to its state, read from the state itself.
    var lastMove: ReviewReference.Move {
        switch self.lifecycle.state {
        case .rejected: .returned
        case .decided: .decided
        case .published: .published
        default:
            if self.lifecycle.currentLevel > 0 { .passedOn }
            else if self.lifecycle.round > 1 { .resubmitted }
            else if self.correctsRow != nil { .corrected }
            else { .submitted }
        }
    }
}

/// Reviews and their history.
enum ReviewStore {
    static func fetch(_ row: Int64, in db: Database) throws -> ReviewRecord? {
        try db.fetchOne("SELECT * FROM core_review WHERE id = \(row)", as: ReviewRecord.self)
    }

    /// The review named by a request field, submitted inside the key's subtree or waiting for (or
    /// decided by) a unit in it.
    static func require(_ id: String, field: String, within principal: Principal, in db: Database) throws -> ReviewRecord {
        let row = try EntityID.row(id, prefix: "r", field: field)
        guard let review = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "review \(id) does not exist", field: field, rule: "review.exists")
        }
        let submitter = try UnitRecord.fetch(review.unitRow, in: db)!
        let decider = try UnitRecord.fetch(review.deciderRow, in: db)!
        guard Scope.covers(submitter.path, for: principal) || Scope.covers(decider.path, for: principal) else {
            throw RPCError(
                .permissionDenied,
                "review \(id) is outside the subtree of key \(principal.keyID), which is rooted at \(principal.scopeUnitID)",
                field: field,
                rule: "scope.subtree"
            )
        }
        return review
    }

    /// Stores a new review, waiting for the first level above `unit`, up to `decider`.
    static func submit(
        subjectType: String, subjectID: String, campaign: Int64?, unit: UnitRecord, decider: UnitRecord?,
        summary: String, corrects: Int64? = nil, principal: Principal, at now: Int64, in db: Database
    ) throws -> ReviewRecord {
        // '/1/5/23/' → [23's parent 5, then 1]: the ancestors, nearest first.
        let ancestors = Array(unit.path.split(separator: "/").compactMap { Int64($0) }.dropLast().reversed())
        let deciderRow = decider?.row ?? ancestors.first
        guard let deciderRow, let deciderIndex = ancestors.firstIndex(of: deciderRow) else {
            throw RPCError(
                .failedPrecondition,
                "a review climbs to a unit above \(unit.id); \(decider.map { "\($0.id) is not one" } ?? "the unit has none")",
                field: "decider_unit_id",
                rule: "review.decider_above"
            )
        }
        let levels = Array(ancestors[...deciderIndex])
        let open = try db.fetchOne("""
                SELECT id, state FROM core_review WHERE subject_type = \(subjectType) AND subject_id = \(subjectID) AND corrected_by_review_id IS NULL
                ORDER BY id DESC LIMIT 1
                """)
        if let open, corrects == nil {
            let state = ReviewState(rawValue: try open["state"]) ?? .inReview
            let rule = state == .published ? "review.published_immutable" : "review.already_open"
            throw RPCError(
                .failedPrecondition,
                "\(subjectID) already has review \(EntityID.review(try open["id"])), which is \(state)"
                    + (state == .published ? "; a published result is corrected with CorrectReview" : ""),
                field: "id",
                rule: rule
            )
        }
        let lifecycle = ReviewLifecycle.submitted(levels: levels.count)
        let review = try db.insert("""
                INSERT INTO core_review (subject_type, subject_id, campaign_id, unit_id, levels, current_level, state, round, summary, corrects_review_id)
                VALUES (\(subjectType), \(subjectID), \(campaign), \(unit.row),
                    \(levels.map(String.init).joined(separator: ",")), \(lifecycle.currentLevel),
                    \(lifecycle.state.rawValue), \(lifecycle.round), \(summary), \(corrects))
                RETURNING *
                """, as: ReviewRecord.self)
        try Self.recordStep(review, action: corrects == nil ? "submitted" : "correction submitted", unit: unit.row, principal: principal, reason: "", at: now, in: db)
        return review
    }

    /// Applies `action` by `actor` (the unit acting), records the step, and returns the review after it.
    static func move(
        _ review: ReviewRecord, _ action: ReviewLifecycle.Action, actor: Int64, principal: Principal, at now: Int64, in db: Database
    ) throws -> ReviewRecord {
        let (next, step) = try review.lifecycle.applying(action)
        try db.execute("""
            UPDATE core_review SET state = \(next.state.rawValue), current_level = \(next.currentLevel), round = \(next.round)
            WHERE id = \(review.row)
            """)
        var reason = ""
        if case .reject(let why) = action { reason = why }
        var after = review
        after.lifecycle = next
        try Self.recordStep(after, action: step, unit: actor, principal: principal, reason: reason, at: now, in: db)
        return after
    }

    static func recordStep(_ review: ReviewRecord, action: String, unit: Int64, principal: Principal, reason: String, at now: Int64, in db: Database) throws {
        try db.execute("""
            INSERT INTO core_review_step (review_id, at, action, unit_id, key_id, reason, round)
            VALUES (\(review.row), \(now), \(action), \(unit), \(principal.keyID), \(reason), \(review.lifecycle.round))
            """)
    }

    /// The reason of the last rejection, for observers.
    static func lastReason(of review: ReviewRecord, in db: Database) throws -> String {
        try db.fetchValue("""
            SELECT reason FROM core_review_step
            WHERE review_id = \(review.row)
            ORDER BY rowid DESC LIMIT 1
            """, as: String.self) ?? ""
    }

    static func message(_ review: ReviewRecord, in db: Database) throws -> Review {
        let steps = try db.fetchAll("SELECT * FROM core_review_step WHERE review_id = \(review.row) ORDER BY rowid")
        return try Review.with {
            $0.id = review.id
            $0.subjectType = review.subjectType
            $0.subjectID = review.subjectID
            $0.campaignID = review.campaignRow.map(EntityID.campaign) ?? ""
            $0.unitID = EntityID.unit(review.unitRow)
            $0.levels = review.levels.map(EntityID.unit)
            $0.currentLevel = UInt32(review.lifecycle.currentLevel)
            $0.state = review.lifecycle.state
            $0.round = UInt32(review.lifecycle.round)
            $0.summary = review.summary
            $0.correctsReviewID = review.correctsRow.map(EntityID.review) ?? ""
            $0.correctedByReviewID = review.correctedByRow.map(EntityID.review) ?? ""
            $0.steps = try steps.map { row in
                try ReviewStep.with {
                    $0.at = try row["at"]
                    $0.action = try row["action"]
                    $0.unitID = EntityID.unit(try row["unit_id"])
                    $0.keyID = try row["key_id"]
                    $0.reason = try row["reason"]
                    $0.round = try row["round"]
                }
            }
        }
    }
}
