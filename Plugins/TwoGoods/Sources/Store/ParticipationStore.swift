import Foundation
import ThiduaModuleKit
import TwoGoodsAPI

/// A school's participation as stored: the row and its rounds.
struct ParticipationRecord: Sendable {
    /// A round's stored state; the window comes from the campaign.
    struct StoredRound: Sendable {
        var number: Int
        var stage: SchoolYearLifecycle.Stage
        var interimOn: CalendarDate?
        var interimSummary: String
        var finalOn: CalendarDate?
        var finalSummary: String
        var result: SchoolRoundResult?
    }

    var row: Int64
    var campaignID: String
    var schoolYear: Int
    var schoolUnitID: String
    var enrolledOn: String
    var rounds: [StoredRound]

    var id: String { TwoGoodsID.participation.id(self.row) }

    /// The year as a state machine, with the campaign's round windows.
    func lifecycle(windows: [CampaignReference.Round]) -> SchoolYearLifecycle {
        SchoolYearLifecycle(rounds: windows.map { window in
            let stored = self.rounds.first { $0.number == window.number }
            return SchoolYearLifecycle.Round(
                number: window.number, startsOn: window.startsOn, endsOn: window.endsOn,
                stage: stored?.stage ?? .open, interimOn: stored?.interimOn, finalOn: stored?.finalOn,
                hasResult: stored?.result != nil
            )
        })
    }

    func message(windows: [CampaignReference.Round], schoolName: String) -> SchoolParticipation {
        SchoolParticipation.with {
            $0.id = self.id
            $0.campaignID = self.campaignID
            $0.schoolUnitID = self.schoolUnitID
            $0.schoolName = schoolName
            $0.schoolYear = UInt32(self.schoolYear)
            $0.enrolledOn = self.enrolledOn
            $0.rounds = windows.map { window in
                let stored = self.rounds.first { $0.number == window.number }
                return SchoolRound.with {
                    $0.number = UInt32(window.number)
                    $0.startsOn = window.startsOn.description
                    $0.endsOn = window.endsOn.description
                    $0.stage = SchoolRoundStage(stored?.stage ?? .open)
                    $0.interimReviewedOn = stored?.interimOn?.description ?? ""
                    $0.finalReviewedOn = stored?.finalOn?.description ?? ""
                    $0.interimSummary = stored?.interimSummary ?? ""
                    $0.finalSummary = stored?.finalSummary ?? ""
                    if let result = stored?.result { $0.result = result }
                }
            }
        }
    }
}

extension SchoolRoundStage {
    init(_ stage: SchoolYearLifecycle.Stage) {
        switch stage {
        case .open: self = .roundOpen
        case .interimReviewed: self = .interimReviewed
        case .finalReviewed: self = .finalReviewed
        }
    }
}

