import Testing
@testable import thidua_load

@Suite struct ServiceLevelObjectiveTests {
    @Test func parsesPercentilesMaxAndErrors() throws {
        #expect(try ServiceLevelObjective(parsing: "p99=2ms").measure == .percentile(99))
        #expect(try ServiceLevelObjective(parsing: "p99=2ms").limit == 2_000_000)
        #expect(try ServiceLevelObjective(parsing: "p99.9=500us").measure == .percentile(99.9))
        #expect(try ServiceLevelObjective(parsing: "max=1s").measure == .max)
        let errors = try ServiceLevelObjective(parsing: "errors=0.5%")
        #expect(errors.measure == .errorPercent)
        #expect(errors.limit == 0.5)
    }

    @Test(arguments: ["p99", "p99=fast", "p0=1ms", "p101=1ms", "q50=1ms", "errors=5", "errors=200%"])
    func refusesNonsense(_ text: String) {
        #expect(throws: LoadError.self) { try ServiceLevelObjective(parsing: text) }
    }

    @Test func evaluatesAgainstAHistogram() throws {
        var summary = LatencySummary()
        for micros in 1...1000 { summary.record(nanoseconds: UInt64(micros) * 1000) }
        #expect(try ServiceLevelObjective(parsing: "p50=600us").isMet(by: summary, errorPercent: 0))
        #expect(try !ServiceLevelObjective(parsing: "p99=900us").isMet(by: summary, errorPercent: 0))
        #expect(try ServiceLevelObjective(parsing: "max=2ms").isMet(by: summary, errorPercent: 0))
        #expect(try !ServiceLevelObjective(parsing: "errors=1%").isMet(by: summary, errorPercent: 1.5))
        #expect(try ServiceLevelObjective(parsing: "errors=1%").isMet(by: summary, errorPercent: 1))
    }
}
