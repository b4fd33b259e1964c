import Testing
@testable import thidua_load

@Suite struct OpenLoopScheduleTests {
    @Test func oneConnectionSendsEveryPeriod() {
        let schedule = OpenLoopSchedule(start: 1_000, rate: 1_000, connections: 1, index: 0)
        #expect(schedule.periodNanos == 1_000_000)
        #expect(schedule.intendedNanos(ofCall: 0) == 1_000)
        #expect(schedule.intendedNanos(ofCall: 3) == 3_001_000)
        #expect(schedule.dueCount(at: 999) == 0)
        #expect(schedule.dueCount(at: 1_000) == 1)
        #expect(schedule.dueCount(at: 1_001_000) == 2)
        #expect(schedule.dueCount(at: 1_000_999) == 1)
    }

    @Test func connectionsInterleaveEvenly() {
        // 4 connections share 4,000 calls/s: each sends every ms, offset by a quarter ms.
        let schedules = (0..<4).map { OpenLoopSchedule(start: 0, rate: 4_000, connections: 4, index: $0) }
        let firsts = schedules.map { $0.intendedNanos(ofCall: 0) }
        #expect(firsts == [0, 250_000, 500_000, 750_000])
        let merged = schedules.flatMap { schedule in (0..<100).map { schedule.intendedNanos(ofCall: $0) } }.sorted()
        let gaps = Set(zip(merged, merged.dropFirst()).map { $1 - $0 })
        #expect(gaps == [250_000])
    }

    @Test func dueCountAgreesWithIntendedTimesForAwkwardRates() {
        let schedule = OpenLoopSchedule(start: 17, rate: 3, connections: 7, index: 5)
        for n in 0..<200 as Range<UInt64> {
            let time = schedule.intendedNanos(ofCall: n)
            #expect(schedule.dueCount(at: time) == n + 1)
            #expect(schedule.dueCount(at: time - 1) == n)
        }
    }

    @Test func aLongRunKeepsItsRate() {
        // 10 s at 123,457 calls/s over 3 connections: the sum of due calls matches to within one per connection.
        let schedules = (0..<3).map { OpenLoopSchedule(start: 0, rate: 123_457, connections: 3, index: $0) }
        let due = schedules.map { $0.dueCount(at: 10_000_000_000 - 1) }.reduce(0, +)
        #expect((1_234_567...1_234_573).contains(due))
    }

    @Test func runWindowMeasuresOnlyAfterWarmup() {
        let window = RunWindow(start: 100, warmupSeconds: 1, durationSeconds: 2)
        #expect(window.measureStart == 1_000_000_100)
        #expect(window.end == 3_000_000_100)
        #expect(!window.measures(1_000_000_099))
        #expect(window.measures(1_000_000_100))
        #expect(!window.measures(3_000_000_100))
        #expect(window.durationSeconds == 2)
    }

    @Test func weightedMixSpreadsMethods() {
        let mix = WeightedMix(weights: [6, 3, 3])
        #expect(mix.cycle.count == 4)
        #expect(mix.cycle.filter { $0 == 0 }.count == 2)
        // Smooth weighted round-robin: the heavier method is spread out, not bunched.
        #expect(mix.cycle == [0, 1, 2, 0])
        #expect(WeightedMix(weights: [5]).method(forCall: 123) == 0)
        let counts = (0..<1000 as Range<UInt64>).reduce(into: [0, 0]) { $0[WeightedMix(weights: [9, 1]).method(forCall: $1)] += 1 }
        #expect(counts == [900, 100])
    }
}
