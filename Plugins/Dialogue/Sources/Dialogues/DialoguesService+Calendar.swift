import DialogueAPI
import ThiduaModuleKit

extension DialoguesService {
    func getDialogueCalendar(_ request: GetDialogueCalendarRequest, _ call: CallContext) async throws -> DialogueCalendar {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let afterOrder = try page.afterRow()
        let today = self.today
        let year = request.year == 0 ? today.year : Int(request.year)
        guard (1900...2999).contains(year) else {
            throw RPCError(.invalidArgument, "year must be between 1900 and 2999; got \(year)", field: "year", rule: "dialogue.year")
        }
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try Enterprise.root(request.unitID, field: "unit_id", within: principal, core: core, in: db)
            let enterprises = try Enterprise.enterprises(under: root, includeDissolved: false, core: core, in: db)
                .sorted { Enterprise.order(of: $0.id) < Enterprise.order(of: $1.id) }
                .filter { Enterprise.order(of: $0.id) > afterOrder }
            let (units, next) = page.finish(enterprises) { "\(Enterprise.order(of: $0.id))" }
            let countedOn = min(CalendarDate.lastDay(of: year), today)
            let rules = try self.rules.rules(on: countedOn, in: db)
            let employees = try HeadcountStore.employees(of: units.map(\.id), on: countedOn, in: db)
            let dialogues = Dictionary(grouping: try DialogueStore.all(units: units.map(\.id), year: year, in: db), by: \.unitID)
            return .with {
                $0.year = UInt32(year)
                $0.nextPageToken = next
                $0.enterprises = units.map { unit in
                    let own = dialogues[unit.id] ?? []
                    let held = own.contains(where: \.isHeldPeriodic)
                    return EnterpriseDialogueYear.with {
                        $0.unitID = unit.id
                        $0.unitName = unit.name
                        $0.employees = UInt32(employees[unit.id] ?? 0)
                        if let band = rules.band(for: employees[unit.id] ?? 0) { $0.delegationBand = band }
                        $0.dialogues = own.map(\.message)
                        $0.periodicDialogueHeld = held
                        $0.periodicDialogueMissed = !held && year < today.year
                    }
                }
            }
        }
    }
}
