import ThiduaModuleKit

/// A row of `core_member`.
struct MemberRecord: Sendable, SQLRowDecodable {
    var row: Int64
    var unitRow: Int64
    var fullName: String
    var gender: Gender
    var role: String
    var unionMember: Bool
    var joinedOn: String?
    var leftOn: String?

    var id: String { EntityID.member(self.row) }
    var unitID: String { EntityID.unit(self.unitRow) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.unitRow = try row["unit_id"]
        self.fullName = try row["full_name"]
        self.gender = try Gender(rawValue: row["gender"]) ?? .unspecified
        self.role = try row["role"]
        self.unionMember = try row["union_member"]
        self.joinedOn = try row["joined_on"]
        self.leftOn = try row["left_on"]
    }

    var message: Member {
        Member.with {
            $0.id = self.id
            $0.unitID = self.unitID
            $0.fullName = self.fullName
            $0.gender = self.gender
            $0.role = self.role
            $0.unionMember = self.unionMember
            $0.joinedOn = self.joinedOn ?? ""
            $0.leftOn = self.leftOn ?? ""
        }
    }
}

/// Reads and writes of members and their history, inside a caller's transaction.
enum MemberStore {
    static func fetch(_ row: Int64, in db: Database) throws -> MemberRecord? {
        try db.fetchOne("SELECT * FROM core_member WHERE id = \(row)", as: MemberRecord.self)
    }

    static func require(_ id: String, field: String, in db: Database) throws -> MemberRecord {
        let row = try EntityID.memberRow(id, field: field)
        guard let member = try Self.fetch(row, in: db) else {
            throw RPCError(.notFound, "member \(id) does not exist", field: field, rule: "member.exists")
        }
        return member
    }

    static func insert(
        unit: UnitRecord,
        fullName: String,
        gender: Gender,
        role: String,
        unionMember: Bool,
        joinedOn: CalendarDate?,
        since: CalendarDate,
        in db: Database
    ) throws -> MemberRecord {
        let row = try db.insert("""
                INSERT INTO core_member (unit_id, full_name, gender, role, union_member, joined_on)
                VALUES (\(unit.row), \(fullName), \(gender.rawValue), \(role), \(unionMember), \(joinedOn?.description))
                RETURNING id
                """)
        try db.execute("INSERT INTO core_membership (member_id, unit_id, from_date) VALUES (\(row), \(unit.row), \(since.description))")
        return try Self.fetch(row, in: db)!
    }

    /// Moves one member, closing their current period and opening one in the new unit.
    static func transfer(_ member: MemberRecord, to unit: UnitRecord, on date: CalendarDate, in db: Database) throws -> MemberRecord {
        try db.execute("UPDATE core_membership SET to_date = \(date.description) WHERE member_id = \(member.row) AND to_date IS NULL")
        try db.execute("""
            INSERT INTO core_membership (member_id, unit_id, from_date)
            VALUES (\(member.row), \(unit.row), \(date.description))
            """)
        try db.execute("UPDATE core_member SET unit_id = \(unit.row) WHERE id = \(member.row)")
        return try Self.fetch(member.row, in: db)!
    }

    /// The current members of a unit (those who have not left).
    static func current(of unit: UnitRecord, in db: Database) throws -> [MemberRecord] {
        try db.fetchAll("SELECT * FROM core_member WHERE unit_id = \(unit.row) AND left_on IS NULL ORDER BY id", as: MemberRecord.self)
    }

    /// Marks a member as having left on `date`.
    static func leave(_ member: MemberRecord, on date: CalendarDate, in db: Database) throws -> MemberRecord {
        try db.execute("UPDATE core_member SET left_on = \(date.description) WHERE id = \(member.row)")
        try db.execute("UPDATE core_membership SET to_date = \(date.description) WHERE member_id = \(member.row) AND to_date IS NULL")
        return try Self.fetch(member.row, in: db)!
    }

    static func list(
        under unit: UnitRecord,
        includeSubtree: Bool,
        includeFormer: Bool,
        page: PageCursor,
        in db: Database
    ) throws -> [MemberRecord] {
        var query: SQLQuery
        if includeSubtree {
            query = "SELECT m.* FROM core_member m JOIN core_unit u ON u.id = m.unit_id WHERE u.path LIKE \(unit.path) || '%'"
        } else {
            query = "SELECT m.* FROM core_member m WHERE m.unit_id = \(unit.row)"
        }
        if !includeFormer { query.append(" AND m.left_on IS NULL") }
        if let after = page.after, let row = Int64(after) {
            query.append(" AND m.id > \(row)")
        }
        query.append(" ORDER BY m.id LIMIT \(page.fetchLimit)")
        return try db.fetchAll(query, as: MemberRecord.self)
    }
}
