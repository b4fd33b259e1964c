import ThiduaModuleKit

/// The window of the campaigns initiatives were filed under: the first-application dates a
/// campaign counts. A review is decided without a caller's key in reach of the campaign, so the
/// window is kept here from the filing on.
enum CampaignWindowStore {
    static func save(_ campaign: CampaignReference, in db: Database) throws {
        try db.cachedStatement(sql: """
                INSERT INTO innovation_campaign_window (campaign_id, starts_on, ends_on) VALUES (?, ?, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET starts_on = excluded.starts_on, ends_on = excluded.ends_on
                WHERE starts_on <> excluded.starts_on OR ends_on <> excluded.ends_on
                """).execute(
            arguments: [campaign.id, campaign.startsOn.description, campaign.endsOn.description]
        )
    }

    /// The first and last day the campaign counts, if an initiative was ever filed under it.
    static func window(of campaignID: String, in db: Database) throws -> ClosedRange<CalendarDate>? {
        guard let row = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT starts_on, ends_on FROM innovation_campaign_window WHERE campaign_id = ?"),
            arguments: [campaignID]
        ), let start = CalendarDate(row["starts_on"] as String), let end = CalendarDate(row["ends_on"] as String)
        else { return nil }
        return start...end
    }
}
