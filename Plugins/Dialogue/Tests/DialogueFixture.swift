import Foundation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaModuleKit
import ThiduaWire

@testable import Dialogue

/// A real server with the dialogue module on a fixed day, an admin connection, a small
/// organisation (a province, a district, enterprises and a school), and typed shortcuts.
struct DialogueFixture {
    /// 30 June 2025, noon in Hà Nội.
    static let today = "2025-06-30"
    static let clock: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_751_259_600) }

    let server: TestServer
    let admin: ThiduaClient
    let rootID: String
    let provinceID: String
    let districtID: String
    /// A non-state enterprise of 250 employees (from 2025-01-01).
    let garmentID: String
    /// A foreign-invested enterprise with no headcount recorded.
    let electronicsID: String
    /// A school: not an enterprise.
    let schoolID: String
    /// An enterprise under another province, outside the district's keys.
    let elsewhereID: String

    /// Runs `body` with a fresh fixture and always stops it.
    static func with(_ body: (DialogueFixture) async throws -> Void) async throws {
        let server = try await TestServer.start(modules: [DialogueModule()], clock: Self.clock)
        let admin = try await server.connectAsAdmin()
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

    private static func build(server: TestServer, admin: ThiduaClient) async throws -> DialogueFixture {
        let me: ApiKeyInfo = try await admin.unary("thidua.core.v1.Keys/WhoAmI", WhoAmIRequest())
        func unit(_ name: String, under parent: String, _ kind: UnitKind, _ sector: Sector = .unspecified) async throws -> String {
            let created: ThiduaCoreAPI.Unit = try await admin.unary("thidua.core.v1.Units/CreateUnit", CreateUnitRequest.with {
                $0.parentID = parent
                $0.name = name
                $0.kind = kind
                $0.sector = sector
                $0.validFrom = "2000-01-01"
            })
            return created.id
        }
        let province = try await unit("LĐLĐ thành phố Hà Nội", under: me.unitID, .provincialFederation)
        let district = try await unit("LĐLĐ quận Thanh Xuân", under: province, .districtFederation)
        let other = try await unit("LĐLĐ tỉnh Thanh Hóa", under: me.unitID, .provincialFederation)
        let fixture = DialogueFixture(
            server: server,
            admin: admin,
            rootID: me.unitID,
            provinceID: province,
            districtID: district,
            garmentID: try await unit("CĐCS Công ty TNHH May Khương Trung", under: district, .grassrootsUnion, .nonStateEnterprise),
            electronicsID: try await unit("CĐCS Công ty TNHH Điện tử Hạ Đình", under: district, .grassrootsUnion, .foreignInvestedEnterprise),
            schoolID: try await unit("CĐCS Trường THCS Nhân Chính", under: district, .grassrootsUnion, .school),
            elsewhereID: try await unit("CĐCS Công ty CP Mía đường Lam Sơn", under: other, .grassrootsUnion, .stateEnterprise)
        )
        _ = try await fixture.recordHeadcount(fixture.garmentID, 250, asOf: "2025-01-01")
        return fixture
    }

    // MARK: Calls

    /// Calls a method of the module ("Dialogues/PlanDialogue").
    func call<Output: SwiftProtobuf.Message>(
        _ method: String, _ request: some SwiftProtobuf.Message, as _: Output.Type = Output.self, using client: ThiduaClient? = nil,
        idempotencyKey: String? = nil
    ) async throws -> Output {
        let metadata = idempotencyKey.map { ["idempotency-key": $0] } ?? [:]
        return try await (client ?? self.admin).unary("thidua.dialogue.v1.\(method)", request, metadata: metadata)
    }

    @discardableResult
    func recordHeadcount(_ unitID: String, _ employees: UInt32, asOf: String, using client: ThiduaClient? = nil) async throws -> EnterpriseHeadcount {
        try await self.call("Enterprises/RecordHeadcount", RecordHeadcountRequest.with {
            $0.unitID = unitID
            $0.employees = employees
            $0.asOf = asOf
        }, using: client)
    }

    func planPeriodic(_ unitID: String, on date: String = "2025-03-14", delegation: UInt32 = 10, campaignID: String = "") async throws -> WorkplaceDialogue {
        try await self.call("Dialogues/PlanDialogue", PlanDialogueRequest.with {
            $0.unitID = unitID
            $0.kind = .periodic
            $0.plannedOn = date
            $0.agenda = "Tiền lương, thưởng, bữa ăn ca"
            $0.delegationSize = delegation
            $0.campaignID = campaignID
        })
    }

    func hold(_ id: String, on date: String = "2025-03-14", present: UInt32 = 9, employer: Bool = true) async throws -> WorkplaceDialogue {
        try await self.call("Dialogues/HoldDialogue", HoldDialogueRequest.with {
            $0.id = id
            $0.heldOn = date
            $0.employerLegalRepresentativePresent = employer
            $0.representativesPresent = present
        })
    }

    func publish(_ id: String, signedOn: String = "2025-03-14", publishedOn: String = "2025-03-17") async throws -> WorkplaceDialogue {
        try await self.call("Dialogues/PublishDialogueMinutes", PublishDialogueMinutesRequest.with {
            $0.id = id
            $0.signedByEmployer = true
            $0.signedByEmployeeRepresentatives = true
            $0.signedOn = signedOn
            $0.publishedOn = publishedOn
            $0.summary = "Hai bên thống nhất tăng lương 6% từ tháng 7"
        })
    }

    /// A collective agreement of `unitID` taken through request, a session, a draft and a vote
    /// that passes, signed and filed. Requested on `requestedOn` (a Monday is best).
    func agreementInForce(
        _ unitID: String, requestedOn: String, signedOn: String, termYears: UInt32, inFavour: UInt32 = 200, renews: String = ""
    ) async throws -> CollectiveAgreement {
        let requested: CollectiveAgreement = try await self.call("Agreements/RequestBargaining", RequestBargainingRequest.with {
            $0.unitID = unitID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = requestedOn
            $0.renewsAgreementID = renews
        })
        let start = CalendarDate(requestedOn)!
        let _: CollectiveAgreement = try await self.call("Agreements/RecordBargainingSession", RecordBargainingSessionRequest.with {
            $0.agreementID = requested.id
            $0.heldOn = start.adding(workingDays: 2).description
            $0.minutes = "Phiên 1: tiền lương, thưởng Tết, bữa ăn ca"
        })
        let _: CollectiveAgreement = try await self.call("Agreements/RecordAgreementDraft", RecordAgreementDraftRequest.with {
            $0.agreementID = requested.id
            $0.draftedOn = start.adding(workingDays: 5).description
            $0.clauses = [clause(1, .wages, favourable: true), clause(2, .meals, favourable: true), clause(3, .workingHours, favourable: false)]
        })
        let _: CollectiveAgreement = try await self.call("Agreements/RecordAgreementVote", RecordAgreementVoteRequest.with {
            $0.agreementID = requested.id
            $0.votedOn = start.adding(workingDays: 8).description
            $0.inFavour = inFavour
            $0.against = 10
        })
        let _: CollectiveAgreement = try await self.call("Agreements/SignAgreement", SignAgreementRequest.with {
            $0.agreementID = requested.id
            $0.signedOn = signedOn
            $0.termYears = termYears
        })
        return try await self.call("Agreements/FileAgreementCopy", FileAgreementCopyRequest.with {
            $0.agreementID = requested.id
            $0.filedOn = CalendarDate(signedOn)!.adding(days: 5).description
            $0.filedWith = "Sở Lao động – Thương binh và Xã hội Hà Nội"
        })
    }

    // MARK: Keys

    /// Mints a key and connects with it.
    func connect(scopedTo unitID: String, permissions: [String]) async throws -> ThiduaClient {
        let minted: MintKeyResponse = try await self.admin.unary("thidua.core.v1.Keys/MintKey", MintKeyRequest.with {
            $0.label = "dialogue test key"
            $0.unitID = unitID
            $0.permissions = permissions
        })
        return try await self.server.connect(apiKey: minted.apiKey)
    }

    // MARK: The core's records, over the wire

    /// The audit records of one entity, oldest first.
    func audit(of targetID: String) async throws -> [AuditRecord] {
        var newestFirst: [AuditRecord] = []
        var token = ""
        repeat {
            let page: ListAuditRecordsResponse = try await self.admin.unary("thidua.core.v1.Audit/ListAuditRecords", ListAuditRecordsRequest.with {
                $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token }
            })
            newestFirst += page.records.filter { $0.targetID == targetID }
            token = page.nextPageToken
        } while !token.isEmpty
        return newestFirst.reversed()
    }

    /// The change feed's entries about one entity, oldest first.
    func changes(of entityID: String) async throws -> [Change] {
        var changes: [Change] = []
        var cursor: UInt64 = 0
        while true {
            let batch: ListChangesResponse = try await self.admin.unary("thidua.core.v1.Changes/ListChanges", ListChangesRequest.with {
                $0.afterCursor = cursor
                $0.limit = 1000
            })
            guard !batch.changes.isEmpty else { return changes }
            changes += batch.changes.filter { $0.entityID == entityID }
            cursor = batch.nextCursor
        }
    }

    // MARK: Refusals

    /// Asserts that a call is refused with `code` and `rule`, and that it changed no table of the
    /// core or any module.
    @discardableResult
    func expectRefusal(
        _ code: StatusCode, rule: String, sourceLocation: SourceLocation = #_sourceLocation, _ call: () async throws -> Void
    ) async throws -> RPCError? {
        let refused = try await self.server.refusal(call)
        if let error = refused.error {
            #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
            #expect(error.details.first?.rule == rule, "\(error)", sourceLocation: sourceLocation)
        } else {
            Issue.record("expected \(code.name) (\(rule)), but the call succeeded", sourceLocation: sourceLocation)
        }
        #expect(
            refused.changedTables.isEmpty, "a refused call changed the database: \(refused.changedTables)", sourceLocation: sourceLocation
        )
        return refused.error
    }
}
