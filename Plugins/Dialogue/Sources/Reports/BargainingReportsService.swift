import DialogueAPI
import ThiduaModuleKit

/// `thidua.dialogue.v1.BargainingReports`: coverage of a subtree and agreements about to expire.
struct BargainingReportsService: BargainingReportsHandlers, ModuleService {
    let context: ModuleContext
    let rules: RuleBook

    func getBargainingCoverage(_ request: GetBargainingCoverageRequest, _ call: CallContext) async throws -> BargainingCoverage {
        let asOf = try Fields.date(request.asOf, field: "as_of", default: self.today)
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try Enterprise.root(request.unitID, field: "unit_id", within: principal, core: core, in: db)
            let units = try Enterprise.enterprises(under: root, includeDissolved: false, core: core, in: db)
            let ids = units.map(\.id)
            let calculator = CoverageCalculator(asOf: asOf, rules: try self.rules.rules(on: asOf, in: db))
            let employees = try HeadcountStore.employees(of: ids, on: asOf, in: db)
            let agreements = Dictionary(grouping: try AgreementStore.list(units: ids, details: false, in: db), by: \.unitID)
            let dialogues = Dictionary(grouping: try DialogueStore.all(units: ids, year: asOf.year, in: db), by: \.unitID)
            let enterprises = try units.map { unit in
                CoverageCalculator.Enterprise(
                    unitID: unit.id,
                    sector: unit.sector.rawValue,
                    employees: employees[unit.id] ?? 0,
                    agreement: calculator.agreementInForce(among: agreements[unit.id] ?? []),
                    heldPeriodicDialogue: calculator.heldPeriodicDialogue(among: dialogues[unit.id] ?? []),
                    copyOverdue: try calculator.copyOverdue(among: agreements[unit.id] ?? []) { try self.rules.rules(on: $0, in: db) }
                )
            }
            let coverage = calculator.coverage(of: enterprises)
            return .with {
                $0.unitID = root.id
                $0.unitName = root.name
                $0.asOf = asOf.description
                $0.year = UInt32(asOf.year)
                $0.total = coverage.total
                $0.bySector = coverage.bySector
                $0.grades = coverage.grades
                $0.agreementsExpiring = UInt32(coverage.expiring)
            }
        }
    }

    func listExpiringAgreements(_ request: ListExpiringAgreementsRequest, _ call: CallContext) async throws -> ListExpiringAgreementsResponse {
        let asOf = try Fields.date(request.asOf, field: "as_of", default: self.today)
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try Enterprise.root(request.unitID, field: "unit_id", within: principal, core: core, in: db)
            let units = try Enterprise.enterprises(under: root, includeDissolved: false, core: core, in: db)
            let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
            let calculator = CoverageCalculator(asOf: asOf, rules: try self.rules.rules(on: asOf, in: db))
            let expiring = try AgreementStore.list(units: units.map(\.id), details: false, in: db)
                .filter(calculator.isExpiring)
                .map { (agreement: $0, key: "\($0.endsOn!)|\(String(format: "%012lld", $0.row))") }
                .sorted { $0.key < $1.key }
                .filter { page.after == nil || $0.key > page.after! }
            let (items, next) = page.finish(expiring) { $0.key }
            var answers: [ExpiringAgreement] = []
            for (agreement, _) in items {
                let full = try AgreementStore.fetch(agreement.row, in: db)!
                let renewal = try full.renewedByRow.flatMap { try AgreementStore.fetch($0, in: db) }
                answers.append(.with {
                    $0.agreement = full.message(state: calculator.state(of: full), asOf: asOf)
                    $0.unitName = names[full.unitID] ?? ""
                    $0.endsOn = full.endsOn!.description
                    $0.daysLeft = UInt32(max(0, asOf.days(until: full.endsOn!)))
                    if let renewal, renewal.stage != .withdrawn {
                        $0.renewalAgreementID = renewal.id
                        $0.renewalState = calculator.state(of: renewal)
                    }
                })
            }
            return .with {
                $0.asOf = asOf.description
                $0.windowEndsOn = calculator.windowEndsOn.description
                $0.agreements = answers
                $0.nextPageToken = next
            }
        }
    }
}
