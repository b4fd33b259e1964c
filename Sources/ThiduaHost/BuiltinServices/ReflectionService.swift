import ThiduaCalls
import ThiduaWire

/// `thidua.host.v1.Reflection`: the services, their methods, and the descriptors a generic client
/// needs to encode requests and decode answers.
struct ReflectionService: RegistrableService {
    let directory: HostDirectory

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.host.v1.Reflection") { service in
            service.unary(Methods.Host.Reflection.listServices) { (_: ListServicesRequest, _) -> ListServicesResponse in
                let router = self.directory.router
                return .with { $0.services = router.serviceNames.map { Self.describe($0, in: router) } }
            }
            service.unary(Methods.Host.Reflection.describeService) { (request: DescribeServiceRequest, _) -> DescribeServiceResponse in
                let router = self.directory.router
                guard router.serviceNames.contains(request.service),
                    let files = router.catalog.fileDescriptors(forService: request.service)
                else {
                    throw RPCError(
                        .notFound,
                        "service \"\(request.service)\" is not offered by this server",
                        field: "service",
                        rule: "reflection.service_known",
                        values: ["service": request.service]
                    )
                }
                return .with {
                    $0.service = Self.describe(request.service, in: router)
                    $0.fileDescriptors = files
                }
            }
        }
    }

    private static func describe(_ service: String, in router: Router) -> ServiceDescription {
        let routes = router.routes.filter { $0.descriptor.service == service }
        return .with {
            $0.name = service
            $0.moduleID = routes.first?.moduleID ?? ""
            $0.methods = routes.map { route in
                .with {
                    $0.name = route.descriptor.name
                    $0.path = route.descriptor.path
                    $0.inputType = route.descriptor.inputType
                    $0.outputType = route.descriptor.outputType
                    $0.serverStreaming = route.descriptor.kind == .serverStreaming
                    $0.permission = route.descriptor.permission ?? ""
                }
            }
        }
    }
}
