import InnovationAPI
import ThiduaModuleKit

extension InitiativesService {
    static let updatableFields: Set<String> = [
        "title", "summary", "kind", "authors", "application", "first_applied_on", "benefit_vnd", "benefit_note",
    ]

    func updateInitiative(_ request: UpdateInitiativeRequest, _ context: CallContext) async throws -> Initiative {
        let mask = try Fields.updateMask(request.updateMask, allowed: Self.updatableFields)
        let reason = try Fields.note(request.reason, field: "reason")
        let (today, now) = (self.today, self.now)
        return try await self.core.mutate(context, request: request) { db, principal in
            var record = try self.rules.visibleInitiative(request.id, principal: principal, in: db)
            let transition = try InitiativeLifecycle.apply(.edit, to: record.state)
            let unit = try self.rules.liveUnit(record.unitID, principal: principal, field: "id", in: db)
            let storedAuthors = try InitiativeStore.authors(of: [record.row], in: db)[record.row] ?? []
            let before = record.message(authors: storedAuthors)
            let old = record.content
            let content = try InitiativeContent.validated(
                title: mask.contains("title") ? request.title : old.title,
                summary: mask.contains("summary") ? request.summary : old.summary,
                kind: mask.contains("kind") ? request.kind : old.kind,
                authors: mask.contains("authors") ? request.authors : storedAuthors.map(\.message),
                application: mask.contains("application") ? request.application : old.application,
                firstAppliedOn: mask.contains("first_applied_on") ? request.firstAppliedOn : old.firstAppliedOn?.description ?? "",
                benefitVND: mask.contains("benefit_vnd") ? request.benefitVnd : old.benefitVND,
                benefitNote: mask.contains("benefit_note") ? request.benefitNote : old.benefitNote,
                today: today
            )
            let authors = mask.contains("authors")
                ? try self.rules.authors(content.authors, of: unit, principal: principal, in: db)
                : storedAuthors
            if content.normalisedTitle != old.normalisedTitle {
                try InitiativeStore.requireNovel(content, unitID: unit.id, excluding: record.row, field: "title", in: db)
            }
            record.content = content
            try InitiativeStore.updateContent(record, authors: authors, in: db)
            try InitiativeStore.appendStep(
                to: record.row, action: transition.action, state: transition.state, at: now, keyID: principal.keyID,
                reason: reason, in: db
            )
            let after = try InitiativeStore.message(of: record, in: db)
            return Mutation.change(after, id: after.id, unitID: record.unitID, old: before, reason: reason)
        }
    }

    func submitInitiative(_ request: SubmitInitiativeRequest, _ context: CallContext) async throws -> Initiative {
        let summary = try Fields.note(request.summary, field: "summary")
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let record = try self.rules.visibleInitiative(request.id, principal: principal, in: db)
            _ = try InitiativeLifecycle.apply(.submit, to: record.state)
            _ = try self.rules.liveUnit(record.unitID, principal: principal, field: "id", in: db)
            // Once the campaign is closed (tổng kết), nothing more goes to its councils.
            try self.core.campaign(record.campaignID, within: principal, field: "id", in: db).requireRunning(field: "id")
            try RecognitionCriteria.check(record.content, today: today)
            let before = try InitiativeStore.message(of: record, withHistory: false, in: db)
            // The core tells the module's observer, which moves the initiative into review.
            let review = try self.core.submitReview(
                ReviewSubmission(
                    subjectType: ReviewFollower.subjectType,
                    subjectID: record.id,
                    campaignID: record.campaignID,
                    unitID: record.unitID,
                    deciderUnitID: request.deciderUnitID.isEmpty ? nil : request.deciderUnitID,
                    summary: summary.isEmpty ? record.content.title : summary
                ),
                by: principal,
                in: db
            )
            let after = try InitiativeStore.message(of: InitiativeStore.fetch(record.row, in: db)!, in: db)
            return Mutation.change(after, id: after.id, unitID: record.unitID, old: before, reason: "submitted for recognition as \(review.id)")
        }
    }

    func withdrawInitiative(_ request: WithdrawInitiativeRequest, _ context: CallContext) async throws -> Initiative {
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 1000)
        let now = self.now
        return try await self.core.mutate(context, request: request) { db, principal in
            var record = try self.rules.visibleInitiative(request.id, principal: principal, in: db)
            let transition = try InitiativeLifecycle.apply(.withdraw, to: record.state)
            let before = try InitiativeStore.message(of: record, withHistory: false, in: db)
            record.state = transition.state
            try InitiativeStore.updateWorkflow(record, in: db)
            try InitiativeStore.appendStep(
                to: record.row, action: transition.action, state: transition.state, at: now, keyID: principal.keyID,
                reason: reason, reviewID: record.reviewID ?? "", in: db
            )
            let after = try InitiativeStore.message(of: record, in: db)
            return Mutation.change(after, id: after.id, unitID: record.unitID, old: before, reason: reason)
        }
    }
}
