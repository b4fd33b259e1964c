import ThiduaModuleKit

/// The window of the campaigns initiatives were filed under: the first-application dates a
/// campaign counts. A review is decided without a caller's key in reach of the campaign, so the
/// window is kept here from the filing on.
enum CampaignWindowStore {
    static func save(_ campaign: CampaignReference, in db: Database) throws {
        try db.execute("""
            INSERT INTO innovation_campaign_window (campaign_id, starts_on, ends_on)
            VALUES (\(campaign.id), \(campaign.startsOn), \(campaign.endsOn))
            ON CONFLICT (campaign_id) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on
            WHERE innovation_campaign_window.starts_on <> excluded.starts_on
               OR innovation_campaign_window.ends_on <> excluded.ends_on
            """)
    }

    /// The first and last day the campaign counts, if an initiative was ever filed under it.
    static func window(of campaignID: String, in db: Database) throws -> ClosedRange<CalendarDate>? {
        guard let row = try db.fetchOne("SELECT starts_on, ends_on FROM innovation_campaign_window WHERE campaign_id = \(campaignID)"),
              let start = CalendarDate(try row["starts_on"] as String), let end = CalendarDate(try row["ends_on"] as String)
        else { return nil }
        return start...end
    }
}
