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
        guard let stored = try db.fetchOne("SELECT * FROM two_goods_participation WHERE id = \(row)") else {
            return nil
        }
        return try Self.record(stored, in: db)
    }

    /// The participation a request names, or NOT_FOUND (rule `two_goods.participation_exists`).
    static func require(_ id: String, field: String, in db: Database) throws -> ParticipationRecord {
        try TwoGoodsID.participation.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// The school's participation in a school year, in whichever campaign.
    static func find(school schoolUnitID: String, schoolYear: Int, in db: Database) throws -> ParticipationRecord? {
        guard let stored = try db.fetchOne(
            "SELECT * FROM two_goods_participation WHERE school_year = \(schoolYear) AND school_unit_id = \(schoolUnitID)"
        ) else { return nil }
        return try Self.record(stored, in: db)
    }

    static func insert(
        campaign: CampaignReference, schoolUnitID: String, enrolledOn: CalendarDate, in db: Database
    ) throws -> ParticipationRecord {
        let row = try db.insert("""
            INSERT INTO two_goods_participation (campaign_id, school_year, school_unit_id, enrolled_on)
            VALUES (\(campaign.id), \(campaign.year), \(schoolUnitID), \(enrolledOn))
            RETURNING id
            """)
        for round in campaign.rounds {
            try db.execute("""
                INSERT INTO two_goods_round (participation_id, round, stage)
                VALUES (\(row), \(round.number), \(SchoolYearLifecycle.Stage.open.rawValue))
                """)
        }
        return try Self.fetch(row, in: db)!
    }

    /// Stores a round's collective result.
    static func saveResult(_ result: SchoolRoundResult, round: Int, of record: ParticipationRecord, in db: Database) throws {
        try db.execute("""
            UPDATE two_goods_round SET classification = \(result.classification.rawValue), students = \(result.students),
                students_passed = \(result.studentsPassed), students_excellent = \(result.studentsExcellent),
                good_lessons = \(result.goodLessons), result_note = \(result.note)
            WHERE participation_id = \(record.row) AND round = \(round)
            """)
    }

    /// Stores a round's review, as the lifecycle moved it.
    static func saveReview(
        _ kind: RoundReviewKind, round: SchoolYearLifecycle.Round, summary: String, of record: ParticipationRecord, in db: Database
    ) throws {
        let review: SQLQuery = kind == .interimReview
            ? "interim_on = \(round.interimOn), interim_summary = \(summary)"
            : "final_on = \(round.finalOn), final_summary = \(summary)"
        try db.execute("""
            UPDATE two_goods_round SET stage = \(round.stage.rawValue), \(review)
            WHERE participation_id = \(record.row) AND round = \(round.number)
            """)
    }

    /// A campaign's participations of the schools in `schoolIDs`, by id, after `page`.
    static func list(campaignID: String, schoolIDs: [String], page: PageCursor, in db: Database) throws -> [ParticipationRecord] {
        let afterRow = try page.afterRow()
        return try db.fetchAll("""
            SELECT * FROM two_goods_participation
            WHERE campaign_id = \(campaignID) AND school_unit_id IN \(list: schoolIDs) AND id > \(afterRow)
            ORDER BY id LIMIT \(page.fetchLimit)
            """).map { try Self.record($0, in: db) }
    }

    private static func record(_ row: SQLRow, in db: Database) throws -> ParticipationRecord {
        let id: Int64 = try row["id"]
        let rounds = try db.fetchAll("SELECT * FROM two_goods_round WHERE participation_id = \(id) ORDER BY round")
            .map { round -> ParticipationRecord.StoredRound in
                let classification: Int? = try round["classification"]
                return try ParticipationRecord.StoredRound(
                    number: round["round"],
                    stage: SchoolYearLifecycle.Stage(rawValue: round["stage"]) ?? .open,
                    interimOn: round["interim_on"],
                    interimSummary: round["interim_summary"],
                    finalOn: round["final_on"],
                    finalSummary: round["final_summary"],
                    result: classification.map { classification in
                        try SchoolRoundResult.with {
                            $0.classification = SchoolClassification(rawValue: classification) ?? .unspecified
                            $0.students = try round["students"]
                            $0.studentsPassed = try round["students_passed"]
                            $0.studentsExcellent = try round["students_excellent"]
                            $0.goodLessons = try round["good_lessons"]
                            $0.note = try round["result_note"]
                        }
                    }
                )
            }
        return try ParticipationRecord(
            row: id,
            campaignID: row["campaign_id"],
            schoolYear: row["school_year"],
            schoolUnitID: row["school_unit_id"],
            enrolledOn: row["enrolled_on"],
            rounds: rounds
        )
    }
}
