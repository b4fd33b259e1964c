import DialogueAPI
import ThiduaModuleKit

/// Reads and writes of `dialogue_dialogue`, inside a caller's transaction.
enum DialogueStore {
    static func fetch(_ row: Int64, in db: Database) throws -> DialogueRecord? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM dialogue_dialogue WHERE id = ?"), arguments: [row]).map(Self.record(from:))
    }

    /// The dialogue named by a request field: INVALID_ARGUMENT for a malformed id, NOT_FOUND for none.
    static func require(_ id: String, field: String, in db: Database) throws -> DialogueRecord {
        let row = try DialogueID.dialogue.row(id, field: field)
        guard let dialogue = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "dialogue \(id) does not exist", field: field, rule: "dialogue.dialogue_exists")
        }
        return dialogue
    }

    /// Stores a new dialogue and returns it with its row.
    static func insert(_ dialogue: DialogueRecord, in db: Database) throws -> DialogueRecord {
        try db.cachedStatement(sql: """
                INSERT INTO dialogue_dialogue (
                    unit_id, kind, event, requested_by, requested_on, campaign_id, planned_on, agenda, employees,
                    delegation_size, state, held_on, employer_legal_representative_present, representatives_present,
                    minutes_signed_on, minutes_published_on, minutes_summary, cancel_reason
                ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: Self.arguments(of: dialogue)
        )
        var stored = dialogue
        stored.row = db.lastInsertedRowID
        return stored
    }

    static func update(_ dialogue: DialogueRecord, in db: Database) throws {
        try db.cachedStatement(sql: """
                UPDATE dialogue_dialogue SET
                    unit_id = ?, kind = ?, event = ?, requested_by = ?, requested_on = ?, campaign_id = ?, planned_on = ?,
                    agenda = ?, employees = ?, delegation_size = ?, state = ?, held_on = ?,
                    employer_legal_representative_present = ?, representatives_present = ?, minutes_signed_on = ?,
                    minutes_published_on = ?, minutes_summary = ?, cancel_reason = ?
                WHERE id = ?
                """).execute(
            arguments: Self.arguments(of: dialogue) + [dialogue.row]
        )
    }

    /// The dialogues of `unitIDs`, by row, after `afterRow`; at most `limit`.
    static func list(units unitIDs: [String], year: Int?, kind: DialogueKind?, afterRow: Int64, limit: Int, in db: Database) throws -> [DialogueRecord] {
        var sql = "SELECT * FROM dialogue_dialogue WHERE unit_id IN (SELECT value FROM json_each(?)) AND id > ?"
        var arguments: StatementArguments = [UnitSet.json(unitIDs), afterRow]
        if let kind {
            sql += " AND kind = ?"
            arguments += [kind.rawValue]
        }
        if let year {
            // The calendar year: the year held, else the year planned.
            sql += " AND substr(coalesce(held_on, planned_on), 1, 4) = ?"
            arguments += [String(format: "%04d", year)]
        }
        sql += " ORDER BY id LIMIT ?"
        arguments += [limit]
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(Self.record(from:))
    }

    /// Every dialogue of `unitIDs` in the calendar year `year`.
    static func all(units unitIDs: [String], year: Int, in db: Database) throws -> [DialogueRecord] {
        try Self.list(units: unitIDs, year: year, kind: nil, afterRow: 0, limit: Int.max, in: db)
    }

    private static func arguments(of dialogue: DialogueRecord) -> StatementArguments {
        [
            dialogue.unitID, dialogue.kind.rawValue, dialogue.event.rawValue, dialogue.requestedBy.rawValue,
            dialogue.requestedOn?.description, dialogue.campaignID, dialogue.plannedOn.description, dialogue.agenda,
            dialogue.employees, dialogue.delegationSize, dialogue.state.rawValue, dialogue.heldOn?.description,
            dialogue.employerLegalRepresentativePresent, dialogue.representativesPresent,
            dialogue.minutesSignedOn?.description, dialogue.minutesPublishedOn?.description, dialogue.minutesSummary,
            dialogue.cancelReason,
        ]
    }

    private static func record(from row: Row) -> DialogueRecord {
        DialogueRecord(
            row: row["id"],
            unitID: row["unit_id"],
            kind: DialogueKind(rawValue: row["kind"]) ?? .unspecified,
            event: WorkplaceEvent(rawValue: row["event"]) ?? .unspecified,
            requestedBy: BargainingSide(rawValue: row["requested_by"]) ?? .unspecified,
            requestedOn: (row["requested_on"] as String?).flatMap(CalendarDate.init),
            campaignID: row["campaign_id"],
            plannedOn: CalendarDate(row["planned_on"] as String)!,
            agenda: row["agenda"],
            employees: row["employees"],
            delegationSize: row["delegation_size"],
            state: DialogueState(rawValue: row["state"]) ?? .unspecified,
            heldOn: (row["held_on"] as String?).flatMap(CalendarDate.init),
            employerLegalRepresentativePresent: row["employer_legal_representative_present"],
            representativesPresent: row["representatives_present"],
            minutesSignedOn: (row["minutes_signed_on"] as String?).flatMap(CalendarDate.init),
            minutesPublishedOn: (row["minutes_published_on"] as String?).flatMap(CalendarDate.init),
            minutesSummary: row["minutes_summary"],
            cancelReason: row["cancel_reason"]
        )
    }
}
