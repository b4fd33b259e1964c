import ThiduaModuleKit
import TwoGoodsAPI

/// Schools taking part, their collective results and their round reviews.
extension TwoGoodsService {
    func enrolSchool(_ request: EnrolSchoolRequest, _ context: CallContext) async throws -> SchoolParticipation {
        let today = self.today
        let enrolledOn = try Fields.date(request.enrolledOn, field: "enrolled_on", default: today)
        return try await self.core.mutate(context, request: request) { db, principal in
            let campaign = try self.campaign(request.campaignID, field: "campaign_id", running: true, within: principal, in: db)
            let school = try self.core.unit(request.schoolUnitID, within: principal, field: "school_unit_id", in: db)
            try self.core.requireInScope(school, of: campaign, field: "school_unit_id", in: db)
            try SchoolEligibility.check(school, rules: try RuleSetStore.inForce(on: campaign.startsOn, in: db), field: "school_unit_id")
            guard enrolledOn <= today, enrolledOn <= campaign.endsOn else {
                throw RPCError(
                    .invalidArgument,
                    "enrolled_on is \(enrolledOn); a school enrols by today (\(today)) and before its school year ends (\(campaign.endsOn))",
                    field: "enrolled_on",
                    rule: "two_goods.enrolment_date"
                )
            }
            if let existing = try ParticipationStore.find(school: school.id, schoolYear: campaign.year, in: db) {
                throw RPCError(
                    .alreadyExists,
                    "\(school.id) already takes part in campaign \(existing.campaignID) for the school year \(campaign.year)-\(campaign.year + 1) (\(existing.id)); a school takes part in one two-goods campaign a year",
                    field: "school_unit_id",
                    rule: "two_goods.one_campaign_per_year"
                )
            }
            let record = try ParticipationStore.insert(campaign: campaign, schoolUnitID: school.id, enrolledOn: enrolledOn, in: db)
            let message = record.message(windows: campaign.rounds, schoolName: school.name)
            return Mutation.change(message, id: record.id, unitID: school.id)
        }
    }

    func getParticipation(_ request: GetParticipationRequest, _ context: CallContext) async throws -> SchoolParticipation {
        try await self.core.read(context) { db, principal in
            try self.participation(request.id, field: "id", within: principal, changing: false, in: db).message
        }
    }

    func listParticipations(_ request: ListParticipationsRequest, _ context: CallContext) async throws -> ListParticipationsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        return try await self.core.read(context) { db, principal in
            let campaign = try self.campaign(request.campaignID, field: "campaign_id", within: principal, in: db)
            let units = try self.subtree(request.unitID, field: "unit_id", within: principal, in: db)
            let names = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
            let rows = try ParticipationStore.list(campaignID: campaign.id, schoolIDs: units.map(\.id), page: page, in: db)
            let (records, next) = page.finish(rows) { $0.row }
            return .with {
                $0.participations = records.map { $0.message(windows: campaign.rounds, schoolName: names[$0.schoolUnitID] ?? "") }
                $0.nextPageToken = next
            }
        }
    }

    func recordSchoolResult(_ request: RecordSchoolResultRequest, _ context: CallContext) async throws -> SchoolParticipation {
        guard request.hasResult else {
            throw RPCError(.invalidArgument, "result must be set", field: "result", rule: "field.required")
        }
        let result = try SchoolResultRules.check(request.result, field: "result")
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 500) ?? ""
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let loaded = try self.participation(request.participationID, field: "participation_id", within: principal, changing: true, in: db)
            try loaded.campaign.requireRunning(field: "participation_id")
            let round = Int(request.round)
            _ = try loaded.lifecycle.applying(.recordResult(round: round), today: today)
            try ParticipationStore.saveResult(result, round: round, of: loaded.record, in: db)
            let after = try ParticipationStore.fetch(loaded.record.row, in: db)!
            let message = after.message(windows: loaded.campaign.rounds, schoolName: loaded.school.name)
            return Mutation.change(message, id: after.id, unitID: loaded.school.id, old: loaded.message, reason: reason)
        }
    }

    func reviewSchoolRound(_ request: ReviewSchoolRoundRequest, _ context: CallContext) async throws -> SchoolParticipation {
        let kind = try Fields.known(request.kind, among: [.interimReview, .finalReview], field: "kind")
        let heldOn = try CalendarDate.parse(request.heldOn, field: "held_on")
        let summary = try Fields.text(request.summary, field: "summary", maxLength: 2000)
        let today = self.today
        return try await self.core.mutate(context, request: request) { db, principal in
            let loaded = try self.participation(request.participationID, field: "participation_id", within: principal, changing: true, in: db)
            guard principal.scopeUnitID != loaded.school.id else {
                throw RPCError(
                    .permissionDenied,
                    "a school's reviews are held by a level above it; the key of \(loaded.school.id) cannot review its own school",
                    field: "participation_id",
                    rule: "two_goods.reviewer_above_school"
                )
            }
            try loaded.campaign.requireRunning(field: "participation_id")
            let round = Int(request.round)
            let event: SchoolYearLifecycle.Event = kind == .interimReview
                ? .interimReview(round: round, on: heldOn)
                : .finalReview(round: round, on: heldOn)
            let next = try loaded.lifecycle.applying(event, today: today)
            try ParticipationStore.saveReview(kind, round: next.round(round)!, summary: summary, of: loaded.record, in: db)
            if next.isYearReviewed {
                // The campaign's progress counts the schools whose year is reviewed.
                try self.core.addProgress(campaignID: loaded.campaign.id, unitID: loaded.school.id, delta: 1, in: db)
            }
            let after = try ParticipationStore.fetch(loaded.record.row, in: db)!
            let message = after.message(windows: loaded.campaign.rounds, schoolName: loaded.school.name)
            return Mutation.change(message, id: after.id, unitID: loaded.school.id, old: loaded.message, reason: summary)
        }
    }
}
