import ThiduaWire

/// The result of a run, printed as JSON by `--json` (the fields Benchmarks/ reads are shared with
/// its echo clients) or as a human summary.
struct LoadReport: Codable, Equatable, Sendable {
    /// Latency percentiles, in microseconds.
    struct Latency: Codable, Equatable, Sendable {
        var p50: Double
        var p90: Double
        var p99: Double
        var p999: Double
        var max: Double
        var mean: Double

        init(_ summary: LatencySummary) {
            func micros(_ nanos: UInt64) -> Double { Double(nanos) / 1000 }
            self.p50 = micros(summary.value(atPercentile: 50))
            self.p90 = micros(summary.value(atPercentile: 90))
            self.p99 = micros(summary.value(atPercentile: 99))
            self.p999 = micros(summary.value(atPercentile: 99.9))
            self.max = micros(summary.maxNanos)
            self.mean = summary.meanNanos / 1000
        }
    }

    /// CPU a process used in the measured interval.
    struct CPU: Codable, Equatable, Sendable {
        var seconds: Double
        var microsPerRequest: Double
        /// `seconds` as a share of one core over the interval.
        var percentOfOneCore: Double

        init(seconds: Double, requests: UInt64, interval: Double) {
            self.seconds = seconds
            self.microsPerRequest = requests > 0 ? seconds * 1e6 / Double(requests) : 0
            self.percentOfOneCore = interval > 0 ? seconds / interval * 100 : 0
        }
    }

    /// One method of the mix.
    struct Method: Codable, Equatable, Sendable {
        var method: String
        var completed: UInt64
        var statuses: [String: UInt64]
        var latencyMicros: Latency
    }

    /// One `--slo` and how the run fared.
    struct Objective: Codable, Equatable, Sendable {
        var objective: String
        /// Microseconds for latencies, percent for errors.
        var limit: Double
        var actual: Double
        var met: Bool
    }

    var mode: String
    var connections: Int
    var inFlightPerConnection: Int
    var durationSeconds: Double
    var warmupSeconds: Double
    var targetRate: Double?
    /// Calls sent (or due, in an open loop) in the measured interval.
    var sent: UInt64
    /// Calls of the measured interval that ended inside it, any status: `achievedRate` counts
    /// these alone.
    var completed: UInt64
    /// Calls of the measured interval answered after it ended, in the drain.
    var drained: UInt64
    /// Calls of the measured interval still unanswered when the drain ended (UNAVAILABLE).
    var cutOff: UInt64
    var achievedRate: Double
    /// Every measured call by its final status, the drained and cut-off ones included.
    var statuses: [String: UInt64]
    /// Measured calls that ended with a status other than OK.
    var failed: UInt64
    /// `failed` as a share of the measured calls that ended.
    var errorPercent: Double
    var latencyMicros: Latency
    var client: CPU
    var server: CPU?
    var methods: [Method]
    var slo: [Objective]
    var sloMet: Bool
    /// Whether the run passes: every `--slo` met, some call ended, and no call failed unless an
    /// `errors=` objective allows it. The tool's exit status is 0 only then.
    var passed: Bool

    init(
        plan: LoadPlan,
        window: RunWindow,
        stats: ConnectionStats,
        clientCPUSeconds: Double,
        serverCPUSeconds: Double?
    ) {
        let interval = window.durationSeconds
        var total = LatencySummary()
        for summary in stats.latencies { total.add(summary) }
        let completed = stats.completed
        let ended = stats.ended
        self.mode = plan.rate == nil ? "closed" : "open"
        self.connections = plan.connections
        self.inFlightPerConnection = plan.inFlight
        self.durationSeconds = interval
        self.warmupSeconds = plan.warmupSeconds
        self.targetRate = plan.rate
        self.sent = stats.sent
        self.completed = completed
        self.drained = stats.drained
        self.cutOff = stats.cutOff
        self.achievedRate = interval > 0 ? Double(completed) / interval : 0
        self.statuses = Self.names(stats.statusCounts.reduce(into: Array(repeating: UInt64(0), count: ConnectionStats.codeCount)) {
            for code in $1.indices { $0[code] += $1[code] }
        })
        self.latencyMicros = Latency(total)
        self.client = CPU(seconds: clientCPUSeconds, requests: completed, interval: interval)
        self.server = serverCPUSeconds.map { CPU(seconds: $0, requests: completed, interval: interval) }
        self.methods = plan.entries.indices.map { index in
            Method(
                method: plan.entries[index].method,
                completed: stats.statusCounts[index].reduce(0, +),
                statuses: Self.names(stats.statusCounts[index]),
                latencyMicros: Latency(stats.latencies[index])
            )
        }
        let errorPercent = ended > 0 ? Double(stats.failed) / Double(ended) * 100 : 0
        self.failed = stats.failed
        self.errorPercent = errorPercent
        self.slo = plan.objectives.map { objective in
            let isLatency = objective.measure != .errorPercent
            let actual = objective.actual(in: total, errorPercent: errorPercent)
            return Objective(
                objective: objective.text,
                limit: isLatency ? objective.limit / 1000 : objective.limit,
                actual: isLatency ? actual / 1000 : actual,
                met: objective.isMet(by: total, errorPercent: errorPercent) && ended > 0
            )
        }
        self.sloMet = self.slo.allSatisfy(\.met)
        let errorsAllowed = plan.objectives.contains { $0.measure == .errorPercent }
        self.passed = self.sloMet && ended > 0 && (stats.failed == 0 || errorsAllowed)
    }

    private static func names(_ counts: [UInt64]) -> [String: UInt64] {
        var named: [String: UInt64] = [:]
        for (code, count) in counts.enumerated() where count > 0 {
            named[StatusCode(rawValue: code)?.name ?? "CODE_\(code)"] = count
        }
        return named
    }
}
