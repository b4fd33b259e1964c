import ThiduaModuleKit

/// `thidua.union_housing.v1.Requests`: a grassroots union records a member's request for housing
/// support; the levels above list the requests of their subtree.
struct RequestsService: RequestsHandlers, ModuleService {
    /// Request ids on the wire: "uhr17".
    static let request = EntityKind(prefix: "uhr")

    let context: ModuleContext

    func record(_ request: RecordHousingRequest, _ call: CallContext) async throws -> HousingRequest {
        // The request on its own first, with the kit's field rules; then, in one mutation, what
        // the data must allow. Whatever throws, nothing is stored.
        let need = try Fields.known(request.need, field: "need")
        let cost = try Self.amount(request.estimatedCostVnd, field: "estimated_cost_vnd")
        let requested = try Self.amount(request.requestedVnd, field: "requested_vnd")
        guard requested <= cost else {
            throw RPCError(
                .invalidArgument,
                "requested_vnd is \(requested) đồng, more than the estimated cost of \(cost) đồng",
                field: "requested_vnd",
                rule: "union_housing.requested_within_cost",
                values: ["requested": "\(requested)", "cost": "\(cost)"]
            )
        }
        let circumstances = try Fields.text(request.circumstances, field: "circumstances", maxLength: 1000)
        let core = self.core
        let today = self.today
        return try await core.mutate(call, request: request) { db, principal in
            let campaign = try core.campaign(
                request.campaignID, of: UnionHousingModule.moduleID, running: true, within: principal, field: "campaign_id", in: db
            )
            let member = try core.member(request.memberID, within: principal, field: "member_id", in: db)
            let unit = try core.unit(member.unitID, within: principal, field: "member_id", in: db)
            try core.requireInScope(unit, of: campaign, field: "member_id", in: db)
            guard member.isUnionMember else {
                throw RPCError(
                    .failedPrecondition,
                    "\(member.fullName) (\(member.id)) has not joined the union",
                    field: "member_id",
                    rule: "union_housing.union_member",
                    values: ["member": member.fullName]
                )
            }
            let earlier = try db.fetchValue(
                "SELECT id FROM union_housing_request WHERE campaign_id = \(campaign.id) AND member_id = \(member.id)",
                as: Int64.self
            )
            if let earlier {
                throw RPCError(
                    .alreadyExists,
                    "\(member.fullName) (\(member.id)) already has request \(Self.request.id(earlier)) in campaign \(campaign.id)",
                    field: "member_id",
                    rule: "union_housing.request_unique",
                    values: ["member": member.fullName]
                )
            }
            let row = try db.insert("""
                INSERT INTO union_housing_request
                    (campaign_id, unit_id, member_id, member_name, need, estimated_cost_vnd, requested_vnd, circumstances, recorded_on)
                VALUES (\(campaign.id), \(unit.id), \(member.id), \(member.fullName), \(need.rawValue), \(cost), \(requested), \(circumstances), \(today))
                RETURNING id
                """)
            let recorded = HousingRequest.with {
                $0.id = Self.request.id(row)
                $0.campaignID = campaign.id
                $0.unitID = unit.id
                $0.memberID = member.id
                $0.memberName = member.fullName
                $0.need = need
                $0.estimatedCostVnd = cost
                $0.requestedVnd = requested
                $0.circumstances = circumstances
                $0.recordedOn = today.description
            }
            return Mutation.change(recorded, id: recorded.id, unitID: unit.id)
        }
    }

    func list(_ request: ListHousingRequestsRequest, _ call: CallContext) async throws -> ListHousingRequestsResponse {
        let page = try PageCursor(size: request.pageSize, token: request.pageToken)
        let after = try page.afterRow()
        let core = self.core
        return try await core.read(call) { db, principal in
            let root = try core.unit(request.unitID.isEmpty ? principal.scopeUnitID : request.unitID, within: principal, field: "unit_id", in: db)
            let units = try core.units(under: root.id, in: db).map(\.id)
            let rows = try db.fetchAll(
                "SELECT * FROM union_housing_request WHERE id > \(after) AND unit_id IN \(list: units) ORDER BY id LIMIT \(page.fetchLimit)",
                as: RequestRow.self
            )
            let (served, next) = page.finish(rows) { $0.row }
            return .with {
                $0.requests = served.map(\.request)
                $0.nextPageToken = next
            }
        }
    }

    /// An amount of money in đồng: more than 0.
    private static func amount(_ value: Int64, field: String) throws(RPCError) -> Int64 {
        guard value > 0 else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(value); it must be more than 0 đồng",
                field: field,
                rule: "union_housing.amount_positive",
                values: ["field": field]
            )
        }
        return value
    }
}

/// One row of `union_housing_request`.
struct RequestRow: SQLRowDecodable {
    let row: Int64
    let request: HousingRequest

    init(row: SQLRow) throws {
        let id: Int64 = try row["id"]
        self.row = id
        self.request = try HousingRequest.with {
            $0.id = RequestsService.request.id(id)
            $0.campaignID = try row["campaign_id"]
            $0.unitID = try row["unit_id"]
            $0.memberID = try row["member_id"]
            $0.memberName = try row["member_name"]
            $0.need = HousingNeed(rawValue: try row["need"]) ?? .unspecified
            $0.estimatedCostVnd = try row["estimated_cost_vnd"]
            $0.requestedVnd = try row["requested_vnd"]
            $0.circumstances = try row["circumstances"]
            $0.recordedOn = try row["recorded_on"]
        }
    }
}
