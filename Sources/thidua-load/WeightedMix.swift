/// Which method each call uses when several are mixed by weight.
///
/// The order is fixed and spreads each method evenly through the cycle (smooth weighted
/// round-robin, as nginx balances upstreams), so any window of calls holds the methods in about
/// their proportions and no random numbers are drawn on the hot path.
struct WeightedMix: Sendable, Equatable {
    /// Method indexes, one cycle long; call n uses `cycle[n % cycle.count]`.
    let cycle: [Int]

    /// - Parameter weights: one positive weight per method.
    init(weights: [Int]) {
        precondition(!weights.isEmpty && weights.allSatisfy { $0 > 0 }, "weights must be positive")
        let divisor = weights.reduce(0) { Self.gcd($0, $1) }
        let reduced = weights.map { $0 / divisor }
        let total = reduced.reduce(0, +)
        var current = Array(repeating: 0, count: reduced.count)
        var cycle: [Int] = []
        cycle.reserveCapacity(total)
        for _ in 0..<total {
            for index in current.indices { current[index] += reduced[index] }
            let chosen = current.indices.max { current[$0] < current[$1] || (current[$0] == current[$1] && $0 > $1) }!
            current[chosen] -= total
            cycle.append(chosen)
        }
        self.cycle = cycle
    }

    /// The method of call number `n` (counting from 0).
    @inline(__always)
    func method(forCall n: UInt64) -> Int {
        self.cycle.count == 1 ? self.cycle[0] : self.cycle[Int(n % UInt64(self.cycle.count))]
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        b == 0 ? a : gcd(b, a % b)
    }
}
