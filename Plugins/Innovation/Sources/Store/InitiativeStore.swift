import InnovationAPI
import ThiduaModuleKit

/// Reads and writes of initiatives, their authors and their history.
enum InitiativeStore {
    /// The initiative, or NOT_FOUND (rule `innovation.exists`).
    static func require(_ id: String, field: String, in db: Database) throws -> InitiativeRecord {
        try InnovationID.initiative.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    static func fetch(_ row: Int64, in db: Database) throws -> InitiativeRecord? {
        try db.fetchOne("SELECT * FROM innovation_initiative WHERE id = \(row)", as: InitiativeRecord.self)
    }

    /// FAILED_PRECONDITION (rule `innovation.novel_in_unit`) when the unit's register already holds
    /// a live filing with the same normalised title, naming it: the first to file wins.
    static func requireNovel(_ content: InitiativeContent, unitID: String, excluding row: Int64? = nil, field: String, in db: Database) throws {
        // "state <> 6" (WITHDRAWN) is written out so that SQLite uses the partial index
        // innovation_initiative_novel, whose condition it must match word for word.
        guard let earlier = try db.fetchOne("""
            SELECT id, campaign_id, register_number, title, filed_on FROM innovation_initiative
            WHERE unit_id = \(unitID) AND normalised_title = \(content.normalisedTitle) AND state <> 6
              AND id IS DISTINCT FROM \(row)
            """) else { return }
        let id = InnovationID.initiative.id(try earlier["id"])
        let title: String = try earlier["title"]
        let number: Int = try earlier["register_number"]
        let campaignID: String = try earlier["campaign_id"]
        let filedOn: String = try earlier["filed_on"]
        throw RPCError(
            .failedPrecondition,
            "unit \(unitID) already filed this initiative: \(id) \"\(title)\", number \(number) of campaign \(campaignID), on \(filedOn); the first to file wins",
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
        let number = try db.fetchValue(
            "SELECT coalesce(max(register_number), 0) + 1 FROM innovation_initiative WHERE unit_id = \(unitID) AND campaign_id = \(campaignID)",
            as: Int.self
        ) ?? 1
        let row = try db.insert("""
            INSERT INTO innovation_initiative (
                campaign_id, unit_id, register_number, title, normalised_title, summary, kind, application,
                first_applied_on, benefit_vnd, benefit_note, state, filed_on, recognised_on, decision_number, counted
            ) VALUES (
                \(campaignID), \(unitID), \(number), \(content.title), \(content.normalisedTitle), \(content.summary),
                \(content.kind.rawValue), \(content.application.rawValue), \(content.firstAppliedOn), \(Int64(content.benefitVND)),
                \(content.benefitNote), \(state.rawValue), \(filedOn), \(recognisedOn), \(decisionNumber), \(counted)
            ) RETURNING id
            """)
        try Self.insertAuthors(of: row, authors, in: db)
        return InitiativeRecord(
            inserted: row, campaignID: campaignID, unitID: unitID, registerNumber: number, content: content, state: state,
            filedOn: filedOn.description, recognisedOn: recognisedOn?.description, decisionNumber: decisionNumber, counted: counted
        )
    }

    /// Writes the content fields of `record`.
    static func updateContent(_ record: InitiativeRecord, authors: [AuthorRecord], in db: Database) throws {
        let content = record.content
        try db.execute("""
            UPDATE innovation_initiative SET title = \(content.title), normalised_title = \(content.normalisedTitle),
                summary = \(content.summary), kind = \(content.kind.rawValue), application = \(content.application.rawValue),
                first_applied_on = \(content.firstAppliedOn), benefit_vnd = \(Int64(content.benefitVND)),
                benefit_note = \(content.benefitNote)
            WHERE id = \(record.row)
            """)
        try Self.replaceAuthors(of: record.row, with: authors, in: db)
    }

    /// Writes the workflow fields of `record`: state, review, recognition and count.
    static func updateWorkflow(_ record: InitiativeRecord, in db: Database) throws {
        try db.execute("""
            UPDATE innovation_initiative
            SET state = \(record.state.rawValue), review_id = \(record.reviewID),
                recognised_on = \(record.recognisedOn), counted = \(record.counted)
            WHERE id = \(record.row)
            """)
    }

    private static func replaceAuthors(of row: Int64, with authors: [AuthorRecord], in db: Database) throws {
        try db.execute("DELETE FROM innovation_author WHERE initiative_id = \(row)")
        try Self.insertAuthors(of: row, authors, in: db)
    }

    private static func insertAuthors(of row: Int64, _ authors: [AuthorRecord], in db: Database) throws {
        for (position, author) in authors.enumerated() {
            try db.execute("""
                INSERT INTO innovation_author (initiative_id, position, member_id, full_name, share_percent, category)
                VALUES (\(row), \(position), \(author.memberID), \(author.fullName), \(author.sharePercent), \(author.category.rawValue))
                """)
        }
    }

    /// The authors of each of `rows`, in their filed order.
    static func authors(of rows: [Int64], in db: Database) throws -> [Int64: [AuthorRecord]] {
        guard !rows.isEmpty else { return [:] }
        var authors: [Int64: [AuthorRecord]] = [:]
        try db.forEach("""
            SELECT initiative_id, member_id, full_name, share_percent, category FROM innovation_author
            WHERE initiative_id IN \(list: rows) ORDER BY initiative_id, position
            """) { row in
            authors[try row["initiative_id"], default: []].append(AuthorRecord(
                memberID: try row["member_id"],
                fullName: try row["full_name"],
                sharePercent: try row["share_percent"],
                category: WorkerCategory(rawValue: try row["category"]) ?? .unspecified
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
        try db.execute("""
            INSERT INTO innovation_step (initiative_id, at, action, state, key_id, reason, review_id)
            VALUES (\(row), \(at), \(action), \(state.rawValue), \(keyID), \(reason), \(reviewID))
            """)
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
        var history: [Int64: [InitiativeStep]] = [:]
        try db.forEach("SELECT * FROM innovation_step WHERE initiative_id IN \(list: rows) ORDER BY initiative_id, rowid") { row in
            let step = try InitiativeStep.with {
                $0.at = try row["at"]
                $0.action = try row["action"]
                $0.state = InitiativeState(rawValue: try row["state"]) ?? .unspecified
                $0.keyID = try row["key_id"]
                $0.reason = try row["reason"]
                $0.reviewID = try row["review_id"]
            }
            history[try row["initiative_id"], default: []].append(step)
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

    /// The initiatives recognised in `period` (recognised or published, by recognition date) of
    /// which `memberID` is an author, in id order: the initiative condition of "Chiến sĩ thi đua
    /// cơ sở", which CheckEmulationSoldierCondition reports and the core checks on every grant of
    /// the title.
    static func recognised(authoredBy memberID: String, in period: ClosedRange<CalendarDate>, in db: Database) throws -> [RecognisedInitiative] {
        try db.fetchAll(
            """
            SELECT i.id, i.unit_id FROM innovation_initiative i JOIN innovation_author a ON a.initiative_id = i.id
            WHERE a.member_id = \(memberID) AND i.state IN (\(InitiativeState.recognised.rawValue), \(InitiativeState.published.rawValue))
              AND i.recognised_on BETWEEN \(period.lowerBound) AND \(period.upperBound)
            ORDER BY i.id
            """,
            as: RecognisedInitiative.self
        )
    }
}

/// An initiative that counts toward "Chiến sĩ thi đua cơ sở", and the unit that filed it.
struct RecognisedInitiative: SQLRowDecodable {
    let row: Int64
    let unitID: String

    var id: String { InnovationID.initiative.id(self.row) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.unitID = try row["unit_id"]
    }
}
