import ThiduaModuleKit

/// Moves a registration as the core's review of it moves, inside the core's transaction: a move
/// the registration's lifecycle refuses is refused in the core too (a resubmission through
/// `Reviews/ResubmitReview` of a member who no longer meets every criterion, for one). A
/// recognition counts her unit in the campaign's progress; a correction takes the count back.
struct ReviewFollower: Sendable, ModuleService {
    static let subjectType = WorkAndHomeRegistration.protoMessageName

    let context: ModuleContext

    func follow(_ review: ReviewReference, in db: Database) throws {
        let record = try RegistrationStore.require(review.subjectID, field: "subject_id", in: db)
        let proposing = review.move == .submitted || review.move == .resubmitted
        let unmet = proposing ? try RegistrationStore.unmetCriteria(of: record, in: db) : []
        let (next, progress) = try record.lifecycle.applying(.init(review.move, unmet: unmet))
        if progress != 0 {
            try self.core.addProgress(campaignID: record.campaignID, unitID: record.unitID, delta: progress, in: db)
        }
        try RegistrationStore.follow(record, to: next.state, review: review, today: self.today, in: db)
    }
}
