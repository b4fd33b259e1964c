import DialogueAPI
import SwiftProtobuf
import ThiduaModuleKit

extension AgreementsService {
    /// What a step's body may look at, inside the call's transaction.
    struct StepContext {
        let agreement: AgreementRecord
        let db: Database
        let principal: Principal
    }

    /// Runs one lifecycle step on an agreement through the mutation pipeline: finds the agreement
    /// in the caller's subtree, applies the event with the rules in force on the day `rulesOn`
    /// picks, stores the result, lets `then` update related agreements, and records one audit
    /// entry and the change-feed entries.
    func step<Request: SwiftProtobuf.Message>(
        _ request: Request,
        _ call: CallContext,
        id: String,
        reason: String = "",
        rulesOn: @escaping @Sendable (AgreementRecord) -> CalendarDate,
        event: @escaping @Sendable (StepContext) throws -> AgreementLifecycle.Event,
        then related: @escaping @Sendable (AgreementRecord, StepContext) throws -> [AgreementRecord] = { _, _ in [] }
    ) async throws -> CollectiveAgreement {
        let today = self.today
        return try await self.core.mutate(call, request: request) { db, principal in
            let before = try self.visibleAgreement(id, field: "agreement_id", within: principal, in: db)
            let context = StepContext(agreement: before, db: db, principal: principal)
            let rules = try self.rules.rules(on: rulesOn(before), in: db)
            let next = try AgreementLifecycle.apply(try event(context), to: before, rules: rules, today: today)
            let after = try AgreementStore.update(next, from: before, in: db)
            let todays = try self.rules.rules(on: today, in: db)
            let others = try related(after, context).map { Self.change($0, .updated, today: today, rules: todays) }
            return Self.mutation(
                after, before: before, changes: [Self.change(after, .updated, today: today, rules: todays)] + others,
                reason: reason, today: today, rules: todays
            )
        }
    }

    /// The agreement, if its enterprise is inside the caller's subtree.
    func visibleAgreement(_ id: String, field: String, within principal: Principal, in db: Database) throws -> AgreementRecord {
        let agreement = try AgreementStore.require(id, field: field, in: db)
        _ = try self.core.unit(agreement.unitID, within: principal, field: field, in: db)
        return agreement
    }

    static func change(_ agreement: AgreementRecord, _ operation: ChangeEntry.Operation, today: CalendarDate, rules: DialogueRuleSet) -> ChangeEntry {
        let message = agreement.message(state: AgreementLifecycle.state(of: agreement, on: today, rules: rules), asOf: today)
        return .of(message, id: agreement.id, unitID: agreement.unitID, operation)
    }

    static func mutation(
        _ after: AgreementRecord, before: AgreementRecord?, changes: [ChangeEntry], reason: String = "", today: CalendarDate, rules: DialogueRuleSet
    ) -> Mutation<CollectiveAgreement> {
        let message = after.message(state: AgreementLifecycle.state(of: after, on: today, rules: rules), asOf: today)
        let old = before.map { $0.message(state: AgreementLifecycle.state(of: $0, on: today, rules: rules), asOf: today) }
        return Mutation(
            response: message,
            audit: .of(message, id: after.id, unitID: after.unitID, old: old, reason: reason),
            changes: changes
        )
    }
}
