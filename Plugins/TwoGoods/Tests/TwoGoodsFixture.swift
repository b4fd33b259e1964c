import Foundation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import TwoGoods

/// A running server with the core and the two-goods module on a fixed day, an organisation
/// (province, district, schools), and typed shortcuts for the tests.
struct TwoGoodsFixture {
    /// The server's today: late in the 2021-2022 school year.
    static let today = "2022-06-30"

    let server: TestServer
    let admin: ThiduaClient
    let rootID: String
    let provinceID: String
    let districtID: String

    /// Runs `body` with a fresh server and always stops it.
    static func with(today: String = Self.today, dataDirectory: URL? = nil, _ body: (TwoGoodsFixture) async throws -> Void) async throws {
        let day = ISO8601DateFormatter().date(from: "\(today)T10:00:00+07:00")!
        let server = try await TestServer.start(modules: [TwoGoodsModule()], clock: { day }, dataDirectory: dataDirectory)
        do {
            let admin = try await server.connectAsAdmin()
            let me: ApiKeyInfo = try await admin.unary("thidua.core.v1.Keys/WhoAmI", WhoAmIRequest())
            let province = try await Self.createUnit(using: admin, "LĐLĐ tỉnh Thanh Hóa", under: me.unitID, kind: .provincialFederation)
            let district = try await Self.createUnit(using: admin, "LĐLĐ huyện Triệu Sơn", under: province.id, kind: .districtFederation)
            let fixture = TwoGoodsFixture(server: server, admin: admin, rootID: me.unitID, provinceID: province.id, districtID: district.id)
            do {
                try await body(fixture)
            } catch {
                await admin.close()
                throw error
            }
            await admin.close()
        } catch {
            try? await server.stop()
            throw error
        }
        try await server.stop()
    }

    // MARK: The core

    static func createUnit(
        using client: ThiduaClient, _ name: String, under parentID: String, kind: UnitKind = .grassrootsUnion,
        sector: Sector = .unspecified, fullyStateFunded: Bool = false
    ) async throws -> ThiduaCoreAPI.Unit {
        try await client.unary("thidua.core.v1.Units/CreateUnit", CreateUnitRequest.with {
            $0.parentID = parentID
            $0.name = name
            $0.kind = kind
            $0.sector = sector
            $0.validFrom = "2000-01-01"
            $0.fullyStateFunded = fullyStateFunded
        })
    }

    /// A school union under the district (or `parentID`).
    func school(_ name: String, under parentID: String? = nil, fullyStateFunded: Bool = false) async throws -> ThiduaCoreAPI.Unit {
        try await Self.createUnit(
            using: self.admin, "Công đoàn \(name)", under: parentID ?? self.districtID, sector: .school, fullyStateFunded: fullyStateFunded
        )
    }

    func unit(_ name: String, under parentID: String? = nil, kind: UnitKind = .grassrootsUnion, sector: Sector = .unspecified) async throws -> ThiduaCoreAPI.Unit {
        try await Self.createUnit(using: self.admin, name, under: parentID ?? self.districtID, kind: kind, sector: sector)
    }

    func teacher(_ name: String, of unitID: String) async throws -> Member {
        try await self.admin.unary("thidua.core.v1.Members/AddMember", AddMemberRequest.with {
            $0.unitID = unitID
            $0.fullName = name
            $0.gender = .female
            $0.role = "giáo viên"
            $0.unionMember = true
            $0.joinedOn = "2015-09-01"
        })
    }

    /// A campaign launched by `launcherID` (the district by default).
    func campaign(
        module: String = "two_goods", period: PeriodKind = .schoolYear, year: UInt32 = 2021, launchedBy launcherID: String? = nil,
        scope scopeID: String = "", launch: Bool = true
    ) async throws -> Campaign {
        let created: Campaign = try await self.admin.unary("thidua.core.v1.Campaigns/CreateCampaign", CreateCampaignRequest.with {
            $0.module = module
            $0.title = "Phong trào thi đua Hai tốt năm học \(year)-\(year + 1)"
            $0.launchingUnitID = launcherID ?? self.districtID
            $0.scopeUnitID = scopeID
            $0.periodKind = period
            $0.year = year
            $0.metric = "trường hoàn thành năm học"
        })
        guard launch else { return created }
        return try await self.admin.unary("thidua.core.v1.Campaigns/LaunchCampaign", LaunchCampaignRequest.with {
            $0.id = created.id
            $0.decisionNumber = "01/KH-LĐLĐ"
            $0.decisionDate = "\(year)-09-05"
        })
    }

