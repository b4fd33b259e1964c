import Testing
import ThiduaWire
import ThiduaTesting
@testable import thidua_load

/// Short runs against a real server: counts and statuses only, never timing.
@Suite(.serialized) struct EndToEndTests {
    @Test func closedLoopMixCountsEveryStatus() async throws {
        let server = try await TestServer.start()
        var plan = LoadPlan()
        plan.host = server.host
        plan.port = server.port
        plan.connections = 2
        plan.inFlight = 4
        plan.durationSeconds = 0.4
        plan.warmupSeconds = 0.1
        plan.threads = 1
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
        #expect(report.completed == report.sent)
        #expect(Set(report.statuses.keys) == ["OK", "INVALID_ARGUMENT"])
        #expect(report.statuses.values.reduce(0, +) == report.completed)
        #expect(report.methods.map(\.statuses.keys.first) == ["OK", "INVALID_ARGUMENT"])
        #expect(report.sloMet)
    }

    @Test func openLoopSendsOnlyWhatIsDue() async throws {
        let server = try await TestServer.start()
        var plan = LoadPlan()
        plan.host = server.host
        plan.port = server.port
        plan.connections = 2
        plan.inFlight = 8
        plan.rate = 1000
        plan.durationSeconds = 0.3
        plan.warmupSeconds = 0.1
        plan.threads = 1
        plan.entries = [MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 1, json: "{}")]
        plan.objectives = [try ServiceLevelObjective(parsing: "errors=0%")]
        let report = try await LoadRunner(plan: plan).run()
        try await server.stop()

        #expect(report.mode == "open")
        #expect(report.statuses == ["OK": report.completed])
        #expect(report.completed == report.sent)
        // 1,000 calls/s for 0.3 s: exactly the calls whose intended time falls in the window.
        #expect((299...301).contains(report.sent))
        #expect(report.sloMet)
    }

    @Test func unknownServiceFailsBeforeTheRun() async throws {
        let server = try await TestServer.start()
        var plan = LoadPlan()
        plan.host = server.host
        plan.port = server.port
        plan.entries = [MethodMixEntry(method: "no.Such/Method", weight: 1, json: "{}")]
        await #expect(throws: LoadError.self) { try await LoadRunner(plan: plan).run() }
        try await server.stop()
    }
}
