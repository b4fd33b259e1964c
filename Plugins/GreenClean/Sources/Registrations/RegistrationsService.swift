import SwiftProtobuf
import ThiduaModuleKit

/// `thidua.green_clean.v1.Registrations`: a unit's yearly registration, from registering to
/// recognition. The order of steps is `RegistrationLifecycle`'s; this service loads, checks scope
/// and stores.
struct RegistrationsService: RegistrationsHandlers, ModuleService {
    let context: ModuleContext
    let settings: GreenCleanSettings

    // MARK: Registering and reading

    func registerUnit(_ request: GreenCleanRegisterRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let today = self.today
        let registeredOn = try request.registeredOn.isEmpty
            ? today : Fields.pastDate(request.registeredOn, field: "registered_on", today: today)
        let core = self.core
        return try await core.mutate(context, request: request) { db, principal in
            let campaign = try core.campaign(
                request.campaignID, of: GreenCleanModule.moduleID, running: true, period: .calendarYear,
                within: principal, field: "campaign_id", in: db
            )
            let unit = try core.unit(request.unitID, within: principal, field: "unit_id", in: db)
            guard unit.isLive else {
                throw RPCError(.failedPrecondition, "unit \(unit.id) was dissolved", field: "unit_id", rule: "green_clean.unit_live")
            }
            try core.requireInScope(unit, of: campaign, field: "unit_id", in: db)
            // The launching unit appraises the others, so it does not register itself.
            guard unit.id != campaign.launchingUnitID else {
                throw RPCError(
                    .failedPrecondition,
                    "unit \(unit.id) launched campaign \(campaign.id) and appraises its registrations; it does not register itself",
                    field: "unit_id",
                    rule: "green_clean.launcher_appraises"
                )
            }
            try campaign.requireNotEnded(on: registeredOn, field: "registered_on")
            if let existing = try RegistrationStore.find(unitID: unit.id, year: campaign.year, in: db) {
                throw RPCError(
                    .alreadyExists,
                    "unit \(unit.id) is already registered for \(campaign.year) (\(existing.id))",
                    field: "unit_id",
                    rule: "green_clean.registration_unique"
                )
            }
            guard let sheet = try SheetStore.inForce(on: campaign.startsOn, in: db) else {
                throw RPCError(
                    .failedPrecondition,
                    "no criteria sheet is in force on \(campaign.startsOn), the first day of campaign \(campaign.id)",
                    field: "campaign_id",
                    rule: "green_clean.sheet_in_force"
                )
            }
            let record = try RegistrationStore.insert(
                campaignID: campaign.id, unitID: unit.id, year: campaign.year, appraisingUnitID: campaign.launchingUnitID,
                sheetVersion: sheet.version, registeredOn: registeredOn, in: db
            )
            let message = try record.message(in: db)
            return Mutation.change(message, id: record.id, unitID: unit.id)
        }
    }

    func getRegistration(_ request: GetGreenCleanRegistrationRequest, _ context: CallContext) async throws -> GreenCleanRegistration {
        let core = self.core
        return try await core.read(context) { db, principal in
            let record = try RegistrationStore.require(request.id, field: "id", in: db)
            _ = try core.unit(record.unitID, within: principal, field: "id", in: db)
            return try record.message(in: db)
        }
    }

    func listRegistrations(
        _ request: ListGreenCleanRegistrationsRequest, _ context: CallContext
    ) async throws -> ListGreenCleanRegistrationsResponse {
        let cursor = try PageCursor(size: request.pageSize, token: request.pageToken)
        let state = try request.state == .unspecified
            ? nil : RegistrationLifecycle.State(rawValue: Fields.known(request.state, field: "state").rawValue)
        let core = self.core
        return try await core.read(context) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            if !request.campaignID.isEmpty {
                _ = try core.campaign(request.campaignID, within: principal, field: "campaign_id", in: db)
            }
            let rows = try RegistrationStore.list(
                unitIDs: core.units(under: root.id, in: db).map(\.id),
                campaignID: request.campaignID.isEmpty ? nil : request.campaignID,
                year: request.year == 0 ? nil : Int(request.year),
                state: state,
                cursor: cursor,
                in: db
            )
            let (page, next) = cursor.finish(rows) { $0.row }
            return try ListGreenCleanRegistrationsResponse.with {
                $0.registrations = try page.map { try $0.message(in: db) }
                $0.nextPageToken = next
            }
        }
    }

    // MARK: The one path of every step

    /// Who acts on a registration: the registered unit, or the unit that appraises it.
    enum Actor {
        case registeredUnit, appraisingUnit
    }

    /// Runs one step of a registration through the core's pipeline: loads it, checks that the
    /// caller's key reaches the acting unit and, unless told otherwise, that the campaign still
    /// runs; then `body` makes the change, and the old and new registration go to the audit.
    func step<Request: SwiftProtobuf.Message>(
        _ context: CallContext,
        request: Request,
        id: String,
        by actor: Actor,
        reason: String,
        whileCampaignRuns: Bool = true,
        _ body: @escaping @Sendable (RegistrationRecord, Database, Principal) throws -> RegistrationRecord
    ) async throws -> GreenCleanRegistration {
        let core = self.core
        return try await core.mutate(context, request: request) { db, principal in
            let before = try RegistrationStore.require(id, field: "id", in: db)
            switch actor {
            case .registeredUnit: _ = try core.unit(before.unitID, within: principal, field: "id", in: db)
            case .appraisingUnit: _ = try core.unit(before.appraisingUnitID, within: principal, field: "id", in: db)
            }
            if whileCampaignRuns {
                try core.campaign(before.campaignID, within: principal, field: "id", in: db).requireRunning(field: "id")
            }
            let old = try before.message(in: db)
            let after = try body(before, db, principal)
            let new = try after.message(in: db)
            return Mutation.change(new, id: after.id, unitID: after.unitID, old: old, reason: reason)
        }
    }
}
