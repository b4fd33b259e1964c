import ThiduaModuleKit

/// `thidua.green_clean.v1.Sheets`: the versioned criteria sheets.
struct SheetsService: SheetsHandlers, ModuleService {
    let context: ModuleContext

    func listSheets(_ request: ListGreenCleanSheetsRequest, _ context: CallContext) async throws -> ListGreenCleanSheetsResponse {
        try await self.core.read(context) { db, _ in
            try ListGreenCleanSheetsResponse.with { $0.sheets = try SheetStore.all(in: db).map(\.message) }
        }
    }

    func getSheet(_ request: GetGreenCleanSheetRequest, _ context: CallContext) async throws -> GreenCleanSheet {
        try await self.core.read(context) { db, _ in
            let version = request.version == 0 ? try SheetStore.newestVersion(in: db) ?? 0 : Int(request.version)
            return try SheetStore.require(version, field: "version", in: db).message
        }
    }

    func defineSheet(_ request: DefineGreenCleanSheetRequest, _ context: CallContext) async throws -> GreenCleanSheet {
        let proposed = try CriteriaSheet(
            version: 0,
            title: Fields.text(request.title, field: "title", maxLength: 300),
            regulation: Fields.optionalText(request.regulation, field: "regulation", maxLength: 300) ?? "",
            effectiveFrom: CalendarDate.parse(request.effectiveFrom, field: "effective_from"),
            passingScore: Int(request.passingScore),
            criteria: request.criteria.map { CriteriaSheet.Criterion(code: $0.code, name: $0.name, maxPoints: Int($0.maxPoints)) }
        ).validated()
        let reason = try Fields.note(request.reason, field: "reason")
        let core = self.core
        return try await core.mutate(context, request: request) { db, principal in
            let scope = try core.requireRootKey(principal, setting: "the criteria sheets", in: db)
            if let newest = try SheetStore.newestVersion(in: db), let current = try SheetStore.sheet(newest, in: db),
                proposed.effectiveFrom < current.effectiveFrom
            {
                throw RPCError(
                    .failedPrecondition,
                    "version \(newest) is in force from \(current.effectiveFrom); a new version cannot take effect before it",
                    field: "effective_from",
                    rule: "green_clean.sheet_order"
                )
            }
            let sheet = try SheetStore.insertNextVersion(proposed, in: db).message
            return Mutation.change(sheet, id: "\(sheet.version)", unitID: scope.id, reason: reason)
        }
    }
}
