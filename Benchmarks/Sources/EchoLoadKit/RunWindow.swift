/// The time line of one closed-loop run: warm-up, then the measured interval, in monotonic
/// nanoseconds. A request counts when it was sent inside the measured interval.
public struct RunWindow: Sendable {
    /// When the measured interval starts (the warm-up ends).
    public let measureStart: UInt64
    /// When the measured interval ends and no new request is sent.
    public let end: UInt64

    /// A window that starts `warmupSeconds` after `start` and lasts `durationSeconds`.
    public init(start: UInt64, warmupSeconds: Double, durationSeconds: Double) {
        self.measureStart = start + UInt64(warmupSeconds * 1e9)
        self.end = self.measureStart + UInt64(durationSeconds * 1e9)
    }

    /// Whether a request sent at `nanos` is measured.
    @inline(__always)
    public func measures(sentAt nanos: UInt64) -> Bool {
        nanos >= self.measureStart && nanos < self.end
    }

    /// The measured interval in seconds.
    public var durationSeconds: Double { Double(self.end - self.measureStart) / 1e9 }
}
