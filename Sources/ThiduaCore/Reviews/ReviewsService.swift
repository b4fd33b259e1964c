import SwiftProtobuf
import ThiduaModuleKit

/// `thidua.core.v1.Reviews`: the review workflow over the wire, for registrations and for every
/// module's submissions.
struct ReviewsService: RegistrableService {
    let core: CorePipeline

    static let registrationSubject = Registration.protoMessageName

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Reviews") { service in
            service.unary(Methods.Core.Reviews.submitReview, permission: Permissions.reviewsSubmit, self.submitReview)
            service.unary(Methods.Core.Reviews.getReview, permission: Permissions.reviewsRead, self.getReview)
            service.unary(Methods.Core.Reviews.listReviews, permission: Permissions.reviewsRead, self.listReviews)
            service.unary(Methods.Core.Reviews.approveReview, permission: Permissions.reviewsDecide, self.approveReview)
            service.unary(Methods.Core.Reviews.rejectReview, permission: Permissions.reviewsDecide, self.rejectReview)
            service.unary(Methods.Core.Reviews.resubmitReview, permission: Permissions.reviewsSubmit, self.resubmitReview)
            service.unary(Methods.Core.Reviews.publishReview, permission: Permissions.reviewsDecide, self.publishReview)
            service.unary(Methods.Core.Reviews.correctReview, permission: Permissions.reviewsDecide, self.correctReview)
        }
    }

    private var now: Int64 { self.core.clock().unixMilliseconds }

    func submitReview(_ request: SubmitReviewRequest, _ context: CallContext) async throws -> Review {
        let registrationRow = try EntityID.row(request.registrationID, prefix: "g", field: "registration_id")
        let summary = try Fields.optionalText(request.summary, field: "summary", maxLength: 2000) ?? ""
        let now = self.now
        return try await self.core.mutate(context, request: request) { db, principal in
            guard let registration = try RegistrationRecord.fetch(registrationRow, in: db) else {
                throw RPCError(.notFound, "registration \(request.registrationID) does not exist", field: "registration_id", rule: "registration.exists")
            }
            let unit = try Scope.unit(EntityID.unit(registration.unitRow), field: "registration_id", within: principal, in: db)
            let decider = request.deciderUnitID.isEmpty ? nil : try UnitRecord.require(request.deciderUnitID, field: "decider_unit_id", in: db)
            let review = try ReviewStore.submit(
                subjectType: Self.registrationSubject, subjectID: registration.id, campaign: registration.campaignRow,
                unit: unit, decider: decider, summary: summary, principal: principal, at: now, in: db
            )
            return try self.mutation(review, old: nil, reason: "", by: principal, in: db)
        }
    }

    func getReview(_ request: GetReviewRequest, _ context: CallContext) async throws -> Review {
        try await self.core.read(context) { db, principal in
            try ReviewStore.message(try ReviewStore.require(request.id, field: "id", within: principal, in: db), in: db)
        }
    }

    func listReviews(_ request: ListReviewsRequest, _ context: CallContext) async throws -> ListReviewsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        let after = page.after.flatMap { Int64($0) } ?? 0
        let state = request.state == .unspecified ? 0 : try Fields.known(request.state, field: "state").rawValue
        let campaign = try request.campaignID.isEmpty ? 0 : EntityID.row(request.campaignID, prefix: "p", field: "campaign_id")
        return try await self.core.read(context) { db, principal in
            let root = try Scope.root(request.unitID, field: "unit_id", within: principal, in: db)
            let waiting = request.waitingForUnitID.isEmpty
                ? nil : try Scope.unit(request.waitingForUnitID, field: "waiting_for_unit_id", within: principal, in: db)
            // The level a review waits for is derived from its row, so it is filtered here, reading
            // rows in order only until the page (and one more) is full.
            var rows: [ReviewRecord] = []
            try db.scan("""
                    SELECT r.* FROM core_review r JOIN core_unit u ON u.id = r.unit_id
                    WHERE u.path LIKE \(root.path) || '%' AND (\(state) = 0 OR r.state = \(state)) AND (\(campaign) = 0 OR r.campaign_id = \(campaign)) AND r.id > \(after)
                    ORDER BY r.id
                    """) { row in
                let review = try ReviewRecord(row: row)
                if waiting == nil || review.waitingFor == waiting!.row { rows.append(review) }
                return rows.count < page.fetchLimit
            }
            let (reviews, next) = page.finish(rows) { "\($0.row)" }
            return try .with {
                $0.reviews = try reviews.map { try ReviewStore.message($0, in: db) }
                $0.nextPageToken = next
            }
        }
    }

    func approveReview(_ request: ApproveReviewRequest, _ context: CallContext) async throws -> Review {
        let note = try Fields.optionalText(request.note, field: "note", maxLength: 2000) ?? ""
        return try await self.act(on: request.id, request: request, context, reason: note) { review in
            (.approve, try review.waitingFor.unwrapOrRefuse(review))
        }
    }

    func rejectReview(_ request: RejectReviewRequest, _ context: CallContext) async throws -> Review {
        let reason = try Fields.optionalText(request.reason, field: "reason", maxLength: 2000) ?? ""
        guard !reason.isEmpty else {
            throw RPCError(.invalidArgument, "a rejection needs a reason", field: "reason", rule: "review.reason_required")
        }
        return try await self.act(on: request.id, request: request, context, reason: reason) { review in
            (.reject(reason: reason), try review.waitingFor.unwrapOrRefuse(review))
        }
    }

    func resubmitReview(_ request: ResubmitReviewRequest, _ context: CallContext) async throws -> Review {
        let summary = try Fields.optionalText(request.summary, field: "summary", maxLength: 2000)
        return try await self.act(on: request.id, request: request, context, reason: "", newSummary: summary) { review in
            (.resubmit, review.unitRow)
        }
    }

    func publishReview(_ request: PublishReviewRequest, _ context: CallContext) async throws -> Review {
        try await self.act(on: request.id, request: request, context, reason: "") { review in
            (.publish, review.deciderRow)
        }
    }

    /// Runs one move: the acting unit (chosen from the review) must be inside the key's subtree.
    private func act<Request: SwiftProtobuf.Message>(
        on id: String, request: Request, _ context: CallContext, reason: String, newSummary: String? = nil,
        _ choose: @escaping @Sendable (ReviewRecord) throws -> (ReviewLifecycle.Action, Int64)
    ) async throws -> Review {
        let now = self.now
        return try await self.core.mutate(context, request: request) { db, principal in
            let before = try ReviewStore.require(id, field: "id", within: principal, in: db)
            let old = try ReviewStore.message(before, in: db)
            let (action, actor) = try choose(before)
            try Scope.require(try UnitRecord.fetch(actor, in: db)!, within: principal, in: db, field: "id")
            if let newSummary {
                try db.execute("UPDATE core_review SET summary = \(newSummary) WHERE id = \(before.row)")
            }
            let after = try ReviewStore.move(before, action, actor: actor, principal: principal, at: now, in: db)
            return try self.mutation(after, old: old, reason: reason, by: principal, in: db)
        }
    }

    func correctReview(_ request: CorrectReviewRequest, _ context: CallContext) async throws -> Review {
        let reason = try Fields.text(request.reason, field: "reason", maxLength: 2000)
        let summary = try Fields.optionalText(request.summary, field: "summary", maxLength: 2000)
        let now = self.now
        return try await self.core.mutate(context, request: request) { db, principal in
            let published = try ReviewStore.require(request.id, field: "id", within: principal, in: db)
            try Scope.require(try UnitRecord.fetch(published.deciderRow, in: db)!, within: principal, in: db, field: "id")
            guard published.lifecycle.state == .published else {
                throw RPCError(
                    .failedPrecondition,
                    "review \(published.id) is \(published.lifecycle.state); only a published review is corrected, others are rejected and resubmitted",
                    field: "id",
                    rule: "review.transition"
                )
            }
            if let correctedBy = published.correctedByRow {
                throw RPCError(
                    .failedPrecondition,
                    "review \(published.id) is already corrected by \(EntityID.review(correctedBy)); correct that one",
                    field: "id",
                    rule: "review.already_corrected"
                )
            }
            let correction = try ReviewStore.submit(
                subjectType: published.subjectType, subjectID: published.subjectID, campaign: published.campaignRow,
                unit: try UnitRecord.fetch(published.unitRow, in: db)!, decider: try UnitRecord.fetch(published.deciderRow, in: db)!,
                summary: summary ?? published.summary, corrects: published.row, principal: principal, at: now, in: db
            )
            // The published result stays as it was; only the forward link to its correction is added.
            try db.execute("UPDATE core_review SET corrected_by_review_id = \(correction.row) WHERE id = \(published.row)")
            return try self.mutation(correction, old: nil, reason: reason, by: principal, in: db)
        }
    }

    /// Tells the subject's module, then describes the move for the audit and the feed.
    private func mutation(_ review: ReviewRecord, old: Review?, reason: String, by principal: Principal, in db: Database) throws -> Mutation<Review> {
        try self.core.reviewObservers.moved(
            review.reference(reason: try ReviewStore.lastReason(of: review, in: db), byKeyID: principal.keyID), in: db
        )
        let message = try ReviewStore.message(review, in: db)
        return Mutation(
            response: message,
            audit: .of(message, id: message.id, unitID: message.unitID, old: old, reason: reason),
            changes: [.of(message, id: message.id, unitID: message.unitID, old == nil ? .created : .updated)]
        )
    }
}

extension Optional where Wrapped == Int64 {
    /// The level a review waits for, or the refusal of acting on a review that waits for none.
    fileprivate func unwrapOrRefuse(_ review: ReviewRecord) throws(RPCError) -> Int64 {
        guard let self else {
            let rule = review.lifecycle.state == .published ? "review.published_immutable" : "review.transition"
            throw RPCError(.failedPrecondition, "review \(review.id) is \(review.lifecycle.state) and waits for no level", field: "id", rule: rule)
        }
        return self
    }
}
