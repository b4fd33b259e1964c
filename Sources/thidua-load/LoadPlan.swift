/// Everything a run needs, checked: where, how many connections and calls, how long, which
/// methods, and the thresholds.
struct LoadPlan: Sendable {
    var host = "127.0.0.1"
    var port = 7878
    var connections = 1
    /// Calls in flight at most on each connection.
    var inFlight = 1
    var durationSeconds = 10.0
    var warmupSeconds = 2.0
    /// Calls per second across all connections for an open loop; nil for a closed loop.
    var rate: Double?
    var entries: [MethodMixEntry] = []
    var objectives: [ServiceLevelObjective] = []
    var timeoutMilliseconds: UInt64 = 0
    var metadata: [String: String] = [:]
    /// How many payloads a template holding `{{seq}}` makes; calls take them in turn.
    var variants = 100_000
    var apiKey = ""
    var threads = 1
    var serverPID: Int32?
    var maxFrameBytes = 4 * 1024 * 1024
    /// How long to wait after the measured interval for calls still in flight.
    var drainSeconds = 5.0

    /// Throws a usage error for a plan that cannot run.
    func validate() throws(LoadError) {
        guard self.connections > 0 else { throw .usage("--connections must be at least 1") }
        guard self.inFlight > 0 else { throw .usage("--in-flight must be at least 1") }
        guard (1...10_000_000).contains(self.variants) else { throw .usage("--variants must be between 1 and 10,000,000") }
        guard self.durationSeconds > 0 else { throw .usage("--duration must be positive") }
        guard self.drainSeconds >= 0 else { throw .usage("--drain must not be negative") }
        guard self.warmupSeconds >= 0 else { throw .usage("--warmup must not be negative") }
        if let rate = self.rate, !(rate > 0 && rate.isFinite) { throw .usage("--rate must be a positive number of calls per second") }
        guard !self.entries.isEmpty else { throw .usage("name a method with --method, or several with --mix") }
        guard self.threads > 0 else { throw .usage("--threads must be at least 1") }
    }
}
