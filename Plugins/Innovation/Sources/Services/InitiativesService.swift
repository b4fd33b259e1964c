import Foundation
import InnovationAPI
import ThiduaModuleKit

/// `thidua.innovation.v1.Initiatives`: the units' registers and the recognition workflow.
struct InitiativesService: InitiativesHandlers {
    let core: any CoreAccess
    let clock: @Sendable () -> Date

    var rules: RegisterRules { RegisterRules(core: self.core) }
    var follower: ReviewFollower { ReviewFollower(core: self.core, clock: self.clock) }
    var today: CalendarDate { CalendarDate(self.clock()) }
    var now: Int64 { Int64(self.clock().timeIntervalSince1970 * 1000) }

    /// A decided register comes whole, in one request of the bulk size.
    func limits(of method: String) -> RequestLimits {
        method == "ImportDecidedRegister" ? .bulk : .standard
    }

    func fileInitiative(_ request: FileInitiativeRequest, _ context: CallContext) async throws -> Initiative {
        let (today, now) = (self.today, self.now)
        let content = try InitiativeContent.validated(
            title: request.title, summary: request.summary, kind: request.kind, authors: request.authors,
            application: request.application, firstAppliedOn: request.firstAppliedOn, benefitVND: request.benefitVnd,
            benefitNote: request.benefitNote, today: today
        )
        return try await self.core.mutate(context, request: request) { db, principal in
            let unit = try self.rules.liveUnit(request.unitID, principal: principal, field: "unit_id", in: db)
            let campaign = try self.rules.openCampaign(request.campaignID, for: unit, principal: principal, in: db)
            let authors = try self.rules.authors(content.authors, of: unit, principal: principal, in: db)
            try InitiativeStore.requireNovel(content, unitID: unit.id, field: "title", in: db)
            let transition = try InitiativeLifecycle.apply(.file, to: InitiativeLifecycle.new)
            try CampaignWindowStore.save(campaign, in: db)
            let record = try InitiativeStore.insert(
                campaignID: campaign.id, unitID: unit.id, content: content, authors: authors,
                state: transition.state, filedOn: today, in: db
            )
            let step = try InitiativeStore.appendStep(
                to: record.row, action: transition.action, state: transition.state, at: now, keyID: principal.keyID, in: db
            )
            // Built from what was just written rather than read back.
            let message = record.message(authors: authors, history: [step])
            return Mutation.change(message, id: message.id, unitID: unit.id)
        }
    }

    func getInitiative(_ request: GetInitiativeRequest, _ context: CallContext) async throws -> Initiative {
        try await self.core.read(context) { db, principal in
            let record = try self.rules.visibleInitiative(request.id, principal: principal, in: db)
            return try InitiativeStore.message(of: record, in: db)
        }
    }

    func listInitiatives(_ request: ListInitiativesRequest, _ context: CallContext) async throws -> ListInitiativesResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        if request.state != .unspecified {
            _ = try Fields.known(request.state, field: "state")
        }
        return try await self.core.read(context) { db, principal in
            let unit = try self.core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            if !request.campaignID.isEmpty {
                _ = try self.core.campaign(request.campaignID, within: principal, field: "campaign_id", in: db)
            }
            let units = request.includeSubtree ? try self.core.units(under: unit.id, in: db).map(\.id) : [unit.id]
            let records = try db.fetchAll(
                """
                SELECT * FROM innovation_initiative
                WHERE unit_id IN \(list: units)
                  AND (\(request.campaignID) = '' OR campaign_id = \(request.campaignID))
                  AND (\(request.state.rawValue) = 0 OR state = \(request.state.rawValue))
                  AND id > \(try page.afterRow())
                ORDER BY id LIMIT \(page.fetchLimit)
                """,
                as: InitiativeRecord.self
            )
            let (served, next) = page.finish(records) { $0.row }
            let messages = try InitiativeStore.messages(of: served, withHistory: request.includeHistory, in: db)
            return .with {
                $0.initiatives = messages
                $0.nextPageToken = next
            }
        }
    }

    func listAuthorInitiatives(_ request: ListAuthorInitiativesRequest, _ context: CallContext) async throws -> ListInitiativesResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        return try await self.core.read(context) { db, principal in
            let member = try self.core.member(request.memberID, within: principal, field: "member_id", in: db)
            let before = page.after == nil ? Int64.max : try page.afterRow()
            let records = try db.fetchAll(
                """
                SELECT i.* FROM innovation_initiative i JOIN innovation_author a ON a.initiative_id = i.id
                WHERE a.member_id = \(member.id) AND i.id < \(before) ORDER BY i.id DESC LIMIT \(page.fetchLimit)
                """,
                as: InitiativeRecord.self
            )
            let (window, next) = page.finish(records) { $0.row }
            // An initiative filed above the key's subtree stays out of sight, even for its author.
            let tree = self.rules.tree
            let visible = try window.filter { try tree.isVisible($0.unitID, to: principal, in: db) }
            let messages = try InitiativeStore.messages(of: visible, withHistory: true, in: db)
            return .with {
                $0.initiatives = messages
                $0.nextPageToken = next
            }
        }
    }
}
