/// What every closed-loop echo client is asked to do.
public struct LoadPlan: Sendable {
    public var host: String
    public var port: Int
    public var connections: Int
    public var inFlightPerConnection: Int
    public var durationSeconds: Double
    public var warmupSeconds: Double
    public var payloadBytes: Int
    public var serverPID: Int32?

    /// Creates a plan.
    public init(
        host: String, port: Int, connections: Int, inFlightPerConnection: Int,
        durationSeconds: Double, warmupSeconds: Double, payloadBytes: Int, serverPID: Int32?
    ) {
        self.host = host
        self.port = port
        self.connections = connections
        self.inFlightPerConnection = inFlightPerConnection
        self.durationSeconds = durationSeconds
        self.warmupSeconds = warmupSeconds
        self.payloadBytes = payloadBytes
        self.serverPID = serverPID
    }
}
