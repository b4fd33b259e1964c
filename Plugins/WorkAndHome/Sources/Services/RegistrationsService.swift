import SwiftProtobuf
import ThiduaModuleKit

/// `thidua.work_and_home.v1.Registrations`: a member's yearly registration, her self-assessment,
/// and her proposal into the core's review workflow.
struct RegistrationsService: RegistrationsHandlers, ModuleService {
    let context: ModuleContext

    func registerMember(_ request: RegisterWorkAndHomeRequest, _ call: CallContext) async throws -> WorkAndHomeRegistration {
        let today = self.today
        let registeredOn = try Fields.date(request.registeredOn, field: "registered_on", default: today)
        try Fields.notAfterToday(registeredOn, field: "registered_on", today: today)
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let campaign = try core.campaign(
                request.campaignID, of: WorkAndHomeModule.moduleID, running: true, period: .calendarYear,
                within: principal, field: "campaign_id", in: db
            )
            let member = try core.member(request.memberID, within: principal, field: "member_id", in: db)
            let unit = try core.unit(member.unitID, within: principal, field: "member_id", in: db)
            try Eligibility.check(member, of: unit)
            try core.requireInScope(unit, of: campaign, field: "member_id", in: db)
            try campaign.requireNotEnded(on: registeredOn, field: "registered_on")
            if let existing = try RegistrationStore.find(memberID: member.id, year: campaign.year, in: db) {
                throw RPCError(
                    .alreadyExists,
                    "\(member.id) is already registered for \(campaign.year) (\(existing.id))",
                    field: "member_id",
                    rule: "work_and_home.registration_unique",
                    values: ["year": "\(campaign.year)"]
                )
            }
            let criteria = try CriteriaStore.inForce(on: campaign.startsOn, field: "campaign_id", in: db)
            let record = try RegistrationStore.insert(
                campaignID: campaign.id, member: member, year: campaign.year, criteriaVersion: criteria.version, registeredOn: registeredOn, in: db
            )
            let registration = try RegistrationStore.message(of: record, in: db)
            return Mutation.change(registration, id: registration.id, unitID: unit.id)
        }
    }

    func getRegistration(_ request: GetWorkAndHomeRegistrationRequest, _ call: CallContext) async throws -> WorkAndHomeRegistration {
        let core = self.core
        return try await core.read(call) { db, principal in
            let record = try RegistrationStore.require(request.id, field: "id", in: db)
            _ = try core.unit(record.unitID, within: principal, field: "id", in: db)
            return try RegistrationStore.message(of: record, in: db)
        }
    }

    func listRegistrations(
        _ request: ListWorkAndHomeRegistrationsRequest, _ call: CallContext
    ) async throws -> ListWorkAndHomeRegistrationsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let after = try page.afterRow()
        let state = try request.state == .unspecified ? nil : Fields.known(request.state, field: "state")
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let units = try core.units(under: root.id, in: db).map(\.id)
            var query: SQLQuery = "SELECT * FROM work_and_home_registration WHERE id > \(after) AND unit_id IN \(list: units)"
            if request.year != 0 { query.append(" AND year = \(request.year)") }
            if let state { query.append(" AND state = \(state.rawValue)") }
            query.append(" ORDER BY id LIMIT \(page.fetchLimit)")
            let (served, next) = page.finish(try db.fetchAll(query, as: RegistrationRecord.self)) { $0.row }
            return try .with {
                $0.registrations = try RegistrationStore.messages(of: served, in: db)
                $0.nextPageToken = next
            }
        }
    }

    func selfAssess(_ request: SelfAssessWorkAndHomeRequest, _ call: CallContext) async throws -> WorkAndHomeRegistration {
        let today = self.today
        return try await self.step(call, request: request, id: request.id) { before, _, db, _ in
            let (next, _) = try before.lifecycle.applying(.selfAssess)
            let criteria = try CriteriaStore.criteria(of: before.criteriaVersion, in: db).map(\.code)
            let assessments = try SelfAssessment.validated(request.assessments, criteria: criteria)
            try RegistrationStore.assess(before, assessments, to: next.state, on: today, in: db)
        }
    }

    /// Submits her registration to the core's review, decided by the launching unit, or sends a
    /// returned one in again. The module's ``ReviewFollower`` hears the move and makes it.
    func propose(_ request: ProposeWorkAndHomeRequest, _ call: CallContext) async throws -> WorkAndHomeRegistration {
        let summary = try Fields.note(request.summary, field: "summary")
        let core = self.core
        return try await self.step(call, request: request, id: request.id, reason: summary) { before, campaign, db, principal in
            let resubmission = before.state == .returned
            _ = try before.lifecycle.applying(.propose(resubmission: resubmission, unmet: RegistrationStore.unmetCriteria(of: before, in: db)))
            if resubmission, let reviewID = before.reviewID {
                _ = try core.resubmitReview(reviewID, summary: summary.isEmpty ? nil : summary, by: principal, in: db)
            } else {
                _ = try core.submitReview(
                    ReviewSubmission(
                        subjectType: ReviewFollower.subjectType,
                        subjectID: before.id,
                        campaignID: before.campaignID,
                        unitID: before.unitID,
                        deciderUnitID: campaign.launchingUnitID == before.unitID ? nil : campaign.launchingUnitID,
                        summary: summary.isEmpty ? "\(before.memberName) — \"Giỏi việc nước, đảm việc nhà\" \(before.year)" : summary
                    ),
                    by: principal,
                    in: db
                )
            }
        }
    }

    /// One change to a registration through the core's pipeline: loads it, checks that the
    /// caller's key reaches her unit and that the campaign runs; `body` makes the change; the old
    /// and new registration go to the audit and the feed.
    private func step<Request: SwiftProtobuf.Message>(
        _ call: CallContext,
        request: Request,
        id: String,
        reason: String = "",
        _ body: @escaping @Sendable (RegistrationRecord, CampaignReference, Database, Principal) throws -> Void
    ) async throws -> WorkAndHomeRegistration {
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let before = try RegistrationStore.require(id, field: "id", in: db)
            _ = try core.unit(before.unitID, within: principal, field: "id", in: db)
            let campaign = try core.campaign(before.campaignID, within: principal, field: "id", in: db)
            try campaign.requireRunning(field: "id")
            let old = try RegistrationStore.message(of: before, in: db)
            try body(before, campaign, db, principal)
            let new = try RegistrationStore.message(of: RegistrationStore.require(id, field: "id", in: db), in: db)
            return Mutation.change(new, id: new.id, unitID: new.unitID, old: old, reason: reason)
        }
    }
}
