import Foundation
import Innovation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// A running server with the core and the innovation module, a small organisation and a launched
/// campaign, and typed shortcuts for the tests. The clock stands still at 15 June 2022, 10:00 in
/// Vietnam, inside the school year 2021-2022 the campaign runs over.
struct InnovationFixture {
    let server: TestServer
    let admin: ThiduaClient
    let rootID: String
    /// LĐLĐ huyện, the level that decides.
    let districtID: String
    /// Two grassroots unions under the district, and a team inside the first.
    let schoolID: String
    let otherSchoolID: String
    let teamID: String
    /// Members of the first school (two), of its team (one) and of the other school (one).
    let teacherID: String
    let secondTeacherID: String
    let teamMemberID: String
    let otherTeacherID: String
    /// A launched campaign of module "innovation" over the district, school year 2021-2022.
    let campaignID: String

    static let today = "2022-06-15"
    static let now = Date(timeIntervalSince1970: 1_655_262_000)  // 2022-06-15 03:00 UTC

    static func start() async throws -> InnovationFixture {
        let server = try await TestServer.start(modules: [InnovationModule()], clock: { Self.now })
        let admin = try await server.connectAsAdmin()
        let me: ApiKeyInfo = try await admin.unary("thidua.core.v1.Keys/WhoAmI", WhoAmIRequest())
        let district = try await Self.createUnit("LĐLĐ huyện Triệu Sơn", under: me.unitID, kind: .districtFederation, using: admin)
        let school = try await Self.createUnit("Công đoàn Trường THCS Dân Lực", under: district, kind: .grassrootsUnion, using: admin)
        let other = try await Self.createUnit("Công đoàn Trường Tiểu học Kim Đồng", under: district, kind: .grassrootsUnion, using: admin)
        let team = try await Self.createUnit("Tổ công đoàn Toán", under: school, kind: .grassrootsUnion, using: admin)
        let campaign: Campaign = try await admin.unary("thidua.core.v1.Campaigns/CreateCampaign", CreateCampaignRequest.with {
            $0.module = "innovation"
            $0.title = "01 triệu sáng kiến"
            $0.launchingUnitID = district
            $0.periodKind = .schoolYear
            $0.year = 2021
            $0.metric = "initiatives"
        })
        let _: Campaign = try await admin.unary("thidua.core.v1.Campaigns/LaunchCampaign", LaunchCampaignRequest.with {
            $0.id = campaign.id
            $0.decisionNumber = "12/QĐ-LĐLĐ"
            $0.decisionDate = "2021-09-05"
        })
        return InnovationFixture(
            server: server, admin: admin, rootID: me.unitID, districtID: district, schoolID: school, otherSchoolID: other, teamID: team,
            teacherID: try await Self.addMember("Hoàng Thị Minh", to: school, using: admin),
            secondTeacherID: try await Self.addMember("Lê Văn Hùng", to: school, using: admin),
            teamMemberID: try await Self.addMember("Trần Thị Lan", to: team, using: admin),
            otherTeacherID: try await Self.addMember("Phạm Thu Hằng", to: other, using: admin),
            campaignID: campaign.id
        )
    }

    func stop() async throws {
        await self.admin.close()
        try await self.server.stop()
    }

    /// Runs `body` with a fresh fixture and always stops it.
    static func with(_ body: (InnovationFixture) async throws -> Void) async throws {
        let fixture = try await Self.start()
        do {
            try await body(fixture)
        } catch {
            try? await fixture.stop()
            throw error
        }
        try await fixture.stop()
    }

    static func createUnit(_ name: String, under parentID: String, kind: UnitKind, using client: ThiduaClient) async throws -> String {
        let unit: ThiduaCoreAPI.Unit = try await client.unary("thidua.core.v1.Units/CreateUnit", CreateUnitRequest.with {
            $0.parentID = parentID
            $0.name = name
            $0.kind = kind
            $0.sector = kind == .grassrootsUnion ? .school : .unspecified
            $0.validFrom = "2020-01-01"
        })
        return unit.id
    }

    static func addMember(_ name: String, to unitID: String, using client: ThiduaClient) async throws -> String {
        let member: Member = try await client.unary("thidua.core.v1.Members/AddMember", AddMemberRequest.with {
            $0.unitID = unitID
            $0.fullName = name
            $0.gender = .female
            $0.unionMember = true
            $0.joinedOn = "2015-05-01"
        })
        return member.id
    }

    // MARK: Calls

    func call<Output: SwiftProtobuf.Message>(
        _ method: String, _ request: some SwiftProtobuf.Message, using client: ThiduaClient? = nil, as _: Output.Type = Output.self
    ) async throws -> Output {
        try await (client ?? self.admin).unary(method, request)
    }

