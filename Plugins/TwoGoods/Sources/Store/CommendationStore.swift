import ThiduaModuleKit
import TwoGoodsAPI

/// A commendation as stored: its row, and the message it is served as (with the revocation of
/// its core award).
struct CommendationRow: SQLRowDecodable {
    let row: Int64
    let message: TwoGoodsCommendation

    var id: String { self.message.id }

    init(row: SQLRow) throws {
        let number: Int64 = try row["id"]
        let participation: Int64 = try row["participation_id"]
        self.row = number
        var message: TwoGoodsCommendation = try row.message(skipping: ["participation_id"])
        message.id = TwoGoodsID.commendation.id(number)
        message.participationID = TwoGoodsID.participation.id(participation)
        self.message = message
    }
}

/// Reads and writes of commendations, inside a caller's transaction.
///
/// Awards are revoked in the core (`Awards/RevokeAward`); the core tells the module, which keeps
/// the date on the commendation's row (``revoke(awardID:on:in:)``).
enum CommendationStore {
    /// A commendation, `c`.
    private static let select: SQLQuery = "SELECT c.* FROM two_goods_commendation c"

    /// The SQL condition of a commendation, `c`, that stands.
    static let standing: SQLQuery = "c.revoked_on IS NULL"

    /// Records the revocation of the award behind a commendation, if the module granted it.
    static func revoke(awardID: String, on date: CalendarDate, in db: Database) throws {
        try db.execute("UPDATE two_goods_commendation SET revoked_on = \(date) WHERE award_id = \(awardID)")
    }

    /// The awards behind the commendations that stand here: at start-up the core reports those it
    /// revoked while the module was not loaded, or before it kept revocations.
    static func standingAwardIDs(in db: Database) throws -> [String] {
        try db.fetchValues("SELECT award_id FROM two_goods_commendation WHERE revoked_on IS NULL", as: String.self)
    }

    static func fetch(_ row: Int64, in db: Database) throws -> CommendationRow? {
        try db.fetchOne("\(Self.select) WHERE c.id = \(row)", as: CommendationRow.self)
    }

    /// The standing commendation of a recipient in a school year: the school's collective one
    /// when `memberID` is nil.
    static func standing(participation: ParticipationRecord, memberID: String?, in db: Database) throws -> CommendationRow? {
        try db.fetchOne(
            "\(Self.select) WHERE c.participation_id = \(participation.row) AND coalesce(c.member_id, '') = \(memberID ?? "") AND \(Self.standing)",
            as: CommendationRow.self
        )
    }

    static func insert(
        participation: ParticipationRecord, memberID: String?, awardID: String, grant: AwardGrant, in db: Database
    ) throws -> CommendationRow {
        let row = try db.insert("""
            INSERT INTO two_goods_commendation (participation_id, campaign_id, school_year, school_unit_id, member_id,
                award_id, form_code, issuing_unit_id, achievement, decision_number, decision_date)
            VALUES (
                \(participation.row), \(participation.campaignID), \(participation.schoolYear), \(participation.schoolUnitID),
                \(memberID), \(awardID), \(grant.formCode), \(grant.issuingUnitID), \(grant.achievement),
                \(grant.decisionNumber), \(grant.decisionDate)
            )
            RETURNING id
            """)
        return try Self.fetch(row, in: db)!
    }

    /// Commendations of a campaign's schools in `schoolIDs`, revoked ones too, by id, after `page`.
    static func list(campaignID: String, schoolIDs: [String], page: PageCursor, in db: Database) throws -> [CommendationRow] {
        let afterRow = try page.afterRow()
        return try db.fetchAll(
            """
            \(Self.select)
            WHERE c.campaign_id = \(campaignID) AND c.school_unit_id IN \(list: schoolIDs) AND c.id > \(afterRow)
            ORDER BY c.id LIMIT \(page.fetchLimit)
            """,
            as: CommendationRow.self
        )
    }
}
