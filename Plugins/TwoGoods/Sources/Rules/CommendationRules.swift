import ThiduaModuleKit
import TwoGoodsAPI

/// Who earns the yearly commendation of two-goods teaching. Pure.
enum CommendationRules {
    /// The recipient, with what the rules look at.
    enum Recipient: Sendable {
        /// The school's collective, with its classification in the last round, if recorded.
        case collective(lastRoundClassification: SchoolClassification?)
        /// A teacher, with the teacher's record of the school year, if any.
        case individual(record: TeacherRecordContent?)
    }

    /// What a commendation of `schoolYear` rewards: one award per recipient and achievement.
    static func achievement(schoolYear: Int) -> String {
        "Phong trào thi đua \"Hai tốt\" năm học \(schoolYear)-\(schoolYear + 1)"
    }

    /// FAILED_PRECONDITION unless the school's year had its final review (rule
    /// `two_goods.year_not_reviewed`), the decision falls from that review to today (rule
    /// `two_goods.decision_date`), and the recipient earns it: a collective classified at least as
    /// the minimum of the rules (rule `two_goods.classification_below_minimum`); a teacher with a
    /// record this year (rule `two_goods.teacher_record_required`) holding an excellent-teacher
    /// result or a recognised initiative when the rules ask for one (rule
    /// `two_goods.no_individual_achievement`).
    static func check(
        _ recipient: Recipient,
        year: SchoolYearLifecycle,
        decisionDate: CalendarDate,
        today: CalendarDate,
        rules: TwoGoodsRules
    ) throws(RPCError) {
        guard let reviewedOn = year.yearReviewedOn else {
            throw RPCError(
                .failedPrecondition,
                "the school's year has not had its final review; yearly commendations follow it",
                field: "participation_id",
                rule: "two_goods.year_not_reviewed"
            )
        }
        guard reviewedOn <= decisionDate, decisionDate <= today else {
            throw RPCError(
                .failedPrecondition,
                "decision_date is \(decisionDate); a commendation is decided from the final review (\(reviewedOn)) to today (\(today))",
                field: "decision_date",
                rule: "two_goods.decision_date"
            )
        }
        switch recipient {
        case .collective(let classification):
            let minimum = rules.collectiveCommendationMinimum
            guard let classification, classification.rawValue <= minimum.rawValue else {
                throw RPCError(
                    .failedPrecondition,
                    "the school was classified \(classification.map { "\($0)" } ?? "nothing") in its last round; the collective commendation needs \(minimum) or better",
                    field: "participation_id",
                    rule: "two_goods.classification_below_minimum"
                )
            }
        case .individual(let record):
            guard let record else {
                throw RPCError(
                    .failedPrecondition,
                    "the teacher has no two-goods record at this school for the school year",
                    field: "member_id",
                    rule: "two_goods.teacher_record_required"
                )
            }
            if rules.individualCommendationNeedsAchievement, !record.hasAchievement {
                throw RPCError(
                    .failedPrecondition,
                    "the teacher's record holds no excellent-teacher result and no recognised teaching initiative",
                    field: "member_id",
                    rule: "two_goods.no_individual_achievement"
                )
            }
        }
    }
}
