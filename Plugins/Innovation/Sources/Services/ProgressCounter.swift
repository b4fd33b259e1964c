import InnovationAPI
import ThiduaModuleKit

/// Applies a lifecycle effect to the campaign's progress in the core.
struct ProgressCounter: Sendable {
    let core: any CoreAccess

    /// Whether a recognised initiative counts: first applied inside the campaign's window.
    static func counts(firstAppliedOn: CalendarDate?, window: ClosedRange<CalendarDate>?) -> Bool {
        guard let window, let firstAppliedOn else { return false }
        return window.contains(firstAppliedOn)
    }

    func apply(_ effect: InitiativeLifecycle.Effect, to record: inout InitiativeRecord, in db: Database) throws {
        switch effect {
        case .none:
            break
        case .count:
            let window = try CampaignWindowStore.window(of: record.campaignID, in: db)
            guard !record.counted, Self.counts(firstAppliedOn: record.content.firstAppliedOn, window: window) else { return }
            try self.core.addProgress(campaignID: record.campaignID, unitID: record.unitID, delta: 1, in: db)
            record.counted = true
        case .uncount:
            guard record.counted else { return }
            try self.core.addProgress(campaignID: record.campaignID, unitID: record.unitID, delta: -1, in: db)
            record.counted = false
        }
    }
}
