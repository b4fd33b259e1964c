import Testing
import ThiduaCoreAPI
import ThiduaWire
import ThiduaTesting
@testable import thidua_load

/// Short runs against a real server: counts and statuses only, never timing.
@Suite(.serialized) struct EndToEndTests {
    @Test func closedLoopMixCountsEveryStatus() async throws {
        let server = try await TestServer.start()
        var plan = Self.plan(against: server)
        plan.connections = 2
        plan.inFlight = 4
        plan.durationSeconds = 0.4
        plan.warmupSeconds = 0.1
        plan.entries = [
            MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 3, json: #"{"payload":"AAECAw=="}"#),
            // Over Echo's limit of 60,000 ms: always INVALID_ARGUMENT.
            MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 1, json: #"{"delayMs":70000}"#),
        ]
        plan.objectives = [try ServiceLevelObjective(parsing: "errors=100%")]
        let report = try await LoadRunner(plan: plan).run()
        try await server.stop()

        #expect(report.mode == "closed")
        #expect(report.completed > 0)
        #expect(report.completed + report.drained + report.cutOff == report.sent)
        #expect(Set(report.statuses.keys) == ["OK", "INVALID_ARGUMENT"])
        #expect(report.statuses.values.reduce(0, +) == report.sent)
        #expect(report.failed == report.statuses["INVALID_ARGUMENT"])
        #expect(report.passed, "errors=100% allows the failures")
        #expect(report.methods.map(\.statuses.keys.first) == ["OK", "INVALID_ARGUMENT"])
        #expect(report.sloMet)
    }

    @Test func openLoopSendsOnlyWhatIsDue() async throws {
        let server = try await TestServer.start()
        var plan = Self.plan(against: server)
        plan.connections = 2
        plan.inFlight = 8
        plan.rate = 1000
        plan.durationSeconds = 0.3
        plan.warmupSeconds = 0.1
        plan.entries = [MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 1, json: "{}")]
        plan.objectives = [try ServiceLevelObjective(parsing: "errors=0%")]
        let report = try await LoadRunner(plan: plan).run()
        try await server.stop()

        #expect(report.mode == "open")
        #expect(report.statuses == ["OK": report.sent])
        #expect(report.completed + report.drained == report.sent)
        // 1,000 calls/s for 0.3 s: exactly the calls whose intended time falls in the window.
        #expect((299...301).contains(report.sent))
        #expect(report.sloMet)
    }

    /// Open loop above what the method can do: 100 calls/s asked of Echo delayed 20 ms with one
    /// call in flight, which can end at most 50 calls a second. The rate counts only the calls
    /// that ended inside the interval; the backlog answered in the drain is reported apart.
    @Test func openLoopBeyondTheServerCountsOnlyWhatEndedInTheInterval() async throws {
        let server = try await TestServer.start()
        var plan = Self.plan(against: server)
        plan.connections = 1
        plan.inFlight = 1
        plan.rate = 100
        plan.durationSeconds = 1
        plan.warmupSeconds = 0
        plan.entries = [MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 1, json: #"{"delayMs":20}"#)]
        let report = try await LoadRunner(plan: plan).run()
        try await server.stop()

        #expect((99...101).contains(report.sent))
        #expect(report.completed <= 50, "one call at a time of at least 20 ms each: at most 50 end in 1 s")
        #expect(report.achievedRate <= 50)
        #expect(report.drained > 0)
        #expect(report.completed + report.drained + report.cutOff == report.sent)
        #expect(ReportPrinter.render(report).contains("answered after the interval (not in the rate)"))

        // A drain too short for the backlog: what was due and never sent or answered counts as
        // UNAVAILABLE, and the run fails.
        plan.drainSeconds = 0.1
        let server2 = try await TestServer.start()
        plan.port = server2.port
        let cut = try await LoadRunner(plan: plan).run()
        try await server2.stop()
        #expect((99...101).contains(cut.sent))
        #expect(cut.cutOff > 0)
        #expect(cut.completed + cut.drained + cut.cutOff == cut.sent)
        #expect(cut.statuses["UNAVAILABLE"] == cut.cutOff)
        #expect(!cut.passed)
    }

    /// Every call refused: the errors come first, and the run fails unless an errors objective
    /// allows them.
    @Test func aRunWhoseCallsAllFailDoesNotPass() async throws {
        let server = try await TestServer.start()
        var plan = Self.plan(against: server)
        plan.connections = 1
        plan.inFlight = 2
        plan.durationSeconds = 0.2
        plan.warmupSeconds = 0
        // Units/ListUnits needs a key; the plan has none.
        plan.entries = [MethodMixEntry(method: Methods.Core.Units.listUnits.path, weight: 1, json: "{}")]
        let report = try await LoadRunner(plan: plan).run()
        #expect(report.failed > 0)
        #expect(report.statuses.keys.sorted() == ["UNAUTHENTICATED"])
        #expect(!report.passed)
        #expect(ReportPrinter.render(report).hasPrefix("ERRORS     \(report.failed) of \(report.failed) calls failed (100.0%): UNAUTHENTICATED"))

        plan.objectives = [try ServiceLevelObjective(parsing: "errors=100%")]
        let allowed = try await LoadRunner(plan: plan).run()
        try await server.stop()
        #expect(allowed.failed > 0)
        #expect(allowed.passed)
    }

    @Test func unknownServiceFailsBeforeTheRun() async throws {
        let server = try await TestServer.start()
        var plan = Self.plan(against: server)
        plan.entries = [MethodMixEntry(method: "no.Such/Method", weight: 1, json: "{}")]
        await #expect(throws: LoadError.self) { try await LoadRunner(plan: plan).run() }
        try await server.stop()
    }

    /// A plan aimed at `server`, on one event loop thread of the tool.
    private static func plan(against server: TestServer) -> LoadPlan {
        var plan = LoadPlan()
        plan.host = server.host
        plan.port = server.port
        plan.threads = 1
        return plan
    }
}
