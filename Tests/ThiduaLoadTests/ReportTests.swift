import Testing
import ThiduaWire
@testable import thidua_load

@Suite struct ReportTests {
    @Test func histogramPercentilesAreWithinThreeDigits() {
        var summary = LatencySummary()
        for micros in 1...10_000 { summary.record(nanoseconds: UInt64(micros) * 1000) }
        func close(_ actual: UInt64, _ expected: Double) -> Bool { abs(Double(actual) - expected) / expected < 0.002 }
        #expect(close(summary.value(atPercentile: 50), 5_000_000))
        #expect(close(summary.value(atPercentile: 90), 9_000_000))
        #expect(close(summary.value(atPercentile: 99), 9_900_000))
        #expect(close(summary.value(atPercentile: 99.9), 9_990_000))
        #expect(close(summary.maxNanos, 10_000_000))
        #expect(LatencySummary().value(atPercentile: 99) == 0)
    }

    @Test func reportCountsStatusesPerMethodAndChecksObjectives() throws {
        var plan = LoadPlan()
        plan.connections = 2
        plan.inFlight = 8
        plan.entries = [
            MethodMixEntry(method: "a.B/C", weight: 1, json: "{}"),
            MethodMixEntry(method: "a.B/D", weight: 1, json: "{}"),
        ]
        plan.objectives = [try ServiceLevelObjective(parsing: "p99=1ms"), try ServiceLevelObjective(parsing: "errors=11%")]
        var stats = ConnectionStats(methods: 2)
        for _ in 0..<90 { stats.record(method: 0, code: 0, latencyNanos: 100_000) }
        for _ in 0..<10 { stats.record(method: 1, code: StatusCode.unavailable.rawValue, latencyNanos: 5_000_000) }
        stats.record(method: 1, code: 99, latencyNanos: 100_000)
        stats.sent = 101
        let window = RunWindow(start: 0, warmupSeconds: 0, durationSeconds: 2)
        let report = LoadReport(plan: plan, window: window, stats: stats, clientCPUSeconds: 0.5, serverCPUSeconds: 1.0)
        #expect(report.mode == "closed")
        #expect(report.completed == 101)
        #expect(report.achievedRate == 50.5)
        #expect(report.statuses == ["OK": 90, "UNAVAILABLE": 10, "UNKNOWN": 1])
        #expect(report.methods.map(\.completed) == [90, 11])
        #expect(report.client.percentOfOneCore == 25)
        #expect(abs(report.server!.microsPerRequest - 1e6 / 101) < 1e-6)
        #expect(report.slo.map(\.met) == [false, true])
        #expect(!report.sloMet)
        let text = ReportPrinter.render(report)
        #expect(text.contains("SLO p99=1ms"))
        #expect(text.contains("MISSED"))
    }

    @Test func procStatParsing() {
        let line = "4242 (thidua server) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 3 0 100 0 0"
        #expect(CPUClock.parseProcStat(line, ticksPerSecond: 100) == 3.0)
        #expect(CPUClock.parseProcStat("garbage", ticksPerSecond: 100) == nil)
        #expect(CPUClock.ownSeconds() > 0)
    }
}
