/// What one connection measured: per method, latencies and calls by status code.
struct ConnectionStats: Sendable {
    /// Status codes 0–16; anything else counts as UNKNOWN (2), as the protocol says.
    static let codeCount = 17

    var latencies: [LatencySummary]
    /// `statusCounts[method][code]`.
    var statusCounts: [[UInt64]]
    /// Calls sent in the measured interval (a call is measured by when it was meant to be sent).
    var sent: UInt64 = 0
    /// Measured calls that the server answered after the interval ended, in the drain.
    var drained: UInt64 = 0
    /// Measured calls still unanswered when the drain ended: their connections were closed, and
    /// they count as UNAVAILABLE.
    var cutOff: UInt64 = 0

    init(methods: Int) {
        self.latencies = Array(repeating: LatencySummary(), count: methods)
        self.statusCounts = Array(repeating: Array(repeating: 0, count: Self.codeCount), count: methods)
    }

    /// Records one finished call.
    @inline(__always)
    mutating func record(method: Int, code: Int, latencyNanos: UInt64) {
        self.latencies[method].record(nanoseconds: latencyNanos)
        self.statusCounts[method][(0..<Self.codeCount).contains(code) ? code : 2] += 1
    }

    /// Adds another connection's figures.
    mutating func add(_ other: ConnectionStats) {
        for method in self.latencies.indices {
            self.latencies[method].add(other.latencies[method])
            for code in 0..<Self.codeCount {
                self.statusCounts[method][code] += other.statusCounts[method][code]
            }
        }
        self.sent += other.sent
        self.drained += other.drained
        self.cutOff += other.cutOff
    }

    /// Measured calls that ended, any status, in the interval or after it.
    var ended: UInt64 { self.statusCounts.joined().reduce(0, +) }

    /// Measured calls that ended inside the interval, any status.
    var completed: UInt64 { self.ended - self.drained - self.cutOff }

    /// Measured calls that ended with a status other than OK.
    var failed: UInt64 { self.ended - self.statusCounts.reduce(0) { $0 + $1[0] } }
}
