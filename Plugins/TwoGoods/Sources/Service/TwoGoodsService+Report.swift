import ThiduaModuleKit
import TwoGoodsAPI

/// The school-year report.
extension TwoGoodsService {
    func getYearReport(_ request: GetYearReportRequest, _ context: CallContext) async throws -> TwoGoodsYearReport {
        guard (1900...2998).contains(request.schoolYear) else {
            throw RPCError(
                .invalidArgument,
                "school_year must be the year the school year starts, such as 2021 for 2021-2022",
                field: "school_year",
                rule: "two_goods.school_year"
            )
        }
        return try await self.core.read(context) { db, principal in
            let units = try self.subtree(request.unitID, field: "unit_id", within: principal, in: db)
            let startsOn = CalendarDate(year: Int(request.schoolYear), month: 9, day: 1)!
            let rules = try RuleSetStore.inForce(on: startsOn, in: db)
            return try YearReportQuery.report(schoolYear: Int(request.schoolYear), units: units, rules: rules, in: db)
        }
    }
}
