import Logging
import NIOCore
import NIOPosix
import ThiduaCalls
import ThiduaModuleKit
import ThiduaWire

/// Assembles a ``Server``: the built-in services, the enabled campaign modules, the interceptor
/// chain and the router, checked against the configuration.
public struct HostBuilder {
    public var configuration: ServerConfiguration
    /// Every module this build knows; the configuration chooses which are enabled.
    public var availableModules: [any CampaignModule]
    public var authenticator: any HelloAuthenticator = AcceptingAuthenticator()
    /// Run around every call, after logging and metrics, outermost first.
    public var interceptors: [any CallInterceptor] = []
    public var logger: Logger
    public var eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    public init(configuration: ServerConfiguration, availableModules: [any CampaignModule], logger: Logger) {
        self.configuration = configuration
        self.availableModules = availableModules
        self.logger = logger
    }

    /// The modules the configuration enables, in its order; throws for an unknown id.
    public func enabledModules() throws -> [any CampaignModule] {
        guard let wanted = self.configuration.enabledModules else { return self.availableModules }
        return try wanted.map { id in
            guard let module = self.availableModules.first(where: { $0.id == id }) else {
                let known = self.availableModules.map(\.id).joined(separator: ", ")
                throw ConfigurationError("unknown module \"\(id)\"; this build has: \(known.isEmpty ? "none" : known)")
            }
            return module
        }
    }

    public func makeServer() throws -> Server {
        try self.configuration.validate()
        let modules = try self.enabledModules()
        let directory = HostDirectory(modules: modules.map { .init(id: $0.id, version: $0.version) })

        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(HealthService(directory: directory))
        registrar.register(ReflectionService(directory: directory))
        registrar.register(ServerInfoService(directory: directory))
        registrar.register(EchoService())
        for module in modules {
            module.register(into: &registrar)
        }

        let metrics = ServerMetrics(methodPaths: registrar.entries.map(\.descriptor.path))
        let router = try Router(
            registrar,
            interceptors: [LoggingInterceptor(), MetricsInterceptor(metrics: metrics)] + self.interceptors
        )
        directory.install(router: router, metrics: metrics)

        let hello = ServerHello.with {
            $0.protocolVersion = WireProtocol.version
            $0.serverVersion = ThiduaVersion.current
            $0.limits = self.configuration.limits.wireLimits
            $0.services = router.serviceNames
        }
        let shared = ConnectionHandler.Shared(
            router: router,
            limits: self.configuration.limits,
            serverHello: hello,
            authenticator: self.authenticator,
            metrics: metrics,
            logger: self.logger
        )
        return Server(configuration: self.configuration, directory: directory, shared: shared, group: self.eventLoopGroup)
    }
}
