import ThiduaCalls
import ThiduaWire

/// `thidua.host.v1.Echo`: answers that exercise the whole call path and nothing else.
struct EchoService: RegistrableService {
    static let maxDelayMilliseconds: UInt32 = 60_000
    static let maxStreamCount: UInt32 = 100_000

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.host.v1.Echo") { service in
            service.unary(Methods.Host.Echo.unary, limits: .bulk) { (request: EchoRequest, _) -> EchoReply in
                try Self.check(request.delayMs, at: Self.maxDelayMilliseconds, field: "delay_ms")
                if request.delayMs > 0 {
                    try await Task.sleep(for: .milliseconds(request.delayMs))
                }
                return .with { $0.payload = request.payload }
            }
            service.serverStreaming(Methods.Host.Echo.stream, limits: .bulk) { (request: EchoStreamRequest, stream: ResponseStream<EchoReply>, _) in
                try Self.check(request.count, at: Self.maxStreamCount, field: "count")
                try Self.check(request.intervalMs, at: Self.maxDelayMilliseconds, field: "interval_ms")
                let reply = EchoReply.with { $0.payload = request.payload }
                for _ in 0..<request.count {
                    if request.intervalMs > 0 {
                        try await Task.sleep(for: .milliseconds(request.intervalMs))
                    }
                    try await stream.send(reply)
                }
            }
        }
    }

    private static func check(_ value: UInt32, at limit: UInt32, field: String) throws(RPCError) {
        guard value <= limit else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(value); the most allowed is \(limit)",
                field: field,
                rule: "echo.\(field).max",
                values: ["value": "\(value)", "limit": "\(limit)"]
            )
        }
    }
}
