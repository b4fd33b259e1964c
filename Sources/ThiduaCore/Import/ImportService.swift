import Foundation
import ThiduaModuleKit

/// `thidua.core.v1.Import`: units and members from CSV, all or nothing.
///
/// First every row's own cells are checked, with progress streamed to the client; then one
/// mutation resolves codes against the database, checks the key's subtree and inserts every row.
/// A single problem anywhere refuses the whole file, listing each problem by line and column.
struct ImportService: RegistrableService {
    let core: CorePipeline

    /// Progress is reported after every this many rows.
    static let progressInterval = 1000

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Import") { service in
            service.serverStreaming(Methods.Core.Import.importUnits, permission: Permissions.unitsWrite, limits: .bulk, self.importUnits)
            service.serverStreaming(Methods.Core.Import.importMembers, permission: Permissions.membersWrite, limits: .bulk, self.importMembers)
        }
    }

    private struct UnitRow: Sendable {
        let line: Int, code: String, parentCode: String, name: String
        let kind: UnitKind, sector: Sector, validFrom: CalendarDate, fullyStateFunded: Bool
    }

    private struct MemberRow: Sendable {
        let line: Int, unitCode: String, fullName: String, gender: Gender, role: String
        let unionMember: Bool, joinedOn: CalendarDate?
    }

    func importUnits(_ request: ImportCsvRequest, _ stream: ResponseStream<ImportProgress>, _ context: CallContext) async throws {
        let (table, columns) = try Self.read(request.csv, required: ["code", "parent_code", "name", "kind"])
        let today = CalendarDate(self.core.clock())
        var problems = RowProblems()
        var rows: [UnitRow] = []
        var seenCodes: [String: Int] = [:]
        for (index, record) in table.records.enumerated() {
            let row = CSVRow(record: record, columns: columns)
            let code = row["code"], name = row["name"]
            if code.isEmpty { problems.add(line: row.line, column: "code", rule: "field.required", "code must not be empty") }
            if let earlier = seenCodes[code], !code.isEmpty {
                problems.add(line: row.line, column: "code", rule: "unit.code_unique", "the code \"\(code)\" is already used on line \(earlier)")
            }
            seenCodes[code] = seenCodes[code] ?? row.line
            if name.isEmpty { problems.add(line: row.line, column: "name", rule: "field.required", "name must not be empty") }
            if row["parent_code"].isEmpty { problems.add(line: row.line, column: "parent_code", rule: "field.required", "parent_code must name the parent unit") }
            let kind = CSVValues.kind(row["kind"])
            if kind == nil || kind == .confederation {
                problems.add(line: row.line, column: "kind", rule: "field.enum", "\"\(row["kind"])\" is not a kind of unit below the root, such as GRASSROOTS_UNION")
            }
            let sector = CSVValues.sector(row["sector"])
            if sector == nil { problems.add(line: row.line, column: "sector", rule: "field.enum", "\"\(row["sector"])\" is not a sector, such as SCHOOL") }
            let validFrom = row["valid_from"].isEmpty ? today : CalendarDate(row["valid_from"])
            if validFrom == nil { problems.add(line: row.line, column: "valid_from", rule: "date.format", "\"\(row["valid_from"])\" is not a date written YYYY-MM-DD") }
            let funded = CSVValues.flag(row["fully_state_funded"])
            if funded == nil { problems.add(line: row.line, column: "fully_state_funded", rule: "field.flag", "\"\(row["fully_state_funded"])\" is not true or false") }
            if let kind, let sector, let validFrom, let funded {
                rows.append(UnitRow(line: row.line, code: code, parentCode: row["parent_code"], name: name, kind: kind, sector: sector, validFrom: validFrom, fullyStateFunded: funded))
            }
            try await Self.reportProgress(after: index, of: table.records.count, to: stream)
        }
        guard problems.isEmpty else { throw problems.error() }

        let checked = rows
        let summary = try await self.core.mutate(context, request: request) { db, principal in
            let scope = try Scope.path(of: principal, in: db)
            var problems = RowProblems()
            var created: [String: UnitRecord] = [:]
            var changes: [ChangeEntry] = []
            for row in checked {
                let parent = try created[row.parentCode] ?? Self.liveUnit(code: row.parentCode, in: db)
                guard let parent else {
                    problems.add(line: row.line, column: "parent_code", rule: "unit.exists", "no unit earlier in the file or stored has the code \"\(row.parentCode)\"")
                    continue
                }
                guard parent.path.hasPrefix(scope) else {
                    problems.add(line: row.line, column: "parent_code", rule: "scope.subtree", "unit \(parent.id) is outside the key's subtree")
                    continue
                }
                guard UnitHierarchy.allows(row.kind, under: parent.kind) else {
                    problems.add(line: row.line, column: "kind", rule: "unit.parent_kind", UnitHierarchy.refusal(row.kind, under: parent))
                    continue
                }
                if try Self.liveUnit(code: row.code, in: db) != nil {
                    problems.add(line: row.line, column: "code", rule: "unit.code_unique", "a stored unit already has the code \"\(row.code)\"")
                    continue
                }
                guard problems.isEmpty else { continue }
                let unit = try UnitStore.insert(
                    parent: parent, name: row.name, kind: row.kind, sector: row.sector, code: row.code,
                    validFrom: row.validFrom, fullyStateFunded: row.fullyStateFunded, in: db
                )
                created[row.code] = unit
                changes.append(.of(unit.message, id: unit.id, unitID: unit.id, .created))
            }
            guard problems.isEmpty else { throw problems.error() }
            return Self.mutation(imported: checked.count, total: checked.count, what: "units", principal: principal, changes: changes)
        }
        try await stream.send(summary)
    }

    func importMembers(_ request: ImportCsvRequest, _ stream: ResponseStream<ImportProgress>, _ context: CallContext) async throws {
        let (table, columns) = try Self.read(request.csv, required: ["unit_code", "full_name", "gender"])
        let today = CalendarDate(self.core.clock())
        var problems = RowProblems()
        var rows: [MemberRow] = []
        for (index, record) in table.records.enumerated() {
            let row = CSVRow(record: record, columns: columns)
            if row["unit_code"].isEmpty { problems.add(line: row.line, column: "unit_code", rule: "field.required", "unit_code must name the member's unit") }
            if row["full_name"].isEmpty { problems.add(line: row.line, column: "full_name", rule: "field.required", "full_name must not be empty") }
            let gender = CSVValues.gender(row["gender"])
            if gender == nil { problems.add(line: row.line, column: "gender", rule: "field.enum", "\"\(row["gender"])\" is not female or male (nữ, nam)") }
            let unionMember = CSVValues.flag(row["union_member"])
            if unionMember == nil { problems.add(line: row.line, column: "union_member", rule: "field.flag", "\"\(row["union_member"])\" is not true or false") }
            var joinedOn: CalendarDate?
            if !row["joined_on"].isEmpty {
                joinedOn = CalendarDate(row["joined_on"])
                if joinedOn == nil { problems.add(line: row.line, column: "joined_on", rule: "date.format", "\"\(row["joined_on"])\" is not a date written YYYY-MM-DD") }
                if unionMember == false { problems.add(line: row.line, column: "joined_on", rule: "member.joined_on", "a worker who is not a union member has no joining date") }
            }
            if let gender, let unionMember {
                rows.append(MemberRow(
                    line: row.line, unitCode: row["unit_code"], fullName: row["full_name"], gender: gender,
                    role: row["role"], unionMember: unionMember, joinedOn: joinedOn
                ))
            }
            try await Self.reportProgress(after: index, of: table.records.count, to: stream)
        }
        guard problems.isEmpty else { throw problems.error() }

        let checked = rows
        let summary = try await self.core.mutate(context, request: request) { db, principal in
            let scope = try Scope.path(of: principal, in: db)
            var problems = RowProblems()
            var units: [String: UnitRecord] = [:]
            var changes: [ChangeEntry] = []
            for row in checked {
                guard let unit = try units[row.unitCode] ?? Self.liveUnit(code: row.unitCode, in: db) else {
                    problems.add(line: row.line, column: "unit_code", rule: "unit.exists", "no live unit has the code \"\(row.unitCode)\"")
                    continue
                }
                units[row.unitCode] = unit
                guard unit.path.hasPrefix(scope) else {
                    problems.add(line: row.line, column: "unit_code", rule: "scope.subtree", "unit \(unit.id) is outside the key's subtree")
                    continue
                }
                guard problems.isEmpty else { continue }
                let member = try MemberStore.insert(
                    unit: unit, fullName: row.fullName, gender: row.gender, role: row.role, unionMember: row.unionMember,
                    joinedOn: row.joinedOn, since: row.joinedOn ?? today, in: db
                )
                changes.append(.of(member.message, id: member.id, unitID: unit.id, .created))
            }
            guard problems.isEmpty else { throw problems.error() }
            return Self.mutation(imported: checked.count, total: checked.count, what: "members", principal: principal, changes: changes)
        }
        try await stream.send(summary)
    }

    // MARK: Shared steps

    private static func read(_ csv: Data, required: [String]) throws -> (CSVTable, [String: Int]) {
        do {
            let table = try CSVTable(utf8: csv)
            let optional = ["sector", "valid_from", "fully_state_funded", "role", "union_member", "joined_on"]
            var columns = try table.columns(required)
            for name in optional {
                if let index = table.header.firstIndex(of: name) { columns[name] = index }
            }
            return (table, columns)
        } catch {
            throw RowProblems.syntax(error)
        }
    }

    private static func reportProgress(after index: Int, of total: Int, to stream: ResponseStream<ImportProgress>) async throws {
        guard (index + 1) % Self.progressInterval == 0 else { return }
        try await stream.send(.with {
            $0.rowsTotal = UInt32(total)
            $0.rowsChecked = UInt32(index + 1)
        })
    }

    private static func liveUnit(code: String, in db: Database) throws -> UnitRecord? {
        try db.fetchOne("SELECT * FROM core_unit WHERE code = \(code) AND valid_to IS NULL", as: UnitRecord.self)
    }

    private static func mutation(imported: Int, total: Int, what: String, principal: Principal, changes: [ChangeEntry]) -> Mutation<ImportProgress> {
        let summary = ImportProgress.with {
            $0.rowsTotal = UInt32(total)
            $0.rowsChecked = UInt32(total)
            $0.rowsImported = UInt32(imported)
            $0.done = true
        }
        return Mutation(
            response: summary,
            audit: AuditEntry(
                targetType: ImportProgress.protoMessageName, targetID: what, unitID: principal.scopeUnitID,
                oldValue: nil, newValue: summary, reason: "imported \(imported) \(what) from CSV"
            ),
            changes: changes
        )
    }
}
