import DialogueAPI
import ThiduaModuleKit

/// `thidua.dialogue.v1.Agreements`: each step of a collective agreement, from the request to bargain
/// to its renewal.
struct AgreementsService: AgreementsHandlers, ModuleService {
    let context: ModuleContext
    let rules: RuleBook

    func requestBargaining(_ request: RequestBargainingRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let today = self.today
        let title = try Fields.text(request.title, field: "title", maxLength: 300)
        let side = try Fields.known(request.requestedBy, field: "requested_by")
        let requestedOn = try Fields.pastDate(request.requestedOn, field: "requested_on", today: today)
        let renewsRow = request.renewsAgreementID.isEmpty ? nil : try DialogueID.agreement.row(request.renewsAgreementID, field: "renews_agreement_id")
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let unit = try Enterprise.require(request.unitID, field: "unit_id", live: true, within: principal, core: core, in: db)
            let renews = try renewsRow.map { row in
                try self.visibleAgreement(DialogueID.agreement.id(row), field: "renews_agreement_id", within: principal, in: db)
            }
            let others = try AgreementStore.all(of: unit.id, in: db)
            let rules = try self.rules.rules(on: requestedOn, in: db)
            let fresh = try AgreementLifecycle.request(
                .init(unitID: unit.id, title: title, requestedBy: side, requestedOn: requestedOn, renews: renews),
                others: others,
                rules: rules
            )
            let agreement = try AgreementStore.insert(fresh, in: db)
            let todays = try self.rules.rules(on: today, in: db)
            var changes = [Self.change(agreement, .created, today: today, rules: todays)]
            if var renewed = renews {
                let before = renewed
                renewed.renewedByRow = agreement.row
                renewed = try AgreementStore.update(renewed, from: before, in: db)
                changes.append(Self.change(renewed, .updated, today: today, rules: todays))
            }
            return Self.mutation(agreement, before: nil, changes: changes, today: today, rules: todays)
        }
    }

    func getAgreement(_ request: GetAgreementRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let asOf = try Fields.date(request.asOf, field: "as_of", default: self.today)
        return try await self.core.read(call) { db, principal in
            let agreement = try self.visibleAgreement(request.id, field: "id", within: principal, in: db)
            let rules = try self.rules.rules(on: asOf, in: db)
            return agreement.message(state: AgreementLifecycle.state(of: agreement, on: asOf, rules: rules), asOf: asOf)
        }
    }

    func listAgreements(_ request: ListAgreementsRequest, _ call: CallContext) async throws -> ListAgreementsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let afterRow = try page.afterRow()
        let asOf = try Fields.date(request.asOf, field: "as_of", default: self.today)
        let state = request.state == .unspecified ? nil : try Fields.known(request.state, field: "state")
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try Enterprise.root(request.unitID, field: "unit_id", within: principal, core: core, in: db)
            let units = try Enterprise.enterprises(under: root, includeDissolved: true, core: core, in: db).map(\.id)
            let rules = try self.rules.rules(on: asOf, in: db)
            var matching: [(AgreementRecord, AgreementState)] = []
            var cursor = afterRow
            // Filtering by state happens after reading, so read on until the page is full.
            while matching.count < page.fetchLimit {
                let batch = try AgreementStore.list(units: units, afterRow: cursor, limit: 500, details: true, in: db)
                for agreement in batch {
                    let current = AgreementLifecycle.state(of: agreement, on: asOf, rules: rules)
                    if state == nil || state == current { matching.append((agreement, current)) }
                }
                guard let last = batch.last, batch.count == 500 else { break }
                cursor = last.row
            }
            let (agreements, next) = page.finish(matching) { "\($0.0.row)" }
            return .with {
                $0.agreements = agreements.map { $0.0.message(state: $0.1, asOf: asOf) }
                $0.nextPageToken = next
            }
        }
    }

    func recordBargainingSession(_ request: RecordBargainingSessionRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let heldOn = try Fields.date(request.heldOn, field: "held_on")
        let minutes = try Fields.text(request.minutes, field: "minutes", maxLength: 4000)
        return try await self.step(request, call, id: request.agreementID, rulesOn: { $0.requestedOn }) { _ in
            .session(heldOn: heldOn, minutes: minutes)
        }
    }

    func recordAgreementDraft(_ request: RecordAgreementDraftRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let draftedOn = try Fields.date(request.draftedOn, field: "drafted_on")
        return try await self.step(request, call, id: request.agreementID, rulesOn: { _ in draftedOn }) { _ in
            .draft(on: draftedOn, clauses: request.clauses)
        }
    }

    func recordAgreementVote(_ request: RecordAgreementVoteRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let votedOn = try Fields.date(request.votedOn, field: "voted_on")
        return try await self.step(request, call, id: request.agreementID, rulesOn: { _ in votedOn }) { context in
            .vote(
                on: votedOn, inFavour: Int(request.inFavour), against: Int(request.against),
                employees: try HeadcountStore.employees(of: context.agreement.unitID, on: votedOn, in: context.db)
            )
        }
    }

    func signAgreement(_ request: SignAgreementRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let signedOn = try Fields.date(request.signedOn, field: "signed_on")
        let effectiveFrom = try Fields.date(request.effectiveFrom, field: "effective_from", default: signedOn)
        // term_months, or the deprecated term_years of older clients.
        if request.termMonths > 0, request.termYears > 0, request.termMonths != request.termYears * 12 {
            throw RPCError(
                .invalidArgument,
                "term_months (\(request.termMonths)) and the deprecated term_years (\(request.termYears)) disagree: set term_months only",
                field: "term_years",
                rule: "dialogue.term_fields"
            )
        }
        let (termMonths, termField) = request.termMonths > 0 || request.termYears == 0
            ? (Int(request.termMonths), "term_months") : (Int(request.termYears) * 12, "term_years")
        return try await self.step(request, call, id: request.agreementID, rulesOn: { _ in signedOn }) { _ in
            .sign(on: signedOn, effectiveFrom: effectiveFrom, termMonths: termMonths, termField: termField)
        }
    }

    func fileAgreementCopy(_ request: FileAgreementCopyRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let filedOn = try Fields.date(request.filedOn, field: "filed_on")
        let authority = try Fields.text(request.filedWith, field: "filed_with", maxLength: 300)
        return try await self.step(request, call, id: request.agreementID, rulesOn: { $0.signedOn ?? filedOn }) { _ in
            .file(on: filedOn, with: authority)
        } then: { filed, context in
            // A renewal replaces the agreement it renews from the day it takes effect.
            guard let renewsRow = filed.renewsRow, let old = try AgreementStore.fetch(renewsRow, in: context.db) else { return [] }
            let replaced = try AgreementStore.update(AgreementLifecycle.replaced(old, from: filed.effectiveFrom!), from: old, in: context.db)
            return [replaced]
        }
    }

    func continueAgreement(_ request: ContinueAgreementRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let until = try Fields.date(request.continuedUntil, field: "continued_until")
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        return try await self.step(request, call, id: request.agreementID, reason: reason, rulesOn: { $0.expiresOn ?? until }) { context in
            let renewal = try context.agreement.renewedByRow.flatMap { try AgreementStore.fetch($0, in: context.db) }
            return .continueUntil(until, renewalUnderWay: renewal.map { $0.isBargaining || $0.stage == .signed } ?? false)
        }
    }

    func withdrawBargaining(_ request: WithdrawBargainingRequest, _ call: CallContext) async throws -> CollectiveAgreement {
        let withdrawnOn = try Fields.date(request.withdrawnOn, field: "withdrawn_on", default: self.today)
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 500)
        return try await self.step(request, call, id: request.agreementID, reason: reason, rulesOn: { _ in withdrawnOn }) { _ in
            .withdraw(on: withdrawnOn, reason: reason)
        } then: { withdrawn, context in
            // The agreement it was to renew may be renewed again.
            guard let renewsRow = withdrawn.renewsRow, let old = try AgreementStore.fetch(renewsRow, in: context.db),
                old.renewedByRow == withdrawn.row
            else { return [] }
            var cleared = old
            cleared.renewedByRow = nil
            return [try AgreementStore.update(cleared, from: old, in: context.db)]
        }
    }
}
