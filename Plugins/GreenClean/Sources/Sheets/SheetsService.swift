import ThiduaModuleKit

/// `thidua.green_clean.v1.Sheets`: the versioned criteria sheets.
struct SheetsService: RegistrableService {
    let context: ModuleContext

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.green_clean.v1.Sheets") { service in
            service.unary(Methods.GreenClean.Sheets.listSheets, permission: GreenCleanPermissions.read, self.listSheets)
            service.unary(Methods.GreenClean.Sheets.getSheet, permission: GreenCleanPermissions.read, self.getSheet)
            service.unary(Methods.GreenClean.Sheets.defineSheet, permission: GreenCleanPermissions.manage, self.defineSheet)
        }
    }

    func listSheets(_ request: ListGreenCleanSheetsRequest, _ context: CallContext) async throws -> ListGreenCleanSheetsResponse {
        try await self.context.core.read(context) { db, _ in
            try ListGreenCleanSheetsResponse.with { $0.sheets = try SheetStore.all(in: db).map(\.message) }
        }
    }

    func getSheet(_ request: GetGreenCleanSheetRequest, _ context: CallContext) async throws -> GreenCleanSheet {
        try await self.context.core.read(context) { db, _ in
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
        let core = self.context.core
        return try await core.mutate(context, request: request) { db, principal in
            // The sheet applies to every unit, so only a key over the whole organisation defines one.
            let scope = try core.unit(principal.scopeUnitID, within: principal, field: "", in: db)
            guard scope.parentID == nil else {
                throw RPCError(
                    .permissionDenied,
                    "criteria sheets apply to the whole organisation; define them with a key scoped to the root",
                    field: "",
                    rule: "green_clean.sheet_root"
                )
            }
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
            return Mutation(
                response: sheet,
                audit: .of(sheet, id: "\(sheet.version)", unitID: scope.id, reason: reason),
                changes: [.of(sheet, id: "\(sheet.version)", unitID: scope.id, .created)]
            )
        }
    }
}
