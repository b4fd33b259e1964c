import ThiduaModuleKit

/// A row of `core_member`.
struct MemberRecord: Sendable, FetchableRecord {
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

    init(row: Row) {
        self.row = row["id"]
        self.unitRow = row["unit_id"]
        self.fullName = row["full_name"]
        self.gender = Gender(rawValue: row["gender"]) ?? .unspecified
        self.role = row["role"]
        self.unionMember = row["union_member"]
        self.joinedOn = row["joined_on"]
        self.leftOn = row["left_on"]
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
        try MemberRecord.fetchOne(db.cachedStatement(sql: "SELECT * FROM core_member WHERE id = ?"), arguments: [row])
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
        try db.cachedStatement(sql: """
                INSERT INTO core_member (unit_id, full_name, gender, role, union_member, joined_on)
                VALUES (?, ?, ?, ?, ?, ?)
                """).execute(
            arguments: [unit.row, fullName, gender.rawValue, role, unionMember, joinedOn?.description]
        )
        let row = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO core_membership (member_id, unit_id, from_date) VALUES (?, ?, ?)").execute(
            arguments: [row, unit.row, since.description]
        )
        return try Self.fetch(row, in: db)!
    }

    /// Moves one member, closing their current period and opening one in the new unit.
    static func transfer(_ member: MemberRecord, to unit: UnitRecord, on date: CalendarDate, in db: Database) throws -> MemberRecord {
        try db.cachedStatement(sql: "UPDATE core_membership SET to_date = ? WHERE member_id = ? AND to_date IS NULL").execute(
            arguments: [date.description, member.row]
        )
        try db.cachedStatement(sql: "INSERT INTO core_membership (member_id, unit_id, from_date) VALUES (?, ?, ?)").execute(
            arguments: [member.row, unit.row, date.description]
        )
        try db.cachedStatement(sql: "UPDATE core_member SET unit_id = ? WHERE id = ?").execute(arguments: [unit.row, member.row])
        return try Self.fetch(member.row, in: db)!
    }

    /// The current members of a unit (those who have not left).
    static func current(of unit: UnitRecord, in db: Database) throws -> [MemberRecord] {
        try MemberRecord.fetchAll(db.cachedStatement(
            sql: "SELECT * FROM core_member WHERE unit_id = ? AND left_on IS NULL ORDER BY id"
        ), arguments: [unit.row])
    }

    /// Marks a member as having left on `date`.
    static func leave(_ member: MemberRecord, on date: CalendarDate, in db: Database) throws -> MemberRecord {
        try db.cachedStatement(sql: "UPDATE core_member SET left_on = ? WHERE id = ?").execute(arguments: [date.description, member.row])
        try db.cachedStatement(sql: "UPDATE core_membership SET to_date = ? WHERE member_id = ? AND to_date IS NULL").execute(
            arguments: [date.description, member.row]
        )
        return try Self.fetch(member.row, in: db)!
    }

    static func list(
        under unit: UnitRecord,
        includeSubtree: Bool,
        includeFormer: Bool,
        page: PageCursor,
        in db: Database
    ) throws -> [MemberRecord] {
        var sql: String
        var arguments: StatementArguments
        if includeSubtree {
            sql = "SELECT m.* FROM core_member m JOIN core_unit u ON u.id = m.unit_id WHERE u.path LIKE ? || '%'"
            arguments = [unit.path]
        } else {
            sql = "SELECT m.* FROM core_member m WHERE m.unit_id = ?"
            arguments = [unit.row]
        }
        if !includeFormer { sql += " AND m.left_on IS NULL" }
        if let after = page.after, let row = Int64(after) {
            sql += " AND m.id > ?"
            arguments += [row]
        }
        sql += " ORDER BY m.id LIMIT ?"
        arguments += [page.fetchLimit]
        return try MemberRecord.fetchAll(db, sql: sql, arguments: arguments)
    }
}