    func advance(_ campaign: Campaign, to state: CampaignState) async throws {
        let _: Campaign = try await self.admin.unary("thidua.core.v1.Campaigns/AdvanceCampaign", AdvanceCampaignRequest.with {
            $0.id = campaign.id
            $0.to = state
        })
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

    // MARK: The module

    static func method(_ name: String) -> String { "thidua.two_goods.v1.TwoGoods/\(name)" }

    func call<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>(
        _ name: String, _ request: Request, using client: ThiduaClient? = nil, as _: Response.Type = Response.self
    ) async throws -> Response {
        try await (client ?? self.admin).unary(Self.method(name), request)
    }

    func enrol(_ schoolID: String, in campaign: Campaign, on date: String = "2021-09-15", using client: ThiduaClient? = nil) async throws -> SchoolParticipation {
        try await self.call("EnrolSchool", EnrolSchoolRequest.with {
            $0.campaignID = campaign.id
            $0.schoolUnitID = schoolID
            $0.enrolledOn = date
        }, using: client)
    }

    @discardableResult
    func recordResult(
        _ participationID: String, round: UInt32, _ classification: SchoolClassification = .outstanding,
        students: UInt32 = 400, passed: UInt32 = 392, excellent: UInt32 = 120, using client: ThiduaClient? = nil
    ) async throws -> SchoolParticipation {
        try await self.call("RecordSchoolResult", RecordSchoolResultRequest.with {
            $0.participationID = participationID
            $0.round = round
            $0.result = .with {
                $0.classification = classification
                $0.students = students
                $0.studentsPassed = passed
                $0.studentsExcellent = excellent
                $0.goodLessons = 30
            }
        }, using: client)
    }

    @discardableResult
    func review(
        _ participationID: String, round: UInt32, _ kind: RoundReviewKind, on date: String, using client: ThiduaClient? = nil
    ) async throws -> SchoolParticipation {
        try await self.call("ReviewSchoolRound", ReviewSchoolRoundRequest.with {
            $0.participationID = participationID
            $0.round = round
            $0.kind = kind
            $0.heldOn = date
            $0.summary = "Sơ kết, tổng kết phong trào Hai tốt"
        }, using: client)
    }

    /// Both rounds' results and reviews: the school's year is reviewed on 2022-05-28.
    @discardableResult
    func completeYear(_ participationID: String, _ classification: SchoolClassification = .outstanding) async throws -> SchoolParticipation {
        try await self.recordResult(participationID, round: 1, classification)
        try await self.review(participationID, round: 1, .interimReview, on: "2021-11-20")
        try await self.review(participationID, round: 1, .finalReview, on: "2022-01-20")
        try await self.recordResult(participationID, round: 2, classification)
        try await self.review(participationID, round: 2, .interimReview, on: "2022-03-26")
        return try await self.review(participationID, round: 2, .finalReview, on: "2022-05-28")
    }

    static func result(_ level: ContestLevel, on date: String = "2021-12-10") -> ExcellentTeacherResult {
        .with {
            $0.level = level
            $0.decidedOn = date
            $0.reference = "45/QĐ-PGDĐT"
        }
    }

    func recordTeacher(
        _ memberID: String, in participationID: String, levels: [ContestLevel] = [.schoolLevel],
        selfStudy: Double = 60, training: Double = 120, using client: ThiduaClient? = nil
    ) async throws -> TeacherRecord {
        try await self.call("RecordTeacher", RecordTeacherRequest.with {
            $0.participationID = participationID
            $0.memberID = memberID
            $0.excellentTeacherResults = levels.map { Self.result($0) }
            $0.initiatives = [.with { $0.title = "Đổi mới sáng tạo trong dạy và học"; $0.level = .schoolLevel; $0.reference = "12/QĐ-HT" }]
            $0.selfStudyHours = selfStudy
            $0.trainingHours = training
            $0.evidence = ["Chứng nhận bồi dưỡng thường xuyên 2021-2022"]
        }, using: client)
    }

    func commend(
        _ participationID: String, member memberID: String = "", issuer issuerID: String? = nil, on date: String = "2022-06-15",
        form: String = "", using client: ThiduaClient? = nil
    ) async throws -> TwoGoodsCommendation {
        try await self.call("GrantCommendation", GrantCommendationRequest.with {
            $0.participationID = participationID
            $0.memberID = memberID
            $0.formCode = form
            $0.issuingUnitID = issuerID ?? self.districtID
            $0.decisionNumber = "123/QĐ-LĐLĐ"
            $0.decisionDate = date
            $0.reason = "Thành tích xuất sắc năm học 2021-2022"
        }, using: client)
    }

    @discardableResult
    func setRuleSet(_ rules: TwoGoodsRuleSet, using client: ThiduaClient? = nil) async throws -> TwoGoodsRuleSet {
        try await self.call("SetRuleSet", rules, using: client)
    }

    func report(of unitID: String = "", year: UInt32 = 2021, using client: ThiduaClient? = nil) async throws -> TwoGoodsYearReport {
        try await self.call("GetYearReport", GetYearReportRequest.with {
            $0.unitID = unitID
            $0.schoolYear = year
        }, using: client)
    }

    // MARK: The core's records

    /// Every audit record the admin's key sees, newest first, from the core over the wire.
    func auditRecords() async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        var token = ""
        repeat {
            let page: ListAuditRecordsResponse = try await self.admin.unary(
                "thidua.core.v1.Audit/ListAuditRecords",
                ListAuditRecordsRequest.with { $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token } }
            )
            records += page.records
            token = page.nextPageToken
        } while !token.isEmpty
        return records
    }

    /// Runs a call that must be refused with `code` and `rule`, and checks that it changed no
    /// table of the core or any module.
    @discardableResult
    func expectRefusal(
        _ code: StatusCode, rule: String, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation,
        _ call: () async throws -> Void
    ) async throws -> RPCError? {
        let refused = try await self.server.refusal(call)
        if let error = refused.error {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.details.first?.rule == rule, "\(error)", sourceLocation: sourceLocation)
            if let field {
                #expect(error.details.first?.field == field, "\(error)", sourceLocation: sourceLocation)
            }
        } else {
            Issue.record("expected \(code.name) (\(rule)), but the call succeeded", sourceLocation: sourceLocation)
        }
        #expect(
            refused.changedTables.isEmpty, "a refused call changed the database: \(refused.changedTables)", sourceLocation: sourceLocation
        )
        return refused.error
    }
}
