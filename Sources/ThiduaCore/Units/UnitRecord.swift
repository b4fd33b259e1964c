import ThiduaModuleKit

/// A row of `core_unit`.
struct UnitRecord: Sendable, SQLRowDecodable, Equatable {
    var row: Int64
    var parentRow: Int64?
    var path: String
    var depth: Int
    var name: String
    var kind: UnitKind
    var sector: Sector
    var code: String?
    var validFrom: String
    var validTo: String?
    var fullyStateFunded: Bool

    var id: String { EntityID.unit(self.row) }
    var isLive: Bool { self.validTo == nil }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.parentRow = try row["parent_id"]
        self.path = try row["path"]
        self.depth = try row["depth"]
        self.name = try row["name"]
        self.kind = try UnitKind(rawValue: row["kind"]) ?? .unspecified
        self.sector = try Sector(rawValue: row["sector"]) ?? .unspecified
        self.code = try row["code"]
        self.validFrom = try row["valid_from"]
        self.validTo = try row["valid_to"]
        self.fullyStateFunded = try row["fully_state_funded"]
    }

    static func fetch(_ row: Int64, in db: Database) throws -> UnitRecord? {
        try db.fetchOne("SELECT * FROM core_unit WHERE id = \(row)", as: UnitRecord.self)
    }

    /// The unit named by a request field: INVALID_ARGUMENT for a malformed id, NOT_FOUND for none.
    static func require(_ id: String, field: String, in db: Database) throws -> UnitRecord {
        let row = try EntityID.unitRow(id, field: field)
        guard let record = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "unit \(id) does not exist", field: field, rule: "unit.exists")
        }
        return record
    }

    var message: Unit {
        Unit.with {
            $0.id = self.id
            $0.parentID = self.parentRow.map(EntityID.unit) ?? ""
            $0.name = self.name
            $0.kind = self.kind
            $0.sector = self.sector
            $0.code = self.code ?? ""
            $0.validFrom = self.validFrom
            $0.validTo = self.validTo ?? ""
            $0.fullyStateFunded = self.fullyStateFunded
            $0.depth = UInt32(self.depth)
        }
    }

    var reference: UnitReference {
        UnitReference(
            id: self.id,
            parentID: self.parentRow.map(EntityID.unit),
            name: self.name,
            kind: UnitReference.Kind(rawValue: self.kind.rawValue) ?? .unspecified,
            sector: UnitReference.Sector(rawValue: self.sector.rawValue) ?? .unspecified,
            fullyStateFunded: self.fullyStateFunded,
            isLive: self.isLive
        )
    }
}

/// Where a key may act: the subtree under its unit.
enum Scope {
    /// The path of the key's root unit.
    static func path(of principal: Principal, in db: Database) throws -> String {
        guard let row = Int64(principal.scopeUnitID.dropFirst()),
            let path = try db.fetchValue("SELECT path FROM core_unit WHERE id = \(row)", as: String.self)
        else {
            throw RPCError(.permissionDenied, "the key's unit no longer exists", field: "", rule: "scope.subtree")
        }
        return path
    }

    /// Whether the unit at `path` is the key's root or below it. A path lists the row ids from the
    /// top of the tree down ("/1/5/17/"), so the answer needs no query.
    static func covers(_ path: String, for principal: Principal) -> Bool {
        path.contains("/\(principal.scopeUnitID.dropFirst())/")
    }

    /// PERMISSION_DENIED unless `unit` is inside the key's subtree.
    static func require(_ unit: UnitRecord, within principal: Principal, in db: Database, field: String) throws {
        guard Self.covers(unit.path, for: principal) else {
            throw RPCError(
                .permissionDenied,
                "unit \(unit.id) is outside the subtree of key \(principal.keyID), which is rooted at \(principal.scopeUnitID)",
                field: field,
                rule: "scope.subtree"
            )
        }
    }

    /// The unit named by a request field, which must be inside the key's subtree.
    static func unit(_ id: String, field: String, within principal: Principal, in db: Database) throws -> UnitRecord {
        let unit = try UnitRecord.require(id, field: field, in: db)
        try Self.require(unit, within: principal, in: db, field: field)
        return unit
    }

    /// The root of a listing: the named unit (inside the subtree), or the key's own root.
    static func root(_ id: String, field: String, within principal: Principal, in db: Database) throws -> UnitRecord {
        try Self.unit(id.isEmpty ? principal.scopeUnitID : id, field: field, within: principal, in: db)
    }
}
