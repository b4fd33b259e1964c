import Testing
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting
import UnionHousing

/// The module over the wire, on a real server with the core and this module (ThiduaTesting's
/// `ModuleFixture`), whose clock is on 20 September 2024: LĐLĐ huyện Triệu Sơn launched "Mái ấm
/// Công đoàn" 2024 over its subtree, where the grassroots union of công ty TNHH Dream F Vina
/// records its members' requests; `outsider` is a grassroots union of another district.
@Suite struct UnionHousingTests {
    struct Organisation {
        let district, company, outsider, campaign: String
    }

    static func with(_ body: (ModuleFixture, Organisation) async throws -> Void) async throws {
        try await ModuleFixture.with(modules: [UnionHousingModule()], today: "2024-09-20") { f in
            let province = try await f.unit("LĐLĐ tỉnh Thanh Hóa", under: f.rootUnitID, .provincialFederation)
            let district = try await f.unit("LĐLĐ huyện Triệu Sơn", under: province, .districtFederation)
            let other = try await f.unit("LĐLĐ huyện Quan Hóa", under: province, .districtFederation)
            try await body(f, Organisation(
                district: district,
                company: try await f.unit("CĐCS Công ty TNHH Dream F Vina", under: district, .grassrootsUnion, .foreignInvestedEnterprise),
                outsider: try await f.unit("CĐCS Trường Tiểu học Trung Sơn", under: other, .grassrootsUnion, .school),
                campaign: try await f.campaign(module: UnionHousingModule.moduleID, launchedBy: district, year: 2024, title: "Mái ấm Công đoàn")
            ))
        }
    }

    /// A request as a union fills it in: repairs costing 120 million đồng, 50 million asked for.
    static func request(
        _ member: String, in campaign: String, need: HousingNeed = .repair, cost: Int64 = 120_000_000, requested: Int64 = 50_000_000
    ) -> RecordHousingRequest {
        .with {
            $0.campaignID = campaign
            $0.memberID = member
            $0.need = need
            $0.estimatedCostVnd = cost
            $0.requestedVnd = requested
            $0.circumstances = "Nhà cấp bốn bị tốc mái sau bão số 3; chồng ốm dài ngày"
        }
    }

    @Test func aGrassrootsUnionRecordsAMembersRequestAndTheLevelsAboveListIt() async throws {
        try await Self.with { f, org in
            let hoa = try await f.member("Lê Thị Hoa", of: org.company, .female)
            let nam = try await f.member("Trần Văn Nam", of: org.company, .male)
            let union = try await f.client(scopedTo: org.company, permissions: ["union_housing.record", "union_housing.read"])

            let first = try await f.call(Methods.UnionHousing.Requests.record, Self.request(hoa, in: org.campaign), as: union)
            #expect(first.id.hasPrefix("uhr") && first.campaignID == org.campaign && first.unitID == org.company)
            #expect(first.memberID == hoa && first.memberName == "Lê Thị Hoa" && first.need == .repair)
            #expect(first.estimatedCostVnd == 120_000_000 && first.requestedVnd == 50_000_000 && first.recordedOn == "2024-09-20")
            let second = try await f.call(
                Methods.UnionHousing.Requests.record, Self.request(nam, in: org.campaign, need: .build, cost: 400_000_000, requested: 60_000_000), as: union
            )

            // The district sees its subtree's requests, oldest first, a page at a time; the union
            // its own, from the root of its key.
            let page = try await f.call(Methods.UnionHousing.Requests.list, .with { $0.unitID = org.district; $0.pageSize = 1 })
            #expect(page.requests == [first] && !page.nextPageToken.isEmpty)
            let next = try await f.call(Methods.UnionHousing.Requests.list, .with { $0.unitID = org.district; $0.pageToken = page.nextPageToken })
            #expect(next.requests == [second] && next.nextPageToken.isEmpty)
            #expect(try await f.call(Methods.UnionHousing.Requests.list, ListHousingRequestsRequest(), as: union).requests == [first, second])
            #expect(try await f.call(Methods.UnionHousing.Requests.list, .with { $0.unitID = org.outsider }).requests.isEmpty)

            // Each request is one audit record of the core's.
            let audit = try await f.call(Methods.Core.Audit.listAuditRecords, ListAuditRecordsRequest())
            #expect(audit.records.filter { $0.targetID == first.id }.map(\.method) == [Methods.UnionHousing.Requests.record.path])
        }
    }

    @Test func aRequestBreakingARuleIsRefusedAndChangesNothing() async throws {
        try await Self.with { f, org in
            let record = Methods.UnionHousing.Requests.record
            let hoa = try await f.member("Lê Thị Hoa", of: org.company, .female)
            _ = try await f.call(record, Self.request(hoa, in: org.campaign))
            let lan = try await f.member("Nguyễn Thị Lan", of: org.company, .female)
            let worker = try await f.member("Phạm Thị Thu", of: org.company, .female, unionMember: false)
            let outsider = try await f.member("Hà Thị Mai", of: org.outsider, .female)
            let general = try await f.campaign(module: "general", launchedBy: org.district, year: 2024)

            try await f.expectRefusal(.failedPrecondition, rule: "union_housing.union_member", field: "member_id") {
                _ = try await f.call(record, Self.request(worker, in: org.campaign))
            }
            try await f.expectRefusal(.alreadyExists, rule: "union_housing.request_unique", field: "member_id") {
                _ = try await f.call(record, Self.request(hoa, in: org.campaign))
            }
            try await f.expectRefusal(.invalidArgument, rule: "union_housing.requested_within_cost", field: "requested_vnd") {
                _ = try await f.call(record, Self.request(lan, in: org.campaign, cost: 40_000_000, requested: 50_000_000))
            }
            try await f.expectRefusal(.invalidArgument, rule: "union_housing.amount_positive", field: "estimated_cost_vnd") {
                _ = try await f.call(record, Self.request(lan, in: org.campaign, cost: 0))
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.enum", field: "need") {
                _ = try await f.call(record, Self.request(lan, in: org.campaign, need: .unspecified))
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "member_id") {
                _ = try await f.call(record, Self.request(outsider, in: org.campaign))
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                _ = try await f.call(record, Self.request(lan, in: general))
            }

            // A key reaches only its own subtree, and only with the permission.
            let reader = try await f.client(scopedTo: org.company, permissions: ["union_housing.read"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.call(record, Self.request(lan, in: org.campaign), as: reader)
            }
            let elsewhere = try await f.client(scopedTo: org.outsider, permissions: ["union_housing.read"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                _ = try await f.call(Methods.UnionHousing.Requests.list, .with { $0.unitID = org.company }, as: elsewhere)
            }

            // A client reading Vietnamese gets the module's rule catalogue's message.
            let vietnamese = try await f.client(scopedTo: org.company, permissions: ["union_housing.record"], acceptLanguage: "vi")
            try await f.expectRefusal(.invalidArgument, rule: "union_housing.requested_within_cost") {
                do {
                    _ = try await f.call(record, Self.request(lan, in: org.campaign, cost: 40_000_000, requested: 50_000_000), as: vietnamese)
                } catch let error as RPCError {
                    #expect(error.message == "Số tiền đề nghị hỗ trợ (50000000 đồng) vượt quá dự toán chi phí (40000000 đồng)")
                    throw error
                }
            }
        }
    }
}
