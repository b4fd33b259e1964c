#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The monotonic clock in nanoseconds; read twice per call, so it must stay a vDSO call.
@inline(__always)
func monotonicNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

/// The time line of a run: a warm-up whose calls are not measured, then the measured interval, in
/// monotonic nanoseconds. A call is measured when it was sent (or, in an open loop, meant to be
/// sent) inside the interval; no call is sent from `end` on.
struct RunWindow: Sendable, Equatable {
    let start: UInt64
    let measureStart: UInt64
    let end: UInt64

    init(start: UInt64, warmupSeconds: Double, durationSeconds: Double) {
        self.start = start
        self.measureStart = start + UInt64((warmupSeconds * 1e9).rounded())
        self.end = self.measureStart + UInt64((durationSeconds * 1e9).rounded())
    }

    @inline(__always)
    func measures(_ nanos: UInt64) -> Bool {
        nanos >= self.measureStart && nanos < self.end
    }

    var durationSeconds: Double { Double(self.end - self.measureStart) / 1e9 }
}
