import Foundation

/// A threshold given with `--slo`, such as `p99=2ms`, `p99.9=10ms`, `max=50ms` or `errors=0.1%`.
/// A run that misses any of them makes the tool exit non-zero.
struct ServiceLevelObjective: Equatable, Sendable, CustomStringConvertible {
    /// What the threshold bounds.
    enum Measure: Equatable, Sendable {
        /// A latency percentile, 0 < p ≤ 100.
        case percentile(Double)
        /// The largest latency.
        case max
        /// The share of calls that did not end OK, in percent.
        case errorPercent
    }

    let measure: Measure
    /// Nanoseconds for latencies, percent for errors.
    let limit: Double
    let text: String

    var description: String { self.text }

    /// Parses one `--slo` value.
    init(parsing text: String) throws(LoadError) {
        let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw .usage("an SLO reads NAME=LIMIT, such as p99=2ms; got \"\(text)\"") }
        let (name, value) = (parts[0].lowercased(), parts[1])
        self.text = text
        if name == "errors" {
            guard value.hasSuffix("%"), let percent = Double(value.dropLast()), (0...100).contains(percent) else {
                throw .usage("the errors SLO is a percentage, such as errors=0.1%; got \"\(value)\"")
            }
            self.measure = .errorPercent
            self.limit = percent
            return
        }
        guard let nanos = TimeValue.nanoseconds(value) else {
            throw .usage("the limit of \(name) is a duration such as 2ms or 500us; got \"\(value)\"")
        }
        self.limit = Double(nanos)
        if name == "max" {
            self.measure = .max
        } else if name.hasPrefix("p"), let percentile = Double(name.dropFirst()), percentile > 0, percentile <= 100 {
            self.measure = .percentile(percentile)
        } else {
            throw .usage("an SLO names p50, p90, p99, p99.9 (any percentile), max or errors; got \"\(name)\"")
        }
    }

    /// The measured value this threshold bounds, in its unit.
    func actual(in summary: LatencySummary, errorPercent: Double) -> Double {
        switch self.measure {
        case .percentile(let percentile): Double(summary.value(atPercentile: percentile))
        case .max: Double(summary.maxNanos)
        case .errorPercent: errorPercent
        }
    }

    /// Whether the run met it.
    func isMet(by summary: LatencySummary, errorPercent: Double) -> Bool {
        self.actual(in: summary, errorPercent: errorPercent) <= self.limit
    }
}
