/// The result of one load run, as every load client in this package (and `thidua-load --json`)
/// prints it. The harness reads these fields only, so the three clients stay comparable.
public struct LoadReport: Codable, Sendable {
    /// Latency percentiles in microseconds.
    public struct Latency: Codable, Sendable {
        public var p50: Double
        public var p90: Double
        public var p99: Double
        public var p999: Double
        public var max: Double
        public var mean: Double

        /// Creates a summary from values already in microseconds.
        public init(p50: Double, p90: Double, p99: Double, p999: Double, max: Double, mean: Double) {
            self.p50 = p50
            self.p90 = p90
            self.p99 = p99
            self.p999 = p999
            self.max = max
            self.mean = mean
        }
    }

    /// CPU time a process spent during the measured interval.
    public struct CPU: Codable, Sendable {
        /// User plus system CPU seconds.
        public var seconds: Double
        /// CPU microseconds per completed request.
        public var microsPerRequest: Double

        /// Creates a CPU figure from seconds and the requests they served.
        public init(seconds: Double, requests: UInt64) {
            self.seconds = seconds
            self.microsPerRequest = requests > 0 ? seconds * 1_000_000 / Double(requests) : 0
        }
    }

    /// Connections opened.
    public var connections: Int
    /// Calls kept in flight on each connection.
    public var inFlightPerConnection: Int
    /// Length of the measured interval, warm-up excluded.
    public var durationSeconds: Double
    /// Requests that completed (any status) in the measured interval.
    public var completed: UInt64
    /// Completed requests per second.
    public var achievedRate: Double
    /// Completed requests by status name; "OK" for every success.
    public var statuses: [String: UInt64]
    /// Latency from send (or intended send) to answer.
    public var latencyMicros: Latency
    /// The load client's own CPU.
    public var client: CPU
    /// The server's CPU, when its process id was given.
    public var server: CPU?

    /// Creates a report.
    public init(
        connections: Int,
        inFlightPerConnection: Int,
        durationSeconds: Double,
        completed: UInt64,
        statuses: [String: UInt64],
        latencyMicros: Latency,
        client: CPU,
        server: CPU?
    ) {
        self.connections = connections
        self.inFlightPerConnection = inFlightPerConnection
        self.durationSeconds = durationSeconds
        self.completed = completed
        self.achievedRate = durationSeconds > 0 ? Double(completed) / durationSeconds : 0
        self.statuses = statuses
        self.latencyMicros = latencyMicros
        self.client = client
        self.server = server
    }
}
