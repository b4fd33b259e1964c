import InnovationAPI
import ThiduaModuleKit

extension InitiativesService {
    /// The most rows one import takes; a frame holds them comfortably.
    static let maxImportRows = 5000

    /// Imports a register an upper level's council has decided: every row is checked as a filing
    /// and as a recognition would be, then all are stored as RECOGNISED with the decision, or none.
    func importDecidedRegister(_ request: ImportDecidedRegisterRequest, _ context: CallContext) async throws -> ImportDecidedRegisterResponse {
        let today = self.today
        let decisionNumber = try Fields.text(request.decisionNumber, field: "decision_number", maxLength: 100)
        let decisionDate = try Fields.date(request.decisionDate, field: "decision_date")
        guard decisionDate <= today else {
            throw RPCError(.invalidArgument, "decision_date is \(decisionDate), after today (\(today))", field: "decision_date", rule: "innovation.decision_future")
        }
        guard (1...Self.maxImportRows).contains(request.initiatives.count) else {
            throw RPCError(
                .invalidArgument,
                "an import holds 1 to \(Self.maxImportRows) initiatives; this one has \(request.initiatives.count)",
                field: "initiatives",
                rule: "innovation.import_rows",
                values: ["max": "\(Self.maxImportRows)"]
            )
        }
        let contents = try Self.checkRows(request.initiatives, decidedOn: decisionDate)
        let now = self.now
        return try await self.core.mutate(context, request: request) { db, principal in
            let unit = try self.rules.liveUnit(request.unitID, principal: principal, field: "unit_id", in: db)
            let decider = try self.decider(request.deciderUnitID, above: unit, principal: principal, in: db)
            let campaign = try self.rules.openCampaign(request.campaignID, for: unit, principal: principal, in: db)
            try CampaignWindowStore.save(campaign, in: db)
            let window = campaign.startsOn...campaign.endsOn
            let transition = try InitiativeLifecycle.apply(.importDecided, to: InitiativeLifecycle.new)
            let reason = "recognised by decision \(decisionNumber) of \(decisionDate) of unit \(decider.id)"
            var response = ImportDecidedRegisterResponse.with { $0.unitID = unit.id }
            var changes: [ChangeEntry] = []
            for (index, content) in contents.enumerated() {
                let prefix = "initiatives[\(index)]."
                let authors = try self.rules.authors(content.authors, of: unit, principal: principal, prefix: prefix, in: db)
                try InitiativeStore.requireNovel(content, unitID: unit.id, field: prefix + "title", in: db)
                let counts = transition.effect == .count && ProgressCounter.counts(firstAppliedOn: content.firstAppliedOn, window: window)
                let record = try InitiativeStore.insert(
                    campaignID: campaign.id, unitID: unit.id, content: content, authors: authors, state: transition.state,
                    filedOn: decisionDate, recognisedOn: decisionDate, decisionNumber: decisionNumber, counted: counts, in: db
                )
                try InitiativeStore.appendStep(
                    to: record.row, action: transition.action, state: transition.state, at: now, keyID: principal.keyID,
                    reason: reason, in: db
                )
                let message = record.message(authors: authors)
                changes.append(.of(message, id: message.id, unitID: unit.id, .created))
                response.initiativeIds.append(message.id)
                response.imported += 1
                response.counted += record.counted ? 1 : 0
                response.benefitVnd += content.benefitVND
            }
            // The register's count goes to the campaign at once, as each initiative's would.
            if response.counted > 0 {
                try self.core.addProgress(campaignID: campaign.id, unitID: unit.id, delta: Int(response.counted), in: db)
            }
            return Mutation(
                response: response,
                audit: AuditEntry(
                    targetType: ImportDecidedRegisterResponse.protoMessageName,
                    targetID: "\(campaign.id)/\(unit.id)",
                    unitID: unit.id,
                    oldValue: nil,
                    newValue: response,
                    reason: reason
                ),
                changes: changes
            )
        }
    }

    /// Checks every row as a filing and a recognition, and their novelty against each other.
    private static func checkRows(_ rows: [DecidedInitiative], decidedOn decisionDate: CalendarDate) throws(RPCError) -> [InitiativeContent] {
        var problems = FieldProblems()
        var contents: [InitiativeContent] = []
        for (index, row) in rows.enumerated() {
            if let content = InitiativeContent.check(
                title: row.title, summary: row.summary, kind: row.kind, authors: row.authors, application: row.application,
                firstAppliedOn: row.firstAppliedOn, benefitVND: row.benefitVnd, benefitNote: row.benefitNote,
                today: decisionDate, prefix: "initiatives[\(index)].", into: &problems
            ) {
                contents.append(content)
            }
        }
        try problems.check()
        var firstRowByTitle: [String: Int] = [:]
        for (index, content) in contents.enumerated() {
            let prefix = "initiatives[\(index)]."
            // The decision can only recognise what had been applied by its date.
            try RecognitionCriteria.check(content, today: decisionDate, prefix: prefix)
            if let earlier = firstRowByTitle[content.normalisedTitle] {
                throw RPCError(
                    .failedPrecondition,
                    "initiatives[\(index)] repeats the title of initiatives[\(earlier)] (\"\(contents[earlier].title)\"); the first to file wins",
                    field: prefix + "title",
                    rule: "innovation.novel_in_unit"
                )
            }
            firstRowByTitle[content.normalisedTitle] = index
        }
        return contents
    }

    /// The deciding unit: `deciderID`, or the unit's parent when empty; inside the key's subtree
    /// and strictly above `unit` (rule `innovation.decider_above`).
    private func decider(_ deciderID: String, above unit: UnitReference, principal: Principal, in db: Database) throws -> UnitReference {
        guard let parentID = unit.parentID else {
            throw RPCError(.failedPrecondition, "unit \(unit.id) is the root; no council sits above it", field: "unit_id", rule: "innovation.decider_above")
        }
        let decider = try self.core.unit(deciderID.isEmpty ? parentID : deciderID, within: principal, field: "decider_unit_id", in: db)
        guard try self.rules.tree.isInside(parentID, subtreeOf: decider.id, principal: principal, in: db) else {
            throw RPCError(
                .failedPrecondition,
                "unit \(decider.id) is not above unit \(unit.id); a register is decided by an upper level",
                field: "decider_unit_id",
                rule: "innovation.decider_above"
            )
        }
        return decider
    }
}
