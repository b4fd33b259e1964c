import ThiduaModuleKit
import TwoGoodsAPI

/// A teacher's record as stored: its row, that of its school's participation, the content the
/// rules read, and the message it is served as.
struct TeacherRecordRow: Sendable {
    let row: Int64
    let participationRow: Int64
    let content: TeacherRecordContent
    let message: TeacherRecord

    var id: String { self.message.id }
    var schoolUnitID: String { self.message.schoolUnitID }
}

/// Reads and writes of teacher records, inside a caller's transaction.
enum TeacherRecordStore {
    static func fetch(_ row: Int64, in db: Database) throws -> TeacherRecordRow? {
        try db.fetchOne("SELECT * FROM two_goods_teacher_record WHERE id = \(row)").map { try Self.record($0, in: db) }
    }

    /// The record a request names, or NOT_FOUND (rule `two_goods.teacher_record_exists`).
    static func require(_ id: String, field: String, in db: Database) throws -> TeacherRecordRow {
        try TwoGoodsID.teacherRecord.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// The teacher's record of a school year, if any.
    static func find(member memberID: String, schoolYear: Int, in db: Database) throws -> TeacherRecordRow? {
        try db.fetchOne("SELECT * FROM two_goods_teacher_record WHERE school_year = \(schoolYear) AND member_id = \(memberID)")
            .map { try Self.record($0, in: db) }
    }

    static func insert(
        participation: ParticipationRecord, memberID: String, teacherName: String, content: TeacherRecordContent, in db: Database
    ) throws -> TeacherRecordRow {
        let row = try db.insert("""
            INSERT INTO two_goods_teacher_record (participation_id, campaign_id, school_year, school_unit_id, member_id,
                teacher_name, self_study_hours, training_hours)
            VALUES (
                \(participation.row), \(participation.campaignID), \(participation.schoolYear), \(participation.schoolUnitID), \(memberID),
                \(teacherName), \(content.selfStudyHours), \(content.trainingHours)
            )
            RETURNING id
            """)
        try Self.saveLists(content, of: row, in: db)
        return try Self.fetch(row, in: db)!
    }

    static func update(_ record: TeacherRecordRow, to content: TeacherRecordContent, in db: Database) throws -> TeacherRecordRow {
        try db.execute("""
            UPDATE two_goods_teacher_record SET self_study_hours = \(content.selfStudyHours), training_hours = \(content.trainingHours)
            WHERE id = \(record.row)
            """)
        for table in ["two_goods_excellent_result", "two_goods_teaching_initiative", "two_goods_evidence"] {
            try db.execute("DELETE FROM \(trusted: table) WHERE record_id = \(record.row)")
        }
        try Self.saveLists(content, of: record.row, in: db)
        return try Self.fetch(record.row, in: db)!
    }

    /// Records of a campaign's schools in `schoolIDs`, by id, after `page`.
    static func list(campaignID: String, schoolIDs: [String], page: PageCursor, in db: Database) throws -> [TeacherRecordRow] {
        let afterRow = try page.afterRow()
        return try db.fetchAll("""
            SELECT * FROM two_goods_teacher_record
            WHERE campaign_id = \(campaignID) AND school_unit_id IN \(list: schoolIDs) AND id > \(afterRow)
            ORDER BY id LIMIT \(page.fetchLimit)
            """).map { try Self.record($0, in: db) }
    }

    private static func saveLists(_ content: TeacherRecordContent, of row: Int64, in db: Database) throws {
        for result in content.excellentTeacherResults {
            try db.execute("""
                INSERT INTO two_goods_excellent_result (record_id, level, prize, decided_on, reference)
                VALUES (\(row), \(result.level.rawValue), \(result.prize.rawValue), \(result.decidedOn), \(result.reference))
                """)
        }
        for (position, initiative) in content.initiatives.enumerated() {
            try db.execute("""
                INSERT INTO two_goods_teaching_initiative (record_id, position, title, level, reference)
                VALUES (\(row), \(position), \(initiative.title), \(initiative.level.rawValue), \(initiative.reference))
                """)
        }
        for (position, reference) in content.evidence.enumerated() {
            try db.execute("INSERT INTO two_goods_evidence (record_id, position, reference) VALUES (\(row), \(position), \(reference))")
        }
    }

    private static func record(_ row: SQLRow, in db: Database) throws -> TeacherRecordRow {
        let id: Int64 = try row["id"]
        let results = try db.fetchAll("SELECT * FROM two_goods_excellent_result WHERE record_id = \(id) ORDER BY level")
            .map { result in
                try ExcellentTeacherResult.with {
                    $0.level = try ContestLevel(rawValue: result["level"]) ?? .unspecified
                    $0.prize = try ContestPrize(rawValue: result["prize"]) ?? .unspecified
                    $0.decidedOn = try result["decided_on"]
                    $0.reference = try result["reference"]
                }
            }
        let initiatives = try db.fetchAll("SELECT * FROM two_goods_teaching_initiative WHERE record_id = \(id) ORDER BY position")
            .map { initiative in
                try TeachingInitiative.with {
                    $0.title = try initiative["title"]
                    $0.level = try ContestLevel(rawValue: initiative["level"]) ?? .unspecified
                    $0.reference = try initiative["reference"]
                }
            }
        let evidence = try db.fetchValues("SELECT reference FROM two_goods_evidence WHERE record_id = \(id) ORDER BY position", as: String.self)
        let content = try TeacherRecordContent(
            excellentTeacherResults: results,
            initiatives: initiatives,
            selfStudyHours: row["self_study_hours"],
            trainingHours: row["training_hours"],
            evidence: evidence
        )
        let participationRow: Int64 = try row["participation_id"]
        var message: TeacherRecord = try row.message(skipping: ["participation_id"])
        message.id = TwoGoodsID.teacherRecord.id(id)
        message.participationID = TwoGoodsID.participation.id(participationRow)
        message.excellentTeacherResults = content.excellentTeacherResults
        message.initiatives = content.initiatives
        message.evidence = content.evidence
        return TeacherRecordRow(row: id, participationRow: participationRow, content: content, message: message)
    }
}
