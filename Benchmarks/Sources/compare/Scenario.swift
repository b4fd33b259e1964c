/// One load shape of the comparison.
struct Scenario: Sendable {
    let name: String
    let connections: Int
    /// Calls in flight on each connection; the scenario's total is `connections * inFlightPerConnection`.
    let inFlightPerConnection: Int

    /// A: 1 connection, 1 call in flight. B: 4 connections, 64 in flight. C: 16 connections, 256 in flight.
    static let all = [
        Scenario(name: "A", connections: 1, inFlightPerConnection: 1),
        Scenario(name: "B", connections: 4, inFlightPerConnection: 16),
        Scenario(name: "C", connections: 16, inFlightPerConnection: 16),
    ]
}

/// A server under comparison and the client that loads it.
struct System: Sendable {
    let name: String
    let serverPath: String
    let serverArguments: [String]
    let clientPath: String
    /// Arguments beyond the common ones (port, connections, in flight, duration, warm-up, server pid).
    let clientArguments: [String]
}
