import Foundation
import GreenClean
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import ThiduaTesting

/// A real server with the module on a free port, its clock fixed on 15 June 2024, and an
/// organisation to work in: a province with two districts, grassroots unions in both, and a
/// launched campaign of the first district for 2024.
struct GreenCleanFixture {
    let server: TestServer
    let admin: ThiduaClient
    let rootID: String
    let provinceID: String
    /// LĐLĐ huyện Quan Hóa: launches and appraises.
    let districtID: String
    /// Grassroots unions of the district.
    let schoolID: String
    let agencyID: String
    let communeID: String
    /// A grassroots union of another district.
    let outsiderID: String
    /// "Sáng, Xanh, Sạch, Đẹp" 2024, launched by the district over its subtree.
    private(set) var campaignID: String

    static let today = "2024-06-15"
    static let clock: @Sendable () -> Date = { ISO8601DateFormatter().date(from: "2024-06-15T05:00:00Z")! }

    /// Runs `body` with a fresh fixture and always stops it.
    static func with(_ body: (GreenCleanFixture) async throws -> Void) async throws {
        let server = try await TestServer.start(modules: [GreenCleanModule()], clock: Self.clock)
        let admin: ThiduaClient
        do {
            admin = try await server.connectAsAdmin()
        } catch {
            try? await server.stop()
            throw error
        }
        do {
            let fixture = try await Self.build(server: server, admin: admin)
            try await body(fixture)
        } catch {
            await admin.close()
            try? await server.stop()
            throw error
        }
        await admin.close()
        try await server.stop()
    }

    private static func build(server: TestServer, admin: ThiduaClient) async throws -> GreenCleanFixture {
        let me: ApiKeyInfo = try await admin.unary("thidua.core.v1.Keys/WhoAmI", WhoAmIRequest())
        func unit(_ name: String, under parent: String, _ kind: UnitKind, _ sector: Sector = .unspecified) async throws -> String {
            let unit: ThiduaCoreAPI.Unit = try await admin.unary("thidua.core.v1.Units/CreateUnit", CreateUnitRequest.with {
                $0.parentID = parent
                $0.name = name
                $0.kind = kind
                $0.sector = sector
                $0.validFrom = "2000-01-01"
            })
            return unit.id
        }
        let province = try await unit("LĐLĐ tỉnh Thanh Hóa", under: me.unitID, .provincialFederation)
        let district = try await unit("LĐLĐ huyện Quan Hóa", under: province, .districtFederation)
        let other = try await unit("LĐLĐ huyện Mường Lát", under: province, .districtFederation)
        var fixture = GreenCleanFixture(
            server: server, admin: admin, rootID: me.unitID, provinceID: province, districtID: district,
            schoolID: try await unit("CĐCS Trường Tiểu học Trung Sơn", under: district, .grassrootsUnion, .school),
            agencyID: try await unit("CĐCS Trung tâm Y tế huyện Quan Hóa", under: district, .grassrootsUnion, .publicAgency),
            communeID: try await unit("CĐCS xã Phú Nghiêm", under: district, .grassrootsUnion, .communeTown),
            outsiderID: try await unit("CĐCS Trường Tiểu học Mường Lát", under: other, .grassrootsUnion, .school),
            campaignID: ""
        )
        fixture.campaignID = try await fixture.launchCampaign(year: 2024)
        return fixture
    }

    // MARK: Calls

    func call<Output: SwiftProtobuf.Message>(
        _ method: String, _ request: some SwiftProtobuf.Message, using client: ThiduaClient? = nil, metadata: [String: String] = [:]
    ) async throws -> Output {
        try await (client ?? self.admin).unary(method, request, metadata: metadata)
    }

    /// Creates a campaign of the district (or `launcher`) and, unless told otherwise, launches it.
    func launchCampaign(
        year: UInt32, module: String = "green_clean", period: PeriodKind = .calendarYear,
        launcher: String? = nil, launch: Bool = true
    ) async throws -> String {
        let campaign: Campaign = try await self.call("thidua.core.v1.Campaigns/CreateCampaign", CreateCampaignRequest.with {
            $0.module = module
            $0.title = "Sáng, Xanh, Sạch, Đẹp"
            $0.launchingUnitID = launcher ?? self.districtID
            $0.periodKind = period
            $0.year = year
            $0.metric = "units recognised"
        })
        if launch {
            let _: Campaign = try await self.call("thidua.core.v1.Campaigns/LaunchCampaign", LaunchCampaignRequest.with {
                $0.id = campaign.id
                $0.decisionNumber = "05/KH-LĐLĐ"
                $0.decisionDate = "\(year)-03-01"
            })
        }
        return campaign.id
    }

    /// Moves a campaign on to `state`, one step at a time.
    func advanceCampaign(_ id: String, through states: [CampaignState]) async throws {
        for state in states {
            let _: Campaign = try await self.call("thidua.core.v1.Campaigns/AdvanceCampaign", AdvanceCampaignRequest.with {
                $0.id = id
                $0.to = state
            })
        }
    }

