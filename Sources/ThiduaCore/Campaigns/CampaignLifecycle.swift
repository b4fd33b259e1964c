import ThiduaModuleKit

/// The campaign lifecycle: draft → launched → in progress → interim reviewed → closed, one step
/// at a time. Pure: the service stores what it returns.
enum CampaignLifecycle {
    /// The state after `current` on the way to `requested`, or FAILED_PRECONDITION (rule
    /// `campaign.transition`) when that is not the next step.
    static func advance(from current: CampaignState, to requested: CampaignState) throws(RPCError) -> CampaignState {
        guard let next = self.next(after: current), requested == next else {
            let allowed = self.next(after: current).map { "the next step is \($0)" } ?? "a closed campaign does not change"
            throw RPCError(
                .failedPrecondition,
                "a campaign in \(current) cannot move to \(requested): \(allowed)",
                field: "to",
                rule: "campaign.transition"
            )
        }
        return next
    }

    static func next(after state: CampaignState) -> CampaignState? {
        switch state {
        case .draft: .launched
        case .launched: .inProgress
        case .inProgress: .interimReviewed
        case .interimReviewed: .closed
        case .closed, .unspecified, .UNRECOGNIZED: nil
        }
    }

    /// The rounds of a period: one for a calendar year; for a school year, 1 September to
    /// 15 January, then to 31 August.
    static func rounds(kind: PeriodKind, year: Int) -> [CampaignReference.Round] {
        func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
            CalendarDate(year: year, month: month, day: day)!
        }
        switch kind {
        case .schoolYear:
            return [
                .init(number: 1, startsOn: day(year, 9, 1), endsOn: day(year + 1, 1, 15)),
                .init(number: 2, startsOn: day(year + 1, 1, 16), endsOn: day(year + 1, 8, 31)),
            ]
        default:
            return [.init(number: 1, startsOn: day(year, 1, 1), endsOn: day(year, 12, 31))]
        }
    }
}