/// Reads and writes of participations and their rounds, inside a caller's transaction.
enum ParticipationStore {
    static func fetch(_ row: Int64, in db: Database) throws -> ParticipationRecord? {
        guard let stored = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM two_goods_participation WHERE id = ?"), arguments: [row]) else {
            return nil
        }
        return try Self.record(stored, in: db)
    }

    /// The participation a request names, or NOT_FOUND (rule `two_goods.participation_exists`).
    static func require(_ id: String, field: String, in db: Database) throws -> ParticipationRecord {
        let row = try TwoGoodsID.participation.row(id, field: field)
        guard let record = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "participation \(id) does not exist", field: field, rule: "two_goods.participation_exists")
        }
        return record
    }

    /// The school's participation in a school year, in whichever campaign.
    static func find(school schoolUnitID: String, schoolYear: Int, in db: Database) throws -> ParticipationRecord? {
        guard let stored = try Row.fetchOne(
            db.cachedStatement(sql: "SELECT * FROM two_goods_participation WHERE school_year = ? AND school_unit_id = ?"),
            arguments: [schoolYear, schoolUnitID]
        ) else { return nil }
        return try Self.record(stored, in: db)
    }

    static func insert(
        campaign: CampaignReference, schoolUnitID: String, enrolledOn: CalendarDate, in db: Database
    ) throws -> ParticipationRecord {
        try db.cachedStatement(
            sql: "INSERT INTO two_goods_participation (campaign_id, school_year, school_unit_id, enrolled_on) VALUES (?, ?, ?, ?)"
        ).execute(
            arguments: [campaign.id, campaign.year, schoolUnitID, enrolledOn.description]
        )
        let row = db.lastInsertedRowID
        for round in campaign.rounds {
            try db.cachedStatement(sql: "INSERT INTO two_goods_round (participation_id, round, stage) VALUES (?, ?, ?)").execute(
                arguments: [row, round.number, SchoolYearLifecycle.Stage.open.rawValue]
            )
        }
        return try Self.fetch(row, in: db)!
    }

    /// Stores a round's collective result.
    static func saveResult(_ result: SchoolRoundResult, round: Int, of record: ParticipationRecord, in db: Database) throws {
        try db.cachedStatement(sql: """
                UPDATE two_goods_round SET classification = ?, students = ?, students_passed = ?, students_excellent = ?,
                    good_lessons = ?, result_note = ?
                WHERE participation_id = ? AND round = ?
                """).execute(
            arguments: [
                result.classification.rawValue, result.students, result.studentsPassed, result.studentsExcellent,
                result.goodLessons, result.note, record.row, round,
            ]
        )
    }

    /// Stores a round's review, as the lifecycle moved it.
    static func saveReview(
        _ kind: RoundReviewKind, round: SchoolYearLifecycle.Round, summary: String, of record: ParticipationRecord, in db: Database
    ) throws {
        let sql = kind == .interimReview
            ? "UPDATE two_goods_round SET stage = ?, interim_on = ?, interim_summary = ? WHERE participation_id = ? AND round = ?"
            : "UPDATE two_goods_round SET stage = ?, final_on = ?, final_summary = ? WHERE participation_id = ? AND round = ?"
        let date = kind == .interimReview ? round.interimOn : round.finalOn
        try db.execute(sql: sql, arguments: [round.stage.rawValue, date?.description, summary, record.row, round.number])
    }

    /// A campaign's participations of the schools in `schoolIDs`, by id, after `page`.
    static func list(campaignID: String, schoolIDs: [String], page: PageCursor, in db: Database) throws -> [ParticipationRecord] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM two_goods_participation
                WHERE campaign_id = ? AND school_unit_id IN (SELECT value FROM json_each(?)) AND id > ?
                ORDER BY id LIMIT ?
                """),
            arguments: [campaignID, try JSONList.encode(schoolIDs), try page.afterRow(), page.fetchLimit]
        ).map { try Self.record($0, in: db) }
    }

    private static func record(_ row: Row, in db: Database) throws -> ParticipationRecord {
        let id: Int64 = row["id"]
        let rounds = try Row.fetchAll(db.cachedStatement(
            sql: "SELECT * FROM two_goods_round WHERE participation_id = ? ORDER BY round"
        ), arguments: [id])
            .map { round -> ParticipationRecord.StoredRound in
                let classification: Int? = round["classification"]
                return ParticipationRecord.StoredRound(
                    number: round["round"],
                    stage: SchoolYearLifecycle.Stage(rawValue: round["stage"]) ?? .open,
                    interimOn: (round["interim_on"] as String?).flatMap(CalendarDate.init),
                    interimSummary: round["interim_summary"],
                    finalOn: (round["final_on"] as String?).flatMap(CalendarDate.init),
                    finalSummary: round["final_summary"],
                    result: classification.map { classification in
                        SchoolRoundResult.with {
                            $0.classification = SchoolClassification(rawValue: classification) ?? .unspecified
                            $0.students = round["students"]
                            $0.studentsPassed = round["students_passed"]
                            $0.studentsExcellent = round["students_excellent"]
                            $0.goodLessons = round["good_lessons"]
                            $0.note = round["result_note"]
                        }
                    }
                )
            }
        return ParticipationRecord(
            row: id,
            campaignID: row["campaign_id"],
            schoolYear: row["school_year"],
            schoolUnitID: row["school_unit_id"],
            enrolledOn: row["enrolled_on"],
            rounds: rounds
        )
    }
}

/// A list of ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
enum JSONList {
    static func encode(_ ids: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)
    }
}
