import ThiduaCalls
import ThiduaWire

/// `thidua.host.v1.ServerInfo`: version, modules, uptime and call metrics, for operators.
struct ServerInfoService: RegistrableService {
    let directory: HostDirectory

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.host.v1.ServerInfo") { service in
            service.unary(Methods.Host.ServerInfo.getInfo) { (_: GetInfoRequest, _) -> GetInfoResponse in
                let router = self.directory.router
                return .with {
                    $0.serverVersion = ThiduaVersion.current
                    $0.protocolVersion = WireProtocol.version
                    $0.startedAtUnixMs = Int64(self.directory.startedAt.timeIntervalSince1970 * 1000)
                    $0.openConnections = UInt64(max(0, self.directory.metrics.openConnections))
                    $0.modules = self.directory.modules.map { module in
                        .with {
                            $0.id = module.id
                            $0.version = module.version
                            $0.services = router.serviceNames.filter { name in
                                router.routes.contains { $0.moduleID == module.id && $0.descriptor.service == name }
                            }
                        }
                    }
                }
            }
            service.unary(Methods.Host.ServerInfo.getMetrics) { (_: GetMetricsRequest, _) -> GetMetricsResponse in
                self.directory.metrics.snapshot()
            }
        }
    }
}
