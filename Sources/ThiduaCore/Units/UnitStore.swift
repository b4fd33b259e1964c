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
        let row = try db.insert("""
                INSERT INTO core_unit (parent_id, path, depth, name, kind, sector, code, valid_from, fully_state_funded)
                VALUES (\(parent?.row), '', \((parent?.depth ?? -1) + 1), \(name), \(kind.rawValue),
                    \(sector.rawValue), \(code), \(validFrom.description), \(fullyStateFunded))
                RETURNING id
                """)
        let path = (parent?.path ?? "/") + "\(row)/"
        try db.execute("UPDATE core_unit SET path = \(path) WHERE id = \(row)")
        return try UnitRecord.fetch(row, in: db)!
    }

    static func requireFreeCode(_ code: String, field: String, in db: Database) throws {
        if let holder = try db.fetchValue("SELECT id FROM core_unit WHERE code = \(code) AND valid_to IS NULL", as: Int64.self) {
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
        var query: SQLQuery = "SELECT * FROM core_unit WHERE path LIKE \(root.path) || '%'"
        if kind != .unspecified {
            query.append(" AND kind = \(kind.rawValue)")
        }
        if sector != .unspecified {
            query.append(" AND sector = \(sector.rawValue)")
        }
        if !includeDissolved { query.append(" AND valid_to IS NULL") }
        if let after = page.after {
            query.append(" AND path > \(after)")
        }
        query.append(" ORDER BY path LIMIT \(page.fetchLimit)")
        return try db.fetchAll(query, as: UnitRecord.self)
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
        try db.execute("""
            UPDATE core_unit SET path = \(newPath) || substr(path, \(unit.path.count + 1)), depth = depth + \(parent.depth + 1 - unit.depth)
            WHERE path LIKE \(unit.path) || '%'
            """)
        try db.execute("UPDATE core_unit SET parent_id = \(parent.row) WHERE id = \(unit.row)")
        return try UnitRecord.fetch(unit.row, in: db)!
    }

    static func hasLiveChildren(_ unit: UnitRecord, in db: Database) throws -> Bool {
        try db.fetchValue("""
            SELECT EXISTS (SELECT 1 FROM core_unit
            WHERE parent_id = \(unit.row) AND valid_to IS NULL)
            """, as: Bool.self) ?? false
    }

    /// Ends a unit on `date`.
    static func end(_ unit: UnitRecord, on date: CalendarDate, in db: Database) throws -> UnitRecord {
        try db.execute("UPDATE core_unit SET valid_to = \(date.description) WHERE id = \(unit.row)")
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
        try db.execute("""
                INSERT INTO core_unit_event (kind, unit_id, from_unit_id, to_unit_id, effective_on, decision, members_moved)
                VALUES (\(kind), \(unit.row), \(from?.row), \(to?.row), \(date.description), \(decision), \(membersMoved))
                """)
    }
}
