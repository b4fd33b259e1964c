import ThiduaModuleKit

/// `thidua.work_and_home.v1.Reports`.
struct ReportsService: ReportsHandlers, ModuleService {
    let context: ModuleContext

    /// Registered vs recognised in a year, per grassroots union and sector of a subtree.
    func registrationReport(_ request: WorkAndHomeReportRequest, _ call: CallContext) async throws -> WorkAndHomeReport {
        guard request.year != 0 else {
            throw RPCError(.invalidArgument, "year must be set", field: "year", rule: "field.required")
        }
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let units = try core.units(under: root.id, in: db)
            var tally = RegistrationTally(units: units)
            try db.forEach("""
                SELECT unit_id, state, count(*) AS registrations FROM work_and_home_registration
                WHERE year = \(request.year) AND unit_id IN \(list: units.map(\.id))
                GROUP BY unit_id, state
                """) { row in
                tally.add(try row["registrations"], in: WorkAndHomeState(rawValue: try row["state"]) ?? .unspecified, of: try row["unit_id"])
            }
            return tally.report(of: root.id, year: request.year)
        }
    }
}