    /// A filing request that passes every rule: one author of the first school, applied in March.
    func filing(_ title: String = "Ứng dụng bảng tương tác trong dạy Toán", authors: [(String, UInt32)]? = nil) -> FileInitiativeRequest {
        FileInitiativeRequest.with {
            $0.campaignID = self.campaignID
            $0.unitID = self.schoolID
            $0.title = title
            $0.summary = "Bài giảng số hóa cho khối 8"
            $0.kind = .technical
            $0.authors = (authors ?? [(self.teacherID, 100)]).map { member, share in
                InitiativeAuthor.with {
                    $0.memberID = member
                    $0.sharePercent = share
                    $0.category = .directWorker
                }
            }
            $0.application = .applied
            $0.firstAppliedOn = "2022-03-01"
            $0.benefitVnd = 95_000_000
        }
    }

    @discardableResult
    func file(_ request: FileInitiativeRequest, using client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call("thidua.innovation.v1.Initiatives/FileInitiative", request, using: client)
    }

    func get(_ id: String, using client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call("thidua.innovation.v1.Initiatives/GetInitiative", GetInitiativeRequest.with { $0.id = id }, using: client)
    }

    func submit(_ id: String, using client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call("thidua.innovation.v1.Initiatives/SubmitInitiative", SubmitInitiativeRequest.with { $0.id = id }, using: client)
    }

    /// Approves the review at every level until it is decided.
    @discardableResult
    func approve(reviewID: String) async throws -> Review {
        try await self.call("thidua.core.v1.Reviews/ApproveReview", ApproveReviewRequest.with { $0.id = reviewID })
    }

    /// The core's progress of the campaign at `unitID`.
    func progress(of unitID: String) async throws -> UnitProgress {
        let response: GetProgressResponse = try await self.call("thidua.core.v1.Campaigns/GetProgress", GetProgressRequest.with {
            $0.campaignID = self.campaignID
            $0.unitID = unitID
        })
        return response.total
    }

    /// Mints a key and connects with it.
    func connect(scopedTo unitID: String, permissions: [String]) async throws -> ThiduaClient {
        let minted: MintKeyResponse = try await self.admin.unary("thidua.core.v1.Keys/MintKey", MintKeyRequest.with {
            $0.label = "test key"
            $0.unitID = unitID
            $0.permissions = permissions
        })
        return try await self.server.connect(apiKey: minted.apiKey)
    }

    // MARK: What is stored, over the wire

    /// Every initiative of every register, in filing order.
    func allInitiatives() async throws -> [Initiative] {
        var initiatives: [Initiative] = []
        var token = ""
        repeat {
            let page: ListInitiativesResponse = try await self.call("thidua.innovation.v1.Initiatives/ListInitiatives", ListInitiativesRequest.with {
                $0.unitID = self.rootID
                $0.includeSubtree = true
                $0.pageSize = 1000
                $0.pageToken = token
            })
            initiatives += page.initiatives
            token = page.nextPageToken
        } while !token.isEmpty
        return initiatives
    }

    /// Every record of the core's audit trail, oldest first.
    func auditRecords() async throws -> [AuditRecord] {
        var newestFirst: [AuditRecord] = []
        var token = ""
        repeat {
            let page: ListAuditRecordsResponse = try await self.call("thidua.core.v1.Audit/ListAuditRecords", ListAuditRecordsRequest.with {
                $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token }
            })
            newestFirst += page.records
            token = page.nextPageToken
        } while !token.isEmpty
        return newestFirst.reversed()
    }

    /// Every entry of the core's change feed, oldest first.
    func changes() async throws -> [Change] {
        var changes: [Change] = []
        var cursor: UInt64 = 0
        while true {
            let batch: ListChangesResponse = try await self.call("thidua.core.v1.Changes/ListChanges", ListChangesRequest.with {
                $0.afterCursor = cursor
                $0.limit = 1000
            })
            guard !batch.changes.isEmpty else { return changes }
            changes += batch.changes
            cursor = batch.nextCursor
        }
    }
}

/// Asserts that a call fails with `code` (and, if given, the rule and field of its first detail).
@discardableResult
func expectRefusal(
    _ code: StatusCode,
    rule: String? = nil,
    field: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ call: () async throws -> Void
) async -> RPCError? {
    do {
        try await call()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        if let rule {
            #expect(error.details.first?.rule == rule, "\(error)", sourceLocation: sourceLocation)
        }
        if let field {
            #expect(error.details.first?.field == field, "\(error)", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected \(code.name), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