    /// A key over `unitID`'s subtree holding `permissions`, connected.
    func connect(scopedTo unitID: String, permissions: [String]) async throws -> ThiduaClient {
        let minted: MintKeyResponse = try await self.call("thidua.core.v1.Keys/MintKey", MintKeyRequest.with {
            $0.label = "test key"
            $0.unitID = unitID
            $0.permissions = permissions
        })
        return try await self.server.connect(apiKey: minted.apiKey)
    }

    // MARK: The lifecycle

    /// The points of the default sheet (version 1): 100 in all, recognised from 96.
    static let defaultMaxima: [(String, UInt32)] = [("TC", 10), ("X", 15), ("S1", 15), ("S2", 10), ("D", 15), ("AT", 20), ("PCCN", 15)]

    /// A claim on every criterion of the default sheet: full points, less `minus`, with evidence.
    static func claims(minus: [String: UInt32] = [:]) -> [GreenCleanScore] {
        Self.defaultMaxima.map { code, max in
            GreenCleanScore.with {
                $0.criterionCode = code
                $0.points = max - (minus[code] ?? 0)
                $0.evidence = ["Biên bản tự kiểm tra \(code) số 01/BB-CĐ"]
            }
        }
    }

    func register(_ unitID: String, campaign: String? = nil, on date: String = "", using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.registerUnit, GreenCleanRegisterRequest.with {
            $0.campaignID = campaign ?? self.campaignID
            $0.unitID = unitID
            $0.registeredOn = date
        }, using: client)
    }

    @discardableResult
    func selfAssess(_ id: String, _ scores: [GreenCleanScore] = Self.claims(), using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.selfAssess, GreenCleanSelfAssessRequest.with { $0.id = id; $0.scores = scores }, using: client)
    }

    @discardableResult
    func submit(_ id: String, using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.submit, GreenCleanSubmitRequest.with { $0.id = id }, using: client)
    }

    @discardableResult
    func appraise(_ id: String, _ adjustments: [GreenCleanAdjustment] = [], using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.appraise, GreenCleanAppraiseRequest.with { $0.id = id; $0.adjustments = adjustments }, using: client)
    }

    @discardableResult
    func propose(_ id: String, using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.proposeRecognition, GreenCleanProposeRequest.with { $0.id = id }, using: client)
    }

    @discardableResult
    func recognise(_ id: String, date: String = "2024-06-10", using client: ThiduaClient? = nil, metadata: [String: String] = [:]) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.recognise, GreenCleanRecogniseRequest.with {
            $0.id = id
            $0.decisionNumber = "12/QĐ-LĐLĐ"
            $0.decisionDate = date
        }, using: client, metadata: metadata)
    }

    @discardableResult
    func decline(_ id: String, reason: String = "Chưa đạt điểm công nhận", using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.declineRecognition, GreenCleanDeclineRequest.with { $0.id = id; $0.reason = reason }, using: client)
    }

    func get(_ id: String, using client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(GreenCleanMethods.getRegistration, GetGreenCleanRegistrationRequest.with { $0.id = id }, using: client)
    }

    /// A registration of `unitID` brought to `state` along the shortest way, with full scores.
    func registration(of unitID: String, in state: GreenCleanState, campaign: String? = nil) async throws -> GreenCleanRegistration {
        let order: [GreenCleanState] = [.registered, .selfAssessed, .submitted, .appraised, .proposed, .recognised]
        var registration = try await self.register(unitID, campaign: campaign)
        for next in order.dropFirst() where registration.state != state {
            switch next {
            case .selfAssessed: registration = try await self.selfAssess(registration.id)
            case .submitted: registration = try await self.submit(registration.id)
            case .appraised: registration = try await self.appraise(registration.id)
            case .proposed: registration = try await self.propose(registration.id)
            default: registration = try await self.recognise(registration.id)
            }
        }
        #expect(registration.state == state)
        return registration
    }

    @discardableResult
    func recordFact(
        _ unitID: String, _ kind: GreenCleanFactKind, on day: String = "", year: UInt32 = 0, cases: UInt32 = 0,
        using client: ThiduaClient? = nil
    ) async throws -> GreenCleanSafetyFact {
        try await self.call(GreenCleanMethods.recordSafetyFact, RecordGreenCleanSafetyFactRequest.with {
            $0.unitID = unitID
            $0.kind = kind
            $0.occurredOn = day
            $0.year = year
            $0.cases = cases
            $0.description_p = "Biên bản điều tra"
            $0.reference = "BB-01"
        }, using: client)
    }

    /// The core's audit records about `targetID`, over the wire: every page of the admin's
    /// subtree, newest first.
    func auditRecords(about targetID: String) async throws -> [AuditRecord] {
        var found: [AuditRecord] = []
        var token = ""
        repeat {
            let page: ListAuditRecordsResponse = try await self.call("thidua.core.v1.Audit/ListAuditRecords", ListAuditRecordsRequest.with {
                $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token }
            })
            found += page.records.filter { $0.targetID == targetID }
            token = page.nextPageToken
        } while !token.isEmpty
        return found
    }

    // MARK: Refusals

    /// Asserts that `call` is refused with `code` and `rule` and changes nothing in any table.
    @discardableResult
    func expectRefusal(
        _ code: StatusCode,
        rule: String,
        field: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation,
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
