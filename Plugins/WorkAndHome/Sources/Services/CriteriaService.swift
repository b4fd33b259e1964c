import ThiduaModuleKit

/// `thidua.work_and_home.v1.Criteria`.
struct CriteriaService: CriteriaHandlers, ModuleService {
    let context: ModuleContext

    func getCriteria(_ request: GetWorkAndHomeCriteriaRequest, _ call: CallContext) async throws -> WorkAndHomeCriteria {
        let year = request.year == 0 ? self.today.year : Int(request.year)
        return try await self.core.read(call) { db, _ in
            guard let firstDay = CalendarDate(year: year, month: 1, day: 1) else {
                throw RPCError(
                    .notFound, "no version of the criteria was in force in \(year)", field: "year", rule: "work_and_home.criteria_in_force",
                    values: ["day": "\(year)-01-01"]
                )
            }
            return try CriteriaStore.inForce(on: firstDay, field: "year", in: db)
        }
    }
}
