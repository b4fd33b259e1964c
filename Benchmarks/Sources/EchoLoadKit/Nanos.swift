#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Histogram

/// The monotonic clock in nanoseconds, cheap enough to read twice per request.
@inline(__always)
public func monotonicNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// Latency histograms in nanoseconds: 3 significant digits from 1 ns to 60 s.
public enum LatencyHistogram {
    /// An empty histogram with the range every client uses.
    public static func make() -> Histogram<UInt64> {
        Histogram<UInt64>(lowestDiscernibleValue: 1, highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)
    }

    /// The report's percentiles, in microseconds.
    public static func summary(_ histogram: Histogram<UInt64>) -> LoadReport.Latency {
        func micros(_ nanos: UInt64) -> Double { Double(nanos) / 1000 }
        guard histogram.totalCount > 0 else { return .init(p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0) }
        return LoadReport.Latency(
            p50: micros(histogram.valueAtPercentile(50)),
            p90: micros(histogram.valueAtPercentile(90)),
            p99: micros(histogram.valueAtPercentile(99)),
            p999: micros(histogram.valueAtPercentile(99.9)),
            max: micros(histogram.max),
            mean: histogram.mean / 1000
        )
    }
}
