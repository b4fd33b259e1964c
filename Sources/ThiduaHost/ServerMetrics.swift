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

    private let methods: [String: MethodCounter]
    private let methodOrder: [String]
    private let open = Atomic<Int>(0)
    private let accepted = Atomic<UInt64>(0)
    private let refused = Atomic<UInt64>(0)
    private let unknownMethods = Atomic<UInt64>(0)

    /// - Parameter methodPaths: every routable method, in the order reports list them.
    public init(methodPaths: [String]) {
        self.methodOrder = methodPaths
        self.methods = Dictionary(uniqueKeysWithValues: self.methodOrder.map { ($0, MethodCounter()) })
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

    func unknownMethodCalled() {
        self.unknownMethods.add(1, ordering: .relaxed)
    }

    func record(path: String, code: StatusCode, latency: Duration) {
        let micros = UInt64(clamping: latency.components.seconds * 1_000_000 + latency.components.attoseconds / 1_000_000_000_000)
        self.methods[path]?.stats.withLock { stats in
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
            response.methods = self.methodOrder.compactMap { path in
                guard let stats = self.methods[path]?.stats.withLock({ $0 }), stats.calls > 0 else { return nil }
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

/// Records every call's outcome and latency in ``ServerMetrics``.
struct MetricsInterceptor: CallInterceptor {
    let metrics: ServerMetrics

    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        let start = ContinuousClock.now
        do {
            try await next(request, context)
            self.metrics.record(path: context.method.path, code: .ok, latency: .now - start)
        } catch {
            self.metrics.record(path: context.method.path, code: RPCError(mapping: error).code, latency: .now - start)
            throw error
        }
    }
}

/// Logs every call at debug level, and refused calls at info level.
struct LoggingInterceptor: CallInterceptor {
    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        let start = ContinuousClock.now
        do {
            try await next(request, context)
            if context.logger.logLevel <= .debug {
                context.logger.debug(
                    "call ok",
                    metadata: ["method": "\(context.method.path)", "call": "\(context.callID)", "elapsed": "\(ContinuousClock.now - start)"]
                )
            }
        } catch {
            let status = RPCError(mapping: error)
            context.logger.info(
                "call refused",
                metadata: [
                    "method": "\(context.method.path)", "call": "\(context.callID)",
                    "status": "\(status.code.name)", "message": "\(status.message)",
                ]
            )
            throw error
        }
    }
}
