import Foundation
import InnovationAPI
import ThiduaModuleKit

/// Reads and writes of initiatives, their authors and their history.
enum InitiativeStore {
    /// The initiative, or NOT_FOUND (rule `innovation.exists`).
    static func require(_ id: String, field: String, in db: Database) throws -> InitiativeRecord {
        let row = try InnovationID.initiative.row(id, field: field)
        guard let record = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "initiative \(id) does not exist", field: field, rule: "innovation.exists")
        }
        return record
    }

    static func fetch(_ row: Int64, in db: Database) throws -> InitiativeRecord? {
        try InitiativeRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM innovation_initiative WHERE id = ?"), arguments: [row])
    }

    /// FAILED_PRECONDITION (rule `innovation.novel_in_unit`) when the unit's register already holds
    /// a live filing with the same normalised title, naming it: the first to file wins.
    static func requireNovel(_ content: InitiativeContent, unitID: String, excluding row: Int64? = nil, field: String, in db: Database) throws {
        guard let earlier = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT id, campaign_id, register_number, title, filed_on FROM innovation_initiative
                WHERE unit_id = ? AND normalised_title = ? AND state <> 6 AND id IS NOT ?
                """),
            // "state <> 6" (WITHDRAWN) is written out so that SQLite uses the partial index
            // innovation_initiative_novel, whose condition it must match word for word.
            arguments: [unitID, content.normalisedTitle, row]
        ) else { return }
        let id = InnovationID.initiative.id(earlier["id"])
        let title: String = earlier["title"]
        throw RPCError(
            .failedPrecondition,
            "unit \(unitID) already filed this initiative: \(id) \"\(title)\", number \(earlier["register_number"] as Int) of campaign \(earlier["campaign_id"] as String), on \(earlier["filed_on"] as String); the first to file wins",
            field: field,
            rule: "innovation.novel_in_unit"
        )
    }

    /// Adds a filing to the unit's register, numbered after the campaign's earlier filings there.
    static func insert(
        campaignID: String, unitID: String, content: InitiativeContent, authors: [AuthorRecord],
        state: InitiativeState, filedOn: CalendarDate, recognisedOn: CalendarDate? = nil, decisionNumber: String = "",
        counted: Bool = false, in db: Database
    ) throws -> InitiativeRecord {
        let number = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT coalesce(max(register_number), 0) + 1 FROM innovation_initiative WHERE unit_id = ? AND campaign_id = ?"),
            arguments: [unitID, campaignID]
        ) ?? 1
        try db.cachedStatement(
            sql: """
                INSERT INTO innovation_initiative (
                    campaign_id, unit_id, register_number, title, normalised_title, summary, kind, application,
                    first_applied_on, benefit_vnd, benefit_note, state, filed_on, recognised_on, decision_number, counted
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            arguments: [
                campaignID, unitID, number, content.title, content.normalisedTitle, content.summary,
                content.kind.rawValue, content.application.rawValue, content.firstAppliedOn?.description,
                Int64(content.benefitVND), content.benefitNote, state.rawValue, filedOn.description,
                recognisedOn?.description, decisionNumber, counted,
            ]
        )
        let row = db.lastInsertedRowID
        try Self.insertAuthors(of: row, authors, in: db)
        return InitiativeRecord(
            inserted: row, campaignID: campaignID, unitID: unitID, registerNumber: number, content: content, state: state,
            filedOn: filedOn.description, recognisedOn: recognisedOn?.description, decisionNumber: decisionNumber, counted: counted
        )
    }

    /// Writes the content fields of `record`.
    static func updateContent(_ record: InitiativeRecord, authors: [AuthorRecord], in db: Database) throws {
        let content = record.content
        try db.cachedStatement(sql: """
                UPDATE innovation_initiative SET title = ?, normalised_title = ?, summary = ?, kind = ?, application = ?,
                    first_applied_on = ?, benefit_vnd = ?, benefit_note = ? WHERE id = ?
                """).execute(
            arguments: [
                content.title, content.normalisedTitle, content.summary, content.kind.rawValue, content.application.rawValue,
                content.firstAppliedOn?.description, Int64(content.benefitVND), content.benefitNote, record.row,
            ]
        )
        try Self.replaceAuthors(of: record.row, with: authors, in: db)
    }

    /// Writes the workflow fields of `record`: state, review, recognition and count.
    static func updateWorkflow(_ record: InitiativeRecord, in db: Database) throws {
        try db.cachedStatement(sql: "UPDATE innovation_initiative SET state = ?, review_id = ?, recognised_on = ?, counted = ? WHERE id = ?").execute(
            arguments: [record.state.rawValue, record.reviewID, record.recognisedOn, record.counted, record.row]
        )
    }

    private static func replaceAuthors(of row: Int64, with authors: [AuthorRecord], in db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM innovation_author WHERE initiative_id = ?").execute(arguments: [row])
        try Self.insertAuthors(of: row, authors, in: db)
    }

    private static func insertAuthors(of row: Int64, _ authors: [AuthorRecord], in db: Database) throws {
        let insert = try db.cachedStatement(sql: """
            INSERT INTO innovation_author (initiative_id, position, member_id, full_name, share_percent, category)
            VALUES (?, ?, ?, ?, ?, ?)
            """)
        for (position, author) in authors.enumerated() {
            try insert.execute(arguments: [row, position, author.memberID, author.fullName, author.sharePercent, author.category.rawValue])
        }
    }

    /// The authors of each of `rows`, in their filed order.
    static func authors(of rows: [Int64], in db: Database) throws -> [Int64: [AuthorRecord]] {
        guard !rows.isEmpty else { return [:] }
        let fetched = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT initiative_id, member_id, full_name, share_percent, category FROM innovation_author
                WHERE initiative_id IN (SELECT value FROM json_each(?)) ORDER BY initiative_id, position
                """),
            arguments: [Self.jsonArray(rows)]
        )
        var authors: [Int64: [AuthorRecord]] = [:]
        for row in fetched {
            authors[row["initiative_id"], default: []].append(AuthorRecord(
                memberID: row["member_id"],
                fullName: row["full_name"],
                sharePercent: row["share_percent"],
                category: WorkerCategory(rawValue: row["category"]) ?? .unspecified
            ))
        }
        return authors
    }

    /// Appends a step to the initiative's history, and returns it.
    @discardableResult
    static func appendStep(
        to row: Int64, action: String, state: InitiativeState, at: Int64, keyID: String = "", reason: String = "",
        reviewID: String = "", in db: Database
    ) throws -> InitiativeStep {
        try db.cachedStatement(
            sql: "INSERT INTO innovation_step (initiative_id, at, action, state, key_id, reason, review_id) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [row, at, action, state.rawValue, keyID, reason, reviewID])
        return InitiativeStep.with {
            $0.at = at
            $0.action = action
            $0.state = state
            $0.keyID = keyID
            $0.reason = reason
            $0.reviewID = reviewID
        }
    }

    /// The history of each of `rows`, oldest first.
    static func history(of rows: [Int64], in db: Database) throws -> [Int64: [InitiativeStep]] {
        guard !rows.isEmpty else { return [:] }
        let fetched = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM innovation_step WHERE initiative_id IN (SELECT value FROM json_each(?))
                ORDER BY initiative_id, rowid
                """),
            arguments: [Self.jsonArray(rows)]
        )
        var history: [Int64: [InitiativeStep]] = [:]
        for row in fetched {
            history[row["initiative_id"], default: []].append(InitiativeStep.with {
                $0.at = row["at"]
                $0.action = row["action"]
                $0.state = InitiativeState(rawValue: row["state"]) ?? .unspecified
                $0.keyID = row["key_id"]
                $0.reason = row["reason"]
                $0.reviewID = row["review_id"]
            })
        }
        return history
    }

    /// The messages of `records`, with their authors, and their history when asked.
    static func messages(of records: [InitiativeRecord], withHistory: Bool, in db: Database) throws -> [Initiative] {
        let rows = records.map(\.row)
        let authors = try Self.authors(of: rows, in: db)
        let history = withHistory ? try Self.history(of: rows, in: db) : [:]
        return records.map { $0.message(authors: authors[$0.row] ?? [], history: history[$0.row] ?? []) }
    }

    static func message(of record: InitiativeRecord, withHistory: Bool = true, in db: Database) throws -> Initiative {
        try Self.messages(of: [record], withHistory: withHistory, in: db)[0]
    }

    /// A JSON array for `json_each`, so a list of any length is one bound argument.
    /// The initiatives recognised in `period` (recognised or published, by recognition date) of
    /// which `memberID` is an author, as rows of `id` and `unit_id` in id order: the initiative
    /// condition of "Chiến sĩ thi đua cơ sở", which CheckEmulationSoldierCondition reports and the
    /// core checks on every grant of the title.
    static func recognised(authoredBy memberID: String, in period: ClosedRange<CalendarDate>, in db: Database) throws -> [Row] {
        try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT i.id, i.unit_id FROM innovation_initiative i JOIN innovation_author a ON a.initiative_id = i.id
                WHERE a.member_id = ? AND i.state IN (?, ?) AND i.recognised_on BETWEEN ? AND ?
                ORDER BY i.id
                """),
            arguments: [
                memberID, InitiativeState.recognised.rawValue, InitiativeState.published.rawValue,
                period.lowerBound.description, period.upperBound.description,
            ]
        )
    }

    static func jsonArray(_ values: [Int64]) -> String {
        "[" + values.map(String.init).joined(separator: ",") + "]"
    }

    static func jsonArray(_ values: [String]) -> String {
        let data = try! JSONEncoder().encode(values)
        return String(decoding: data, as: UTF8.self)
    }
}
