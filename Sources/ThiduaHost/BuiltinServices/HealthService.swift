import ThiduaCalls
import ThiduaWire

/// `thidua.host.v1.Health`: is the server, or one of its services, serving?
struct HealthService: RegistrableService {
    static let name = "thidua.host.v1.Health"
    let directory: HostDirectory

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService(Self.name) { service in
            service.unary(Methods.Host.Health.check) { (request: HealthCheckRequest, _) -> HealthCheckResponse in
                guard self.isKnown(request.service) else {
                    throw RPCError(
                        .notFound,
                        "service \"\(request.service)\" is not offered by this server",
                        field: "service",
                        rule: "health.service_known",
                        values: ["service": request.service]
                    )
                }
                return Self.response(serving: self.directory.health.isServing)
            }
            service.serverStreaming(Methods.Host.Health.watch) { (request: HealthCheckRequest, stream: ResponseStream<HealthCheckResponse>, _) in
                guard self.isKnown(request.service) else {
                    try await stream.send(.with { $0.status = .serviceUnknown })
                    return
                }
                for await serving in self.directory.health.updates() {
                    try await stream.send(Self.response(serving: serving))
                }
                // The updates also end when this call is cancelled or its deadline passes: that
                // is not a shutdown, and the transport has already answered the client.
                try Task.checkCancellation()
                throw RPCError(.unavailable, "the server is shutting down")
            }
        }
    }

    private func isKnown(_ service: String) -> Bool {
        service.isEmpty || self.directory.router.route(forServiceNamed: service)
    }

    private static func response(serving: Bool) -> HealthCheckResponse {
        .with { $0.status = serving ? .serving : .notServing }
    }
}

extension Router {
    fileprivate func route(forServiceNamed name: String) -> Bool {
        self.routes.contains { $0.descriptor.service == name }
    }
}
