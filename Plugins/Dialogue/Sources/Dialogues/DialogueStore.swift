import DialogueAPI
import Foundation
import ThiduaModuleKit

/// Reads and writes of `dialogue_dialogue`, inside a caller's transaction.
enum DialogueStore {
    static func fetch(_ row: Int64, in db: Database) throws -> DialogueRecord? {
        try db.fetchOne("SELECT * FROM dialogue_dialogue WHERE id = \(row)", as: DialogueRecord.self)
    }

    /// The dialogue named by a request field: INVALID_ARGUMENT for a malformed id, NOT_FOUND for none.
    static func require(_ id: String, field: String, in db: Database) throws -> DialogueRecord {
        try DialogueID.dialogue.require(id, field: field) { try Self.fetch($0, in: db) }
    }

    /// Stores a new dialogue and returns it with its row.
    static func insert(_ dialogue: DialogueRecord, in db: Database) throws -> DialogueRecord {
        var stored = dialogue
        stored.row = try db.insert(.insert(into: "dialogue_dialogue", Self.columns(of: dialogue)))
        return stored
    }

    static func update(_ dialogue: DialogueRecord, in db: Database) throws {
        try db.execute(.update("dialogue_dialogue", set: Self.columns(of: dialogue), row: dialogue.row))
    }

    /// The dialogues of `unitIDs`, by row, after `afterRow`; at most `limit`.
    static func list(units unitIDs: [String], year: Int?, kind: DialogueKind?, afterRow: Int64, limit: Int, in db: Database) throws -> [DialogueRecord] {
        var query: SQLQuery = "SELECT * FROM dialogue_dialogue WHERE unit_id IN \(list: unitIDs) AND id > \(afterRow)"
        if let kind {
            query.append(" AND kind = \(kind.rawValue)")
        }
        if let year {
            // The calendar year: the year held, else the year planned.
            query.append(" AND substr(coalesce(held_on, planned_on), 1, 4) = \(String(format: "%04d", year))")
        }
        query.append(" ORDER BY id LIMIT \(limit)")
        return try db.fetchAll(query, as: DialogueRecord.self)
    }

    /// Every dialogue of `unitIDs` in the calendar year `year`.
    static func all(units unitIDs: [String], year: Int, in db: Database) throws -> [DialogueRecord] {
        try Self.list(units: unitIDs, year: year, kind: nil, afterRow: 0, limit: Int.max, in: db)
    }

    private static func columns(of dialogue: DialogueRecord) -> StoredColumns {
        [
            "unit_id": dialogue.unitID,
            "kind": dialogue.kind.rawValue,
            "event": dialogue.event.rawValue,
            "requested_by": dialogue.requestedBy.rawValue,
            "requested_on": dialogue.requestedOn,
            "campaign_id": dialogue.campaignID,
            "planned_on": dialogue.plannedOn,
            "agenda": dialogue.agenda,
            "employees": dialogue.employees,
            "delegation_size": dialogue.delegationSize,
            "state": dialogue.state.rawValue,
            "held_on": dialogue.heldOn,
            "employer_legal_representative_present": dialogue.employerLegalRepresentativePresent,
            "representatives_present": dialogue.representativesPresent,
            "minutes_signed_on": dialogue.minutesSignedOn,
            "minutes_published_on": dialogue.minutesPublishedOn,
            "minutes_summary": dialogue.minutesSummary,
            "cancel_reason": dialogue.cancelReason,
        ]
    }
}

extension DialogueRecord: SQLRowDecodable {
    init(row: SQLRow) throws {
        func date(_ column: String) throws -> CalendarDate? { (try row[column] as String?).flatMap(CalendarDate.init) }
        self.init(
            row: try row["id"],
            unitID: try row["unit_id"],
            kind: DialogueKind(rawValue: try row["kind"]) ?? .unspecified,
            event: WorkplaceEvent(rawValue: try row["event"]) ?? .unspecified,
            requestedBy: BargainingSide(rawValue: try row["requested_by"]) ?? .unspecified,
            requestedOn: try date("requested_on"),
            campaignID: try row["campaign_id"],
            plannedOn: CalendarDate(try row["planned_on"] as String)!,
            agenda: try row["agenda"],
            employees: try row["employees"],
            delegationSize: try row["delegation_size"],
            state: DialogueState(rawValue: try row["state"]) ?? .unspecified,
            heldOn: try date("held_on"),
            employerLegalRepresentativePresent: try row["employer_legal_representative_present"] as Bool,
            representativesPresent: try row["representatives_present"],
            minutesSignedOn: try date("minutes_signed_on"),
            minutesPublishedOn: try date("minutes_published_on"),
            minutesSummary: try row["minutes_summary"],
            cancelReason: try row["cancel_reason"]
        )
    }
}
