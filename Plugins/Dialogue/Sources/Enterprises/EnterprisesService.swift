import DialogueAPI
import ThiduaModuleKit

/// `thidua.dialogue.v1.Enterprises`: headcounts and the profile of an enterprise.
struct EnterprisesService: EnterprisesHandlers, ModuleService {
    let context: ModuleContext
    let rules: RuleBook

    func recordHeadcount(_ request: RecordHeadcountRequest, _ call: CallContext) async throws -> EnterpriseHeadcount {
        let asOf = try Fields.pastDate(request.asOf, field: "as_of", today: self.today)
        guard request.employees >= 1 else {
            throw RPCError(.invalidArgument, "employees must be at least 1", field: "employees", rule: "dialogue.headcount_positive")
        }
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let unit = try Enterprise.require(request.unitID, field: "unit_id", live: true, within: principal, core: core, in: db)
            let headcount = EnterpriseHeadcount.with {
                $0.unitID = unit.id
                $0.asOf = asOf.description
                $0.employees = request.employees
            }
            let before = try HeadcountStore.record(headcount, in: db)
            let entityID = "\(unit.id)@\(asOf)"
            return Mutation.change(headcount, id: entityID, unitID: unit.id, old: before, reason: reason)
        }
    }

    func getEnterpriseProfile(_ request: GetEnterpriseProfileRequest, _ call: CallContext) async throws -> EnterpriseProfile {
        let asOf = try Fields.date(request.asOf, field: "as_of", default: self.today)
        let core = self.core
        return try await core.read(call) { db, principal in
            let unit = try Enterprise.require(request.unitID, field: "unit_id", live: false, within: principal, core: core, in: db)
            let rules = try self.rules.rules(on: asOf, in: db)
            let headcount = try HeadcountStore.headcount(of: unit.id, on: asOf, in: db)
            let agreement = try AgreementStore.all(of: unit.id, in: db).last { agreement in
                AgreementLifecycle.inForceStates.contains(AgreementLifecycle.state(of: agreement, on: asOf, rules: rules))
            }
            let history = try HeadcountStore.history(of: unit.id, in: db)
            let dialogues = try DialogueStore.all(units: [unit.id], year: asOf.year, in: db)
            return EnterpriseProfile.with {
                $0.unitID = unit.id
                $0.unitName = unit.name
                $0.sector = UInt32(unit.sector.rawValue)
                $0.asOf = asOf.description
                if let headcount {
                    $0.headcount = headcount
                    if let band = rules.band(for: Int(headcount.employees)) { $0.delegationBand = band }
                }
                $0.history = history
                if let agreement {
                    $0.agreement = agreement.message(state: AgreementLifecycle.state(of: agreement, on: asOf, rules: rules), asOf: asOf)
                }
                $0.dialogues = dialogues.map(\.message)
            }
        }
    }
}
