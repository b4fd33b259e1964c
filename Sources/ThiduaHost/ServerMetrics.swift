import Synchronization
import ThiduaCalls
import ThiduaWire

/// Counters an operator reads through `ServerInfo/GetMetrics`: connections, and calls per method
/// by status with their total latency.
public final class ServerMetrics: Sendable {
    struct MethodStats {
        var calls: UInt64 = 0
        var byStatus: [Int: UInt64] = [:]
        var totalLatencyMicros: UInt64 = 0
    }

    /// One lock per method, so calls to different methods never contend.
    private final class MethodCounter: Sendable {
        let stats = Mutex(MethodStats())
    }

    /// Indexed like the router's routes.
    private let methods: [MethodCounter]
    private let methodOrder: [String]
    private let open = Atomic<Int>(0)
    private let accepted = Atomic<UInt64>(0)
    private let refused = Atomic<UInt64>(0)
    private let unknownMethods = Atomic<UInt64>(0)
    private let stalled = Atomic<UInt64>(0)
    private let waitingForPeer = Atomic<Int>(0)

    /// - Parameter methodPaths: every routable method, in the router's order.
    public init(methodPaths: [String]) {
        self.methodOrder = methodPaths
        self.methods = methodPaths.map { _ in MethodCounter() }
    }

    public var openConnections: Int { self.open.load(ordering: .relaxed) }

    func connectionOpened() {
        self.open.add(1, ordering: .relaxed)
        self.accepted.add(1, ordering: .relaxed)
    }

    func connectionClosed() {
        self.open.subtract(1, ordering: .relaxed)
    }

    /// A connection was closed because the peer broke the protocol.
    func connectionRefused() {
        self.refused.add(1, ordering: .relaxed)
    }

    /// A connection was closed because its peer read nothing for the write-stall timeout.
    func connectionStalled() {
        self.stalled.add(1, ordering: .relaxed)
    }

    /// A stream paused because its peer is not reading.
    func streamStartedWaiting() {
        self.waitingForPeer.add(1, ordering: .relaxed)
    }

    func streamStoppedWaiting() {
        self.waitingForPeer.subtract(1, ordering: .relaxed)
    }

    func unknownMethodCalled() {
        self.unknownMethods.add(1, ordering: .relaxed)
    }

    /// Counts a call that ended with `code`, as the client was told, by the route's index.
    func record(routeIndex: Int, code: StatusCode, latency: Duration) {
        let micros = UInt64(clamping: latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000)
        self.methods[routeIndex].stats.withLock { stats in
            stats.calls += 1
            stats.byStatus[code.rawValue, default: 0] += 1
            stats.totalLatencyMicros += micros
        }
    }

    /// A snapshot in wire form.
    func snapshot() -> GetMetricsResponse {
        GetMetricsResponse.with { response in
            response.openConnections = UInt64(max(0, self.open.load(ordering: .relaxed)))
            response.acceptedConnections = self.accepted.load(ordering: .relaxed)
            response.refusedConnections = self.refused.load(ordering: .relaxed)
            response.stalledConnections = self.stalled.load(ordering: .relaxed)
            response.streamsWaitingForPeer = UInt64(max(0, self.waitingForPeer.load(ordering: .relaxed)))
            response.methods = self.methodOrder.indices.compactMap { index in
                let path = self.methodOrder[index]
                let stats = self.methods[index].stats.withLock { $0 }
                guard stats.calls > 0 else { return nil }
                return MethodMetrics.with {
                    $0.path = path
                    $0.calls = stats.calls
                    $0.totalLatencyMicros = stats.totalLatencyMicros
                    for (code, count) in stats.byStatus {
                        $0.byStatus[StatusCode(rawValue: code)?.name ?? "CODE_\(code)"] = count
                    }
                }
            }
            let unknown = self.unknownMethods.load(ordering: .relaxed)
            if unknown > 0 {
                response.methods.append(MethodMetrics.with {
                    $0.path = "(unknown methods)"
                    $0.calls = unknown
                    $0.byStatus[StatusCode.unimplemented.name] = unknown
                })
            }
        }
    }
}
