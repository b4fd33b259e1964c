import ThiduaModuleKit
import TwoGoodsAPI

/// A commendation as stored, with the revocation of its core award.
struct CommendationRow: Sendable, FetchableRecord {
    var row: Int64
    var participationRow: Int64
    var campaignID: String
    var schoolYear: Int
    var schoolUnitID: String
    var memberID: String?
    var awardID: String
    var formCode: String
    var issuingUnitID: String
    var achievement: String
    var decisionNumber: String
    var decisionDate: String
    var revokedOn: String?

    var id: String { TwoGoodsID.commendation.id(self.row) }

    init(row: Row) {
        self.row = row["id"]
        self.participationRow = row["participation_id"]
        self.campaignID = row["campaign_id"]
        self.schoolYear = row["school_year"]
        self.schoolUnitID = row["school_unit_id"]
        self.memberID = row["member_id"]
        self.awardID = row["award_id"]
        self.formCode = row["form_code"]
        self.issuingUnitID = row["issuing_unit_id"]
        self.achievement = row["achievement"]
        self.decisionNumber = row["decision_number"]
        self.decisionDate = row["decision_date"]
        self.revokedOn = row["revoked_on"]
    }

    var message: TwoGoodsCommendation {
        TwoGoodsCommendation.with {
            $0.id = self.id
            $0.campaignID = self.campaignID
            $0.participationID = TwoGoodsID.participation.id(self.participationRow)
            $0.schoolUnitID = self.schoolUnitID
            $0.memberID = self.memberID ?? ""
            $0.awardID = self.awardID
            $0.formCode = self.formCode
            $0.issuingUnitID = self.issuingUnitID
            $0.achievement = self.achievement
            $0.decisionNumber = self.decisionNumber
            $0.decisionDate = self.decisionDate
            $0.revokedOn = self.revokedOn ?? ""
        }
    }
}

/// Reads and writes of commendations, inside a caller's transaction.
///
/// Awards are revoked in the core (`Awards/RevokeAward`); the core tells the module, which keeps
/// the date on the commendation's row (``revoke(awardID:on:in:)``).
enum CommendationStore {
    /// A commendation, `c`.
    private static let select = "SELECT c.* FROM two_goods_commendation c"

    /// The SQL condition of a commendation, `c`, that stands.
    static let standing = "c.revoked_on IS NULL"

    /// Records the revocation of the award behind a commendation, if the module granted it.
    static func revoke(awardID: String, on date: CalendarDate, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE two_goods_commendation SET revoked_on = ? WHERE award_id = ?")
            .execute(arguments: [date.description, awardID])
    }

    /// Brings the revocation dates up to date with the core's: for awards revoked before the module
    /// kept them, or while it was not loaded.
    static func catchUp(core: any CoreAccess, in db: Database) throws {
        let standing = try String.fetchAll(db.cachedStatement(sql: "SELECT award_id FROM two_goods_commendation WHERE revoked_on IS NULL"))
        for (awardID, date) in try core.revocations(ofAwards: standing, in: db) {
            try Self.revoke(awardID: awardID, on: date, in: db)
        }
    }

    static func fetch(_ row: Int64, in db: Database) throws -> CommendationRow? {
        try CommendationRow.fetchOne(db.cachedStatement(sql: "\(Self.select) WHERE c.id = ?"), arguments: [row])
    }

    /// The standing commendation of a recipient in a school year: the school's collective one
    /// when `memberID` is nil.
    static func standing(participation: ParticipationRecord, memberID: String?, in db: Database) throws -> CommendationRow? {
        try CommendationRow.fetchOne(
            db.cachedStatement(sql: "\(Self.select) WHERE c.participation_id = ? AND coalesce(c.member_id, '') = ? AND \(Self.standing)"),
            arguments: [participation.row, memberID ?? ""]
        )
    }

    static func insert(
        participation: ParticipationRecord, memberID: String?, awardID: String, grant: AwardGrant, in db: Database
    ) throws -> CommendationRow {
        try db.cachedStatement(sql: """
                INSERT INTO two_goods_commendation (participation_id, campaign_id, school_year, school_unit_id, member_id,
                    award_id, form_code, issuing_unit_id, achievement, decision_number, decision_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [
                participation.row, participation.campaignID, participation.schoolYear, participation.schoolUnitID, memberID,
                awardID, grant.formCode, grant.issuingUnitID, grant.achievement, grant.decisionNumber, grant.decisionDate.description,
            ]
        )
        return try Self.fetch(db.lastInsertedRowID, in: db)!
    }

    /// Commendations of a campaign's schools in `schoolIDs`, revoked ones too, by id, after `page`.
    static func list(campaignID: String, schoolIDs: [String], page: PageCursor, in db: Database) throws -> [CommendationRow] {
        try CommendationRow.fetchAll(
            db.cachedStatement(sql: """
                \(Self.select)
                WHERE c.campaign_id = ? AND c.school_unit_id IN (SELECT value FROM json_each(?)) AND c.id > ?
                ORDER BY c.id LIMIT ?
                """),
            arguments: [campaignID, try JSONList.encode(schoolIDs), try page.afterRow(), page.fetchLimit]
        )
    }
}
