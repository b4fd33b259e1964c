import Histogram

/// Latencies in nanoseconds, in an HdrHistogram (3 significant digits, 1 ns to 60 s), with the
/// percentiles the report prints.
struct LatencySummary: Sendable {
    /// The percentiles every report lists.
    static let reportedPercentiles: [Double] = [50, 90, 99, 99.9]

    private(set) var histogram = Histogram<UInt64>(
        lowestDiscernibleValue: 1,
        highestTrackableValue: 60_000_000_000,
        numberOfSignificantValueDigits: .three
    )

    /// Records one latency; values beyond 60 s are recorded as 60 s.
    @inline(__always)
    mutating func record(nanoseconds: UInt64) {
        _ = self.histogram.record(min(max(nanoseconds, 1), 60_000_000_000))
    }

    /// Adds every value of `other`.
    mutating func add(_ other: LatencySummary) {
        self.histogram.add(other.histogram)
    }

    var count: UInt64 { self.histogram.totalCount }

    /// The latency at `percentile` (0–100), in nanoseconds; 0 when nothing was recorded.
    func value(atPercentile percentile: Double) -> UInt64 {
        self.count == 0 ? 0 : self.histogram.valueAtPercentile(percentile)
    }

    /// The largest latency recorded, in nanoseconds.
    var maxNanos: UInt64 { self.count == 0 ? 0 : self.histogram.max }

    /// The mean latency, in nanoseconds.
    var meanNanos: Double { self.count == 0 ? 0 : self.histogram.mean }
}
