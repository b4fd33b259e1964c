import ThiduaModuleKit

/// Reads and writes of units, events and clusters. Every function runs inside a caller's
/// transaction and checks the rules that the schema cannot.
enum UnitStore {
    static func insert(
        parent: UnitRecord?,
        name: String,
        kind: UnitKind,
        sector: Sector,
        code: String?,
        validFrom: CalendarDate,
        fullyStateFunded: Bool,
        in db: Database
    ) throws -> UnitRecord {
        if let code { try Self.requireFreeCode(code, field: "code", in: db) }
        try db.cachedStatement(sql: """
                INSERT INTO core_unit (parent_id, path, depth, name, kind, sector, code, valid_from, fully_state_funded)
                VALUES (?, '', ?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [
                parent?.row, (parent?.depth ?? -1) + 1, name, kind.rawValue, sector.rawValue, code,
                validFrom.description, fullyStateFunded,
            ]
        )
        let row = db.lastInsertedRowID
        let path = (parent?.path ?? "/") + "\(row)/"
        try db.cachedStatement(sql: "UPDATE core_unit SET path = ? WHERE id = ?").execute(arguments: [path, row])
        return try UnitRecord.fetch(row, in: db)!
    }

    static func requireFreeCode(_ code: String, field: String, in db: Database) throws {
        if let holder = try Int64.fetchOne(db.cachedStatement(
            sql: "SELECT id FROM core_unit WHERE code = ? AND valid_to IS NULL"
        ), arguments: [code]) {
            throw RPCError(
                .alreadyExists,
                "the code \"\(code)\" already belongs to unit \(EntityID.unit(holder))",
                field: field,
                rule: "unit.code_unique"
            )
        }
    }

    /// A subtree in tree order, starting after the page's key.
    static func list(
        under root: UnitRecord,
        kind: UnitKind,
        sector: Sector,
        includeDissolved: Bool,
        page: PageCursor,
        in db: Database
    ) throws -> [UnitRecord] {
        var sql = "SELECT * FROM core_unit WHERE path LIKE ? || '%'"
        var arguments: StatementArguments = [root.path]
        if kind != .unspecified {
            sql += " AND kind = ?"
            arguments += [kind.rawValue]
        }
        if sector != .unspecified {
            sql += " AND sector = ?"
            arguments += [sector.rawValue]
        }
        if !includeDissolved { sql += " AND valid_to IS NULL" }
        if let after = page.after {
            sql += " AND path > ?"
            arguments += [after]
        }
        sql += " ORDER BY path LIMIT ?"
        arguments += [page.fetchLimit]
        return try UnitRecord.fetchAll(db, sql: sql, arguments: arguments)
    }

    /// Moves `unit` and everything under it below `parent`.
    static func move(_ unit: UnitRecord, under parent: UnitRecord, in db: Database) throws -> UnitRecord {
        guard !parent.path.hasPrefix(unit.path) else {
            throw RPCError(
                .failedPrecondition,
                "unit \(parent.id) is inside \(unit.id)'s own subtree; a unit cannot move below itself",
                field: "new_parent_id",
                rule: "unit.move_cycle"
            )
        }
        try UnitHierarchy.check(unit.kind, under: parent, field: "new_parent_id")
        guard parent.isLive else {
            throw RPCError(.failedPrecondition, "unit \(parent.id) was dissolved", field: "new_parent_id", rule: "unit.live")
        }
        let newPath = parent.path + "\(unit.row)/"
        try db.cachedStatement(sql: "UPDATE core_unit SET path = ? || substr(path, ?), depth = depth + ? WHERE path LIKE ? || '%'").execute(
            arguments: [newPath, unit.path.count + 1, parent.depth + 1 - unit.depth, unit.path]
        )
        try db.cachedStatement(sql: "UPDATE core_unit SET parent_id = ? WHERE id = ?").execute(arguments: [parent.row, unit.row])
        return try UnitRecord.fetch(unit.row, in: db)!
    }

    static func hasLiveChildren(_ unit: UnitRecord, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM core_unit WHERE parent_id = ? AND valid_to IS NULL)"
        ), arguments: [unit.row]) ?? false
    }

    /// Ends a unit on `date`.
    static func end(_ unit: UnitRecord, on date: CalendarDate, in db: Database) throws -> UnitRecord {
        try db.cachedStatement(sql: "UPDATE core_unit SET valid_to = ? WHERE id = ?").execute(arguments: [date.description, unit.row])
        return try UnitRecord.fetch(unit.row, in: db)!
    }

    static func recordEvent(
        _ kind: String,
        unit: UnitRecord,
        from: UnitRecord?,
        to: UnitRecord?,
        on date: CalendarDate,
        decision: String,
        membersMoved: Int,
        in db: Database
    ) throws {
        try db.cachedStatement(sql: """
                INSERT INTO core_unit_event (kind, unit_id, from_unit_id, to_unit_id, effective_on, decision, members_moved)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [kind, unit.row, from?.row, to?.row, date.description, decision, membersMoved]
        )
    }
}
