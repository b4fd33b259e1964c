/// What a module knows of a review of the core's workflow (`thidua.core.v1.Review`).
public struct ReviewReference: Sendable, Equatable {
    /// Numbered as `thidua.core.v1.ReviewState`.
    public enum State: Int, Sendable {
        case inReview = 1, rejected, decided, published
    }

    /// The move that brought the review where it is.
    public enum Move: String, Sendable, CaseIterable {
        /// Sent in: waits for its first level.
        case submitted
        /// Approved by one level, and passed on to the next.
        case passedOn
        /// Rejected by a level, with a reason: back to the submitting unit.
        case returned
        /// Sent in again after a rejection, in a new round: waits for its first level again.
        case resubmitted
        /// Approved by the deciding level.
        case decided
        /// Published by the deciding level; it never changes after this.
        case published
        /// A new review correcting a published one: waits for its first level.
        case corrected
    }

    public let id: String
    public let subjectType: String
    public let subjectID: String
    public let campaignID: String?
    public let unitID: String
    public let state: State
    public let round: Int
    /// The reason of the last rejection, when rejected.
    public let reason: String
    /// The move that brought it here.
    public let move: Move
    /// The key that made the move, when an observer hears it; empty when read later.
    public let byKeyID: String

    public init(
        id: String, subjectType: String, subjectID: String, campaignID: String?, unitID: String, state: State, round: Int, reason: String,
        move: Move, byKeyID: String = ""
    ) {
        self.move = move
        self.byKeyID = byKeyID
        self.id = id
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.campaignID = campaignID
        self.unitID = unitID
        self.state = state
        self.round = round
        self.reason = reason
    }
}

/// A module's entity sent into the review workflow.
public struct ReviewSubmission: Sendable {
    /// The full protobuf name of the entity's message, such as "thidua.innovation.v1.Initiative".
    public var subjectType: String
    public var subjectID: String
    public var campaignID: String?
    /// The submitting unit.
    public var unitID: String
    /// The unit whose approval decides: an ancestor of `unitID`; nil for its parent.
    public var deciderUnitID: String?
    public var summary: String

    public init(subjectType: String, subjectID: String, campaignID: String?, unitID: String, deciderUnitID: String?, summary: String) {
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.campaignID = campaignID
        self.unitID = unitID
        self.deciderUnitID = deciderUnitID
        self.summary = summary
    }
}

/// Told of every move of the reviews of one subject type (``ReviewReference/move`` says which),
/// the module's own submissions included, inside the transaction that makes it: throwing refuses
/// the move, and nothing of it is stored.
///
/// A rejected review goes back to the submitting unit; it is sent in again with
/// ``CoreAccess/resubmitReview(_:summary:by:in:)`` (or `Reviews/ResubmitReview`), as a new round
/// that climbs the levels from the first.
public typealias ReviewObserver = @Sendable (ReviewReference, Database) throws -> Void

/// Told when an award granted through the core is revoked (`Awards/RevokeAward`), inside the
/// revoking transaction: throwing refuses the revocation.
public typealias AwardRevocationObserver = @Sendable (_ awardID: String, _ revokedOn: CalendarDate, Database) throws -> Void

/// An award granted through the core's catalogue, rules and caps.
public struct AwardGrant: Sendable {
    public var formCode: String
    public var issuingUnitID: String
    public var recipientUnitID: String
    /// Set for an individual award.
    public var recipientMemberID: String?
    /// What it rewards; one award per achievement and recipient.
    public var achievement: String
    public var campaignID: String?
    public var decisionNumber: String
    public var decisionDate: CalendarDate
    public var reason: String

    public init(
        formCode: String, issuingUnitID: String, recipientUnitID: String, recipientMemberID: String?,
        achievement: String, campaignID: String?, decisionNumber: String, decisionDate: CalendarDate, reason: String
    ) {
        self.formCode = formCode
        self.issuingUnitID = issuingUnitID
        self.recipientUnitID = recipientUnitID
        self.recipientMemberID = recipientMemberID
        self.achievement = achievement
        self.campaignID = campaignID
        self.decisionNumber = decisionNumber
        self.decisionDate = decisionDate
        self.reason = reason
    }
}
