import Foundation
import Synchronization
import ThiduaClient
import ThiduaCoreAPI
import ThiduaModuleKit

/// Everything a campaign module's tests stand on: a real server with the module on 127.0.0.1 and
/// a free port, a clock the test sets, an admin client, and one call each to build the
/// organisation, members, campaigns and scoped keys the module's rules need. A module's own
/// fixture then holds only its domain: which units, which campaign.
///
/// ```swift
/// try await ModuleFixture.with(modules: [MyModule()], today: "2024-06-15") { f in
///     let district = try await f.unit("LĐLĐ huyện Triệu Sơn", under: f.rootUnitID, .districtFederation)
///     let campaign = try await f.campaign(module: "my_campaign", launchedBy: district, year: 2024)
///     try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "title") {
///         _ = try await f.call(Methods.MyCampaign.Entries.recordEntry, RecordEntryRequest())
///     }
/// }
/// ```
public struct ModuleFixture: Sendable {
    public let server: TestServer
    /// A client with the first admin key: every permission on the root unit.
    public let admin: ThiduaClient
    /// The root unit, which the admin key is bound to.
    public let rootUnitID: String
    /// What the server takes for now; ``TestClock/set(_:)`` moves it.
    public let clock: TestClock
    private let clients: ClientList

    /// Runs `body` with a server holding `modules`, its clock at noon in Hà Nội on `today`
    /// ("yyyy-mm-dd"), and always stops the server and closes every client the fixture opened.
    /// The server starts on fresh data, or on `dataDirectory`, which the test keeps: a test that
    /// stops a server and starts another on the same data passes the same folder twice.
    public static func with(
        modules: [any CampaignModule],
        today: String,
        dataDirectory: URL? = nil,
        _ body: (ModuleFixture) async throws -> Void
    ) async throws {
        let clock = try TestClock(today)
        let server = try await TestServer.start(modules: modules, clock: clock.now, dataDirectory: dataDirectory)
        let clients = ClientList()
        do {
            let admin = try await clients.keep(server.connectAsAdmin())
            let me = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
            try await body(ModuleFixture(server: server, admin: admin, rootUnitID: me.unitID, clock: clock, clients: clients))
        } catch {
            await clients.closeAll()
            try? await server.stop()
            throw error
        }
        await clients.closeAll()
        try await server.stop()
    }

    /// Calls `method` as the admin, or as `client`.
    public func call<Input, Output>(_ method: UnaryMethod<Input, Output>, _ request: Input, as client: ThiduaClient? = nil) async throws -> Output {
        try await (client ?? self.admin).unary(method, request)
    }

    /// A new unit under `parent`, valid since 2000; returns its id.
    public func unit(_ name: String, under parent: String, _ kind: UnitKind, _ sector: Sector = .unspecified) async throws -> String {
        try await self.call(Methods.Core.Units.createUnit, .with {
            $0.parentID = parent
            $0.name = name
            $0.kind = kind
            $0.sector = sector
            $0.validFrom = "2000-01-01"
        }).id
    }

    /// A new member of `unit`; returns its id.
    public func member(_ fullName: String, of unit: String, _ gender: Gender, unionMember: Bool = true, role: String = "") async throws -> String {
        try await self.call(Methods.Core.Members.addMember, .with {
            $0.unitID = unit
            $0.fullName = fullName
            $0.gender = gender
            $0.unionMember = unionMember
            $0.role = role
        }).id
    }

    /// A campaign of `module` for the calendar `year`, launched by `launcher` over `scope` (its
    /// own subtree when nil) with a decision of 5 January; returns its id. With `launched` false
    /// it stays a draft.
    public func campaign(
        module: String, launchedBy launcher: String, scope: String? = nil, year: Int, title: String = "Phong trào thi đua",
        launched: Bool = true
    ) async throws -> String {
        let draft = try await self.call(Methods.Core.Campaigns.createCampaign, .with {
            $0.module = module
            $0.title = "\(title) \(year)"
            $0.launchingUnitID = launcher
            $0.scopeUnitID = scope ?? ""
            $0.periodKind = .calendarYear
            $0.year = UInt32(year)
        })
        guard launched else { return draft.id }
        return try await self.call(Methods.Core.Campaigns.launchCampaign, .with {
            $0.id = draft.id
            $0.decisionNumber = "1/QĐ-\(year)"
            $0.decisionDate = "\(year)-01-05"
        }).id
    }

    /// A client whose key is bound to `unit` and holds only `permissions`, closed with the
    /// fixture.
    public func client(scopedTo unit: String, permissions: [String], acceptLanguage: String = "") async throws -> ThiduaClient {
        let minted = try await self.call(Methods.Core.Keys.mintKey, .with {
            $0.label = "test key on \(unit)"
            $0.unitID = unit
            $0.permissions = permissions
        })
        return try await self.clients.keep(self.server.connect(apiKey: minted.apiKey, acceptLanguage: acceptLanguage))
    }

    /// Runs `call` and throws ``RefusalExpectationFailed`` unless it failed with `code` and
    /// `rule` (naming `field`, when given) and changed nothing in any table of the core or any
    /// module.
    public func expectRefusal(
        _ code: StatusCode, rule: String, field: String? = nil,
        file: StaticString = #filePath, line: UInt = #line,
        _ call: () async throws -> Void
    ) async throws {
        let refused = try await self.server.refusal(call)
        let detail = refused.error?.details.first
        var problems: [String] = []
        if refused.error?.code != code || detail?.rule != rule {
            problems.append("expected \(code) with rule \(rule), got \(refused.error.map(String.init(describing:)) ?? "success")")
        }
        if let field, detail?.field != field {
            problems.append("expected the field \(field), got \(detail?.field ?? "none")")
        }
        if !refused.changedTables.isEmpty {
            problems.append("the call changed \(refused.changedTables.joined(separator: ", "))")
        }
        if !problems.isEmpty {
            throw RefusalExpectationFailed(problems: problems, file: "\(file)", line: line)
        }
    }
}

/// A refusal that did not happen as a test expected.
public struct RefusalExpectationFailed: Error, CustomStringConvertible {
    public let problems: [String]
    public let file: String
    public let line: UInt

    public var description: String {
        "\((self.file as NSString).lastPathComponent):\(self.line): " + self.problems.joined(separator: "; ")
    }
}

/// A clock a test moves: the server reads it for "today" and for every timestamp.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// Noon in Hà Nội (05:00 UTC) on `day`, "yyyy-mm-dd".
    public init(_ day: String) throws {
        self.current = Mutex(try Self.noon(day))
    }

    /// What the server calls.
    public var now: @Sendable () -> Date {
        { self.current.withLock { $0 } }
    }

    /// Moves the clock to noon in Hà Nội on `day`.
    public func set(_ day: String) throws {
        let date = try Self.noon(day)
        self.current.withLock { $0 = date }
    }

    private static func noon(_ day: String) throws -> Date {
        guard CalendarDate(day) != nil, let date = ISO8601DateFormatter().date(from: "\(day)T05:00:00Z") else {
            throw TestClockError(day: day)
        }
        return date
    }
}

struct TestClockError: Error, CustomStringConvertible {
    let day: String
    var description: String { "\"\(self.day)\" is not a yyyy-mm-dd date" }
}

/// The clients a fixture opened, closed when it ends.
private final class ClientList: Sendable {
    private let clients = Mutex<[ThiduaClient]>([])

    func keep(_ client: ThiduaClient) -> ThiduaClient {
        self.clients.withLock { $0.append(client) }
        return client
    }

    func closeAll() async {
        for client in self.clients.withLock({ $0 }) {
            await client.close()
        }
    }
}
