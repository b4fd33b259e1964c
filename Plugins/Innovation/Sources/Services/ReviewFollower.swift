import Foundation
import InnovationAPI
import ThiduaModuleKit

/// Moves an initiative when the core's review of it moves, inside the core's transaction: a move
/// the initiative's lifecycle refuses is refused in the core too. Counts a recognised initiative
/// toward its campaign when it was first applied inside the campaign's window, and takes the
/// count back when a correction reopens the recognition.
struct ReviewFollower: Sendable {
    let core: any CoreAccess
    let clock: @Sendable () -> Date

    static let subjectType = Initiative.protoMessageName

    func follow(_ review: ReviewReference, in db: Database, keyID: String = "") throws {
        guard review.subjectType == Self.subjectType else { return }
        var record = try InitiativeStore.require(review.subjectID, field: "subject_id", in: db)
        let transition = try InitiativeLifecycle.apply(.review(review.state), to: record.state)
        let today = CalendarDate(self.clock())
        if record.state == .returned && transition.state == .inReview {
            // Changed while returned: it must still meet the criteria to go back into review.
            try RecognitionCriteria.check(record.content, today: today)
        }
        try ProgressCounter(core: self.core).apply(transition.effect, to: &record, in: db)
        record.state = transition.state
        record.reviewID = review.id
        switch transition.state {
        case .recognised: record.recognisedOn = today.description
        case .inReview: record.recognisedOn = nil
        default: break
        }
        try InitiativeStore.updateWorkflow(record, in: db)
        try InitiativeStore.appendStep(
            to: record.row, action: transition.action, state: transition.state,
            at: Int64(self.clock().timeIntervalSince1970 * 1000), keyID: keyID,
            reason: review.state == .rejected ? review.reason : "", reviewID: review.id, in: db
        )
    }
}
