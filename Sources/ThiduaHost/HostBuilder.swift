import Logging
import NIOCore
import NIOPosix
import ThiduaCalls
import ThiduaModuleKit
import ThiduaWire

/// Assembles a ``Server``: the built-in services, the provisioned runtimes (the core and the
/// campaign modules), the interceptor chain and the router.
public struct HostBuilder {
    public var configuration: ServerConfiguration
    /// What the server serves besides its built-in services, in order; cleaned up in reverse.
    public var runtimes: [HostedRuntime]
    public var authenticator: any HelloAuthenticator = AnonymousAuthenticator()
    /// Run around every call, after authorization, outermost first. The transport counts and
    /// logs every call with the status its client is sent.
    public var interceptors: [any CallInterceptor] = []
    /// The permissions each runtime declared, by its id; its methods may need only these.
    public var declaredPermissions: [String: Set<String>] = [:]
    /// The rules the runtimes raise, besides the call layer's and the host's own
    /// (``CallRuleCatalogue``, ``HostRuleCatalogue``): what refusals are written from in the
    /// language a client asks for.
    public var rules: [RuleDescription] = []
    public var logger: Logger
    public var eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton

    public init(configuration: ServerConfiguration, runtimes: [HostedRuntime], logger: Logger) {
        self.configuration = configuration
        self.runtimes = runtimes
        self.logger = logger
    }

    public func makeServer() throws -> Server {
        try self.configuration.validate()
        let rules = try RuleCatalogue(CallRuleCatalogue.all + HostRuleCatalogue.all + self.rules)
        let directory = HostDirectory(modules: self.runtimes.map { .init(id: $0.id, version: $0.version) })

        var registrar = ServiceRegistrar()
        registrar.addDescriptorSet(base64: WireProtoFiles.descriptorSetBase64)
        registrar.register(as: ServiceOwner(id: "host", permissions: [])) { registrar in
            registrar.register(HealthService(directory: directory))
            registrar.register(ReflectionService(directory: directory))
            registrar.register(ServerInfoService(directory: directory))
            registrar.register(EchoService())
        }
        for hosted in self.runtimes {
            let owner = ServiceOwner(id: hosted.id, permissions: self.declaredPermissions[hosted.id] ?? [])
            registrar.register(as: owner) { hosted.runtime.register(into: &$0) }
        }

        let metrics = ServerMetrics(methodPaths: registrar.entries.map(\.descriptor.path))
        let router = try Router(
            registrar,
            interceptors: [AuthorizationInterceptor(authenticator: self.authenticator)] + self.interceptors
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
            requestBudget: RequestBudget(limit: self.configuration.limits.serverRequestBudget),
            rules: rules,
            logger: self.logger
        )
        return Server(
            configuration: self.configuration,
            directory: directory,
            shared: shared,
            runtimes: self.runtimes.map(\.runtime),
            group: self.eventLoopGroup
        )
    }
}

/// A provisioned runtime with the id and version of what provisioned it, the core or a module:
/// its services are registered under that id, and held to the permissions declared under it.
public struct HostedRuntime: Sendable {
    public let id: String
    public let version: String
    public let runtime: any ModuleRuntime

    public init(id: String, version: String, runtime: any ModuleRuntime) {
        self.id = id
        self.version = version
        self.runtime = runtime
    }
}
