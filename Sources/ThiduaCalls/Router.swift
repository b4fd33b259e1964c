import ThiduaWire

/// Maps method paths to the bodies that serve them, with the interceptor chain already composed
/// around each body. Built once at start-up; immutable and shared by every connection after that.
public struct Router: Sendable {
    /// One routable method.
    public struct Route: Sendable {
        public let descriptor: MethodDescriptor
        public let moduleID: String
        /// A dense number, 0..<routes.count, for per-method tables such as metrics.
        public let index: Int
        /// The handler wrapped in every interceptor.
        public let body: CallBody
    }

    private let routesByPath: [String: Route]
    /// Every route, ordered by ``Route/index``.
    public let routes: [Route]
    /// The descriptors of every registered service, for reflection.
    public let catalog: DescriptorCatalog

    /// Builds the router. Fails when two methods share a path, or when a method is missing from the
    /// descriptor sets or disagrees with them about its types or streaming.
    ///
    /// - Parameter interceptors: run outermost first.
    public init(_ registrar: ServiceRegistrar, interceptors: [any CallInterceptor] = []) throws {
        guard registrar.contractViolations.isEmpty else {
            throw RouterError("the services break their owners' contract:\n  " + registrar.contractViolations.joined(separator: "\n  "))
        }
        let catalog = try DescriptorCatalog(base64Sets: registrar.descriptorSets)
        var routes: [Route] = []
        var routesByPath: [String: Route] = [:]
        for entry in registrar.entries {
            guard routesByPath[entry.descriptor.path] == nil else {
                throw RouterError("method \(entry.descriptor.path) is registered twice")
            }
            try catalog.check(entry.descriptor)
            // Innermost: a caller without the method's permission learns nothing of its rules.
            let screen = RequestScreen(inputType: entry.descriptor.inputType, limits: entry.descriptor.requestLimits, catalog: catalog)
            let handler = entry.body
            let screened: CallBody = { request, context in
                var request = request
                try screen.apply(to: &request.payload)
                try await handler(request, context)
            }
            let body = interceptors.reversed().reduce(screened) { next, interceptor in
                { request, context in
                    try await interceptor.intercept(request, context: context, next: next)
                }
            }
            let route = Route(descriptor: entry.descriptor, moduleID: entry.moduleID, index: routes.count, body: body)
            routes.append(route)
            routesByPath[route.descriptor.path] = route
        }
        self.routes = routes
        self.routesByPath = routesByPath
        self.catalog = catalog
    }

    /// The route for a wire method path such as "thidua.host.v1.Health/Check".
    public func route(forPath path: String) -> Route? {
        self.routesByPath[path]
    }

    /// Fully qualified names of every service, in registration order.
    public var serviceNames: [String] {
        var seen = Set<String>()
        return self.routes.map(\.descriptor.service).filter { seen.insert($0).inserted }
    }
}

/// A mistake in how services were registered, found at start-up.
public struct RouterError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
