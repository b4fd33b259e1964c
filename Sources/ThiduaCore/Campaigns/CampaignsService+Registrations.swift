import ThiduaModuleKit

extension CampaignsService {
    func registerForCampaign(_ request: RegisterForCampaignRequest, _ context: CallContext) async throws -> Registration {
        guard request.titles.count <= 20, Set(request.titles).count == request.titles.count else {
            throw RPCError(.invalidArgument, "titles must name at most 20 distinct award forms", field: "titles", rule: "registration.titles")
        }
        let today = CalendarDate(self.core.clock())
        return try await self.core.mutate(context, request: request) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            guard campaign.state == .launched || campaign.state == .inProgress else {
                throw RPCError(
                    .failedPrecondition,
                    "campaign \(campaign.id) is \(campaign.state); registration is open once launched and while in progress",
                    field: "campaign_id",
                    rule: "campaign.registration_open"
                )
            }
            let unit = try campaign.participant(request.unitID, field: "unit_id", within: principal, in: db)
            var memberRow: Int64?
            if !request.memberID.isEmpty {
                let member = try MemberStore.require(request.memberID, field: "member_id", in: db)
                guard member.unitRow == unit.row, member.leftOn == nil else {
                    throw RPCError(
                        .failedPrecondition,
                        "member \(member.id) is not a current member of unit \(unit.id)",
                        field: "member_id",
                        rule: "registration.member_of_unit"
                    )
                }
                memberRow = member.row
            }
            for (index, code) in request.titles.enumerated() {
                let form = try AwardStore.requireForm(code, field: "titles[\(index)]", in: db)
                try form.require(individual: memberRow != nil, field: "titles[\(index)]")
            }
            let taken = try db.fetchValue("""
                SELECT 1 FROM core_registration
                WHERE campaign_id = \(campaign.row) AND unit_id = \(unit.row) AND coalesce(member_id, 0) = \(memberRow ?? 0)
                """, as: Bool.self) ?? false
            guard !taken else {
                let who = memberRow == nil ? "unit \(unit.id)" : "member \(request.memberID)"
                throw RPCError(.alreadyExists, "\(who) has already registered for campaign \(campaign.id)", field: "unit_id", rule: "registration.once")
            }
            let registration = try db.insert("""
                    INSERT INTO core_registration (campaign_id, unit_id, member_id, titles, committed, registered_on)
                    VALUES (\(campaign.row), \(unit.row), \(memberRow), \(request.titles.joined(separator: ",")),
                        \(Int64(clamping: request.committed)), \(today.description))
                    RETURNING *
                    """, as: RegistrationRecord.self).message
            return Mutation(
                response: registration,
                audit: .of(registration, id: registration.id, unitID: unit.id),
                changes: [.of(registration, id: registration.id, unitID: unit.id, .created)]
            )
        }
    }

    func listRegistrations(_ request: ListRegistrationsRequest, _ context: CallContext) async throws -> ListRegistrationsResponse {
        let page = try PageCursor(size: request.page.pageSize, token: request.page.pageToken, in: "page")
        let after = page.after.flatMap { Int64($0) } ?? 0
        return try await self.core.read(context) { db, principal in
            let campaign = try CampaignRecord.require(request.campaignID, field: "campaign_id", within: principal, in: db)
            let root = try request.unitID.isEmpty
                ? campaign.defaultRoot(within: principal, in: db)
                : Scope.unit(request.unitID, field: "unit_id", within: principal, in: db)
            let rows = try db.fetchAll("""
                    SELECT r.* FROM core_registration r JOIN core_unit u ON u.id = r.unit_id
                    WHERE r.campaign_id = \(campaign.row) AND u.path LIKE \(root.path) || '%' AND r.id > \(after) ORDER BY r.id LIMIT \(page.fetchLimit)
                    """, as: RegistrationRecord.self)
            let (registrations, next) = page.finish(rows) { "\($0.row)" }
            return .with {
                $0.registrations = registrations.map(\.message)
                $0.nextPageToken = next
            }
        }
    }
}

/// A row of `core_registration`.
struct RegistrationRecord: Sendable, SQLRowDecodable {
    var row: Int64
    var campaignRow: Int64
    var unitRow: Int64
    var memberRow: Int64?
    var titles: [String]
    var committed: Int64
    var registeredOn: String

    var id: String { EntityID.registration(self.row) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.campaignRow = try row["campaign_id"]
        self.unitRow = try row["unit_id"]
        self.memberRow = try row["member_id"]
        self.titles = try (row["titles"] as String).split(separator: ",").map(String.init)
        self.committed = try row["committed"]
        self.registeredOn = try row["registered_on"]
    }

    static func fetch(_ row: Int64, in db: Database) throws -> RegistrationRecord? {
        try db.fetchOne("SELECT * FROM core_registration WHERE id = \(row)", as: Self.self)
    }

    var message: Registration {
        Registration.with {
            $0.id = self.id
            $0.campaignID = EntityID.campaign(self.campaignRow)
            $0.unitID = EntityID.unit(self.unitRow)
            $0.memberID = self.memberRow.map(EntityID.member) ?? ""
            $0.titles = self.titles
            $0.committed = UInt64(self.committed)
            $0.registeredOn = self.registeredOn
        }
    }
}
