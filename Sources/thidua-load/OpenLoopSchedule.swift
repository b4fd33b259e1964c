/// When each call of an open-loop run is meant to be sent, on one connection.
///
/// The whole run aims at `rate` calls per second over `connections` connections; each connection
/// sends every `connections / rate` seconds, and connection i starts i/connections of a period
/// later than connection 0, so the calls of all connections interleave evenly. Latency is measured
/// from these intended times, not from when a call actually left, so a server that stalls is
/// charged for every call it delayed (wrk2's answer to coordinated omission).
struct OpenLoopSchedule: Sendable, Equatable {
    /// When call 0 of this connection is due, in monotonic nanoseconds.
    let firstNanos: UInt64
    /// Nanoseconds between two calls of this connection.
    let periodNanos: Double

    /// - Parameters:
    ///   - start: when the run starts, in monotonic nanoseconds.
    ///   - rate: calls per second across all connections; must be positive.
    ///   - connections: how many connections share the rate.
    ///   - index: this connection's index, 0..<connections.
    init(start: UInt64, rate: Double, connections: Int, index: Int) {
        precondition(rate > 0 && connections > 0 && (0..<connections).contains(index))
        self.periodNanos = 1e9 * Double(connections) / rate
        self.firstNanos = start + UInt64((self.periodNanos * Double(index) / Double(connections)).rounded())
    }

    /// When call `n` (from 0) is due.
    @inline(__always)
    func intendedNanos(ofCall n: UInt64) -> UInt64 {
        self.firstNanos + UInt64((Double(n) * self.periodNanos).rounded())
    }

    /// How many calls are due at `now`: calls 0..<dueCount(at: now) have an intended time ≤ now.
    func dueCount(at now: UInt64) -> UInt64 {
        guard now >= self.firstNanos else { return 0 }
        var count = UInt64((Double(now - self.firstNanos) / self.periodNanos).rounded(.down)) + 1
        // Correct the floating-point edge either way so the answer agrees with intendedNanos.
        while count > 0 && self.intendedNanos(ofCall: count - 1) > now { count -= 1 }
        while self.intendedNanos(ofCall: count) <= now { count += 1 }
        return count
    }
}
