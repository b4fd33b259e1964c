import InnovationAPI
import ThiduaModuleKit

/// What an initiative must show before a council may recognise it [Decree 13/2012/NĐ-CP, Art. 3-4]:
/// it has been applied, or trial-applied, for the first time on a date that has come, and it
/// states the benefit it brings. (Novelty within the unit is checked when it is filed.)
enum RecognitionCriteria {
    /// FAILED_PRECONDITION naming the first criterion not met; `prefix` goes before field names.
    static func check(_ content: InitiativeContent, today: CalendarDate, prefix: String = "") throws(RPCError) {
        guard content.application == .applied || content.application == .trialApplied else {
            throw RPCError(
                .failedPrecondition,
                "an initiative is recognised only once applied or trial-applied; this one is \(content.application)",
                field: prefix + "application",
                rule: "innovation.applied"
            )
        }
        guard let firstApplied = content.firstAppliedOn, firstApplied <= today else {
            throw RPCError(
                .failedPrecondition,
                "an initiative is recognised only after its first application; the date is missing or after \(today)",
                field: prefix + "first_applied_on",
                rule: "innovation.applied"
            )
        }
        guard content.benefitVND > 0 || !content.benefitNote.isEmpty else {
            throw RPCError(
                .failedPrecondition,
                "an initiative is recognised only with its benefit stated: benefit_vnd, or benefit_note for a benefit money does not measure",
                field: prefix + "benefit_vnd",
                rule: "innovation.benefit_stated"
            )
        }
    }
}
