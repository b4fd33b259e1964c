import DialogueAPI
import ThiduaModuleKit

/// `thidua.dialogue.v1.Dialogues`: planning, holding and closing workplace dialogues, and the
/// yearly calendar.
struct DialoguesService: DialoguesHandlers, ModuleService {
    let context: ModuleContext
    let rules: RuleBook

    static let moduleID = "dialogue"

    func planDialogue(_ request: PlanDialogueRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        let today = self.today
        let kind = try Fields.known(request.kind, field: "kind")
        let event = request.event == .unspecified ? .unspecified : try Fields.known(request.event, field: "event")
        let requestedBy = request.requestedBy == .unspecified ? .unspecified : try Fields.known(request.requestedBy, field: "requested_by")
        let requestedOn = request.requestedOn.isEmpty ? nil : try CalendarDate.parse(request.requestedOn, field: "requested_on")
        let plannedOn = try Fields.date(request.plannedOn, field: "planned_on")
        let agenda = try Fields.optionalText(request.agenda, field: "agenda", maxLength: 2000) ?? ""
        let campaignID = request.campaignID.isEmpty ? nil : request.campaignID
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let unit = try Enterprise.require(request.unitID, field: "unit_id", live: true, within: principal, core: core, in: db)
            if let campaignID {
                try self.requireCampaign(campaignID, for: unit, on: plannedOn, within: principal, in: db)
            }
            let plan = DialogueLifecycle.Plan(
                unitID: unit.id, kind: kind, event: event, requestedBy: requestedBy, requestedOn: requestedOn,
                campaignID: campaignID, plannedOn: plannedOn, agenda: agenda, delegationSize: Int(request.delegationSize)
            )
            let dialogue = try DialogueLifecycle.plan(
                plan,
                employees: try HeadcountStore.employees(of: unit.id, on: plannedOn, in: db),
                rules: try self.rules.rules(on: plannedOn, in: db),
                today: today
            )
            return Self.mutation(try DialogueStore.insert(dialogue, in: db), before: nil)
        }
    }

    func getDialogue(_ request: GetDialogueRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        try await self.core.read(call) { db, principal in
            try self.visibleDialogue(request.id, within: principal, in: db).message
        }
    }

    func listDialogues(_ request: ListDialoguesRequest, _ call: CallContext) async throws -> ListDialoguesResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let afterRow = try page.afterRow()
        let kind = request.kind == .unspecified ? nil : try Fields.known(request.kind, field: "kind")
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try Enterprise.root(request.unitID, field: "unit_id", within: principal, core: core, in: db)
            let units = try Enterprise.enterprises(under: root, includeDissolved: true, core: core, in: db).map(\.id)
            let rows = try DialogueStore.list(
                units: units, year: request.year == 0 ? nil : Int(request.year), kind: kind, afterRow: afterRow, limit: page.fetchLimit, in: db
            )
            let (dialogues, next) = page.finish(rows) { "\($0.row)" }
            return .with {
                $0.dialogues = dialogues.map(\.message)
                $0.nextPageToken = next
            }
        }
    }

    func updateDialogue(_ request: UpdateDialogueRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        let mask = try Fields.updateMask(request.updateMask, allowed: ["planned_on", "delegation_size", "agenda"])
        let plannedOn = mask.contains("planned_on") ? try Fields.date(request.plannedOn, field: "planned_on") : nil
        let agenda = mask.contains("agenda") ? try Fields.optionalText(request.agenda, field: "agenda", maxLength: 2000) ?? "" : nil
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let today = self.today
        return try await self.core.mutate(call, request: request) { db, principal in
            let before = try self.visibleDialogue(request.id, within: principal, in: db)
            let newDate = plannedOn ?? before.plannedOn
            if let campaignID = before.campaignID, newDate != before.plannedOn, before.state == .planned {
                let unit = try self.core.unit(before.unitID, within: principal, field: "id", in: db)
                try self.requireCampaign(campaignID, for: unit, on: newDate, within: principal, in: db)
            }
            let event = DialogueLifecycle.Event.reschedule(
                plannedOn: newDate,
                delegationSize: mask.contains("delegation_size") ? Int(request.delegationSize) : before.delegationSize,
                agenda: agenda ?? before.agenda,
                employees: try HeadcountStore.employees(of: before.unitID, on: newDate, in: db)
            )
            let after = try DialogueLifecycle.apply(event, to: before, rules: try self.rules.rules(on: newDate, in: db), today: today)
            try DialogueStore.update(after, in: db)
            return Self.mutation(after, before: before, reason: reason)
        }
    }

    func holdDialogue(_ request: HoldDialogueRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        let heldOn = try Fields.date(request.heldOn, field: "held_on")
        let today = self.today
        return try await self.core.mutate(call, request: request) { db, principal in
            let before = try self.visibleDialogue(request.id, within: principal, in: db)
            let event = DialogueLifecycle.Event.hold(
                on: heldOn,
                employerLegalRepresentativePresent: request.employerLegalRepresentativePresent,
                representativesPresent: Int(request.representativesPresent)
            )
            let after = try DialogueLifecycle.apply(event, to: before, rules: try self.rules.rules(on: heldOn, in: db), today: today)
            try DialogueStore.update(after, in: db)
            return Self.mutation(after, before: before)
        }
    }

    func publishDialogueMinutes(_ request: PublishDialogueMinutesRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        let signedOn = try Fields.date(request.signedOn, field: "signed_on")
        let publishedOn = try Fields.date(request.publishedOn, field: "published_on")
        let summary = try Fields.text(request.summary, field: "summary", maxLength: 4000)
        let today = self.today
        return try await self.core.mutate(call, request: request) { db, principal in
            let before = try self.visibleDialogue(request.id, within: principal, in: db)
            let event = DialogueLifecycle.Event.publishMinutes(
                signedByEmployer: request.signedByEmployer, signedByEmployeeRepresentatives: request.signedByEmployeeRepresentatives,
                signedOn: signedOn, publishedOn: publishedOn, summary: summary
            )
            let rulesDate = before.heldOn ?? before.plannedOn
            let after = try DialogueLifecycle.apply(event, to: before, rules: try self.rules.rules(on: rulesDate, in: db), today: today)
            try DialogueStore.update(after, in: db)
            // A campaign counts the dialogues whose minutes are out while it runs.
            if let campaignID = after.campaignID, try self.core.campaign(campaignID, within: principal, field: "id", in: db).isRunning {
                try self.core.addProgress(campaignID: campaignID, unitID: after.unitID, delta: 1, in: db)
            }
            return Self.mutation(after, before: before)
        }
    }

    func cancelDialogue(_ request: CancelDialogueRequest, _ call: CallContext) async throws -> WorkplaceDialogue {
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 500)
        let today = self.today
        return try await self.core.mutate(call, request: request) { db, principal in
            let before = try self.visibleDialogue(request.id, within: principal, in: db)
            let after = try DialogueLifecycle.apply(.cancel(reason: reason), to: before, rules: self.rules.builtIn, today: today)
            try DialogueStore.update(after, in: db)
            return Self.mutation(after, before: before, reason: reason)
        }
    }

    // MARK: Pieces

    /// The dialogue, if its enterprise is inside the caller's subtree.
    func visibleDialogue(_ id: String, within principal: Principal, in db: Database) throws -> DialogueRecord {
        let dialogue = try DialogueStore.require(id, field: "id", in: db)
        _ = try self.core.unit(dialogue.unitID, within: principal, field: "id", in: db)
        return dialogue
    }

    /// The campaign a dialogue counts toward: one of this module, running, whose period holds
    /// the dialogue's date and whose scope holds the enterprise.
    private func requireCampaign(_ campaignID: String, for unit: UnitReference, on date: CalendarDate, within principal: Principal, in db: Database) throws {
        let campaign = try self.core.campaign(campaignID, of: Self.moduleID, running: true, within: principal, field: "campaign_id", in: db)
        guard campaign.covers(date) else {
            throw RPCError(
                .failedPrecondition,
                "campaign \(campaign.id) runs from \(campaign.startsOn) to \(campaign.endsOn); a dialogue on \(date) does not count toward it",
                field: "campaign_id",
                rule: "dialogue.campaign_period"
            )
        }
        try self.core.requireInScope(unit, of: campaign, field: "campaign_id", in: db)
    }

    static func mutation(_ after: DialogueRecord, before: DialogueRecord?, reason: String = "") -> Mutation<WorkplaceDialogue> {
        let message = after.message
        return Mutation.change(message, id: after.id, unitID: after.unitID, old: before?.message, reason: reason)
    }
}
