import ThiduaWire

import Foundation
import SwiftProtobuf

/// A set of methods that registers itself with the router. The host never sees the types behind
/// them: it only routes method paths to the bodies registered here.
public protocol RegistrableService: Sendable {
    func register(into registrar: inout ServiceRegistrar)
    /// What one request of `method` (its name, such as "ImportDecidedRegister") may hold:
    /// `.standard` unless the service says otherwise.
    func limits(of method: String) -> RequestLimits
}

extension RegistrableService {
    public func limits(of method: String) -> RequestLimits { .standard }
}

/// Who registers services: the host, the core or a campaign module, with the permissions it
/// declared. The host sets it around each one's registration, so no service names its owner, and
/// the registrar holds every service to its owner's contract.
public struct ServiceOwner: Sendable, Hashable {
    /// "host", "core" or the module's id.
    public let id: String
    /// The permissions the owner declared: its methods may need only these.
    public let permissions: Set<String>

    public init(id: String, permissions: Set<String>) {
        self.id = id
        self.permissions = permissions
    }

    /// The package every service of the owner lives in: "thidua.<id>.v1.".
    public var namespace: String { "thidua.\(self.id).v1." }
}

/// Collects the services and methods that make up a server, before the ``Router`` is built.
public struct ServiceRegistrar: Sendable {
    /// One registered method.
    public struct Entry: Sendable {
        public let descriptor: MethodDescriptor
        public let moduleID: String
        let body: CallBody
    }

    public private(set) var entries: [Entry] = []
    /// Base64 `FileDescriptorSet`s describing the registered services' messages.
    public private(set) var descriptorSets: [String] = []
    /// Each way a registration broke its owner's contract; the router refuses to start on any.
    public private(set) var contractViolations: [String] = []
    /// Who registers now; see ``register(as:_:)``.
    private var owner = ServiceOwner(id: "host", permissions: [])
    private var serviceOwners: [String: String] = [:]

    public init() {}

    /// Runs `body` with `owner` as the owner of every service it adds. For the host only: a
    /// module cannot claim another owner.
    package mutating func register(as owner: ServiceOwner, _ body: (inout ServiceRegistrar) -> Void) {
        let previous = self.owner
        self.owner = owner
        body(&self)
        self.owner = previous
    }

    /// Adds every method of `service`.
    public mutating func register(_ service: some RegistrableService) {
        service.register(into: &self)
    }

    /// Makes the descriptors in `base64Set` (a serialized `FileDescriptorSet`) available to
    /// reflection. Every registered method must be declared in one of these sets.
    public mutating func addDescriptorSet(base64 base64Set: String) {
        if !self.descriptorSets.contains(base64Set) {
            self.descriptorSets.append(base64Set)
        }
    }

    /// Registers the methods of one protobuf service, named in full ("thidua.host.v1.Health"). The
    /// service must be in its owner's package (`thidua.<owner>.v1`), and each method may need only a
    /// permission its owner declared.
    public mutating func addService(_ serviceName: String, _ build: (inout ServiceBuilder) -> Void) {
        let owner = self.owner
        var builder = ServiceBuilder(serviceName: serviceName, moduleID: owner.id)
        build(&builder)
        let local = serviceName.dropFirst(owner.namespace.count)
        if !serviceName.hasPrefix(owner.namespace) || local.isEmpty || local.contains(".") {
            self.contractViolations.append(
                "\(owner.id) registers the service \(serviceName), outside its package \(owner.namespace)*"
            )
        }
        if let other = self.serviceOwners[serviceName], other != owner.id {
            self.contractViolations.append("\(owner.id) and \(other) both register the service \(serviceName)")
        }
        self.serviceOwners[serviceName] = owner.id
        for entry in builder.entries {
            if entry.descriptor.service != serviceName {
                self.contractViolations.append(
                    "\(owner.id) registers \(entry.descriptor.path) inside the service \(serviceName)"
                )
            }
            if let permission = entry.descriptor.permission, !owner.permissions.contains(permission) {
                self.contractViolations.append(
                    "\(entry.descriptor.path) needs the permission \"\(permission)\", which \(owner.id) does not declare"
                )
            }
        }
        self.entries.append(contentsOf: builder.entries)
    }
}

/// Registers the methods of one service; see ``ServiceRegistrar/addService(_:_:)``.
public struct ServiceBuilder: Sendable {
    public let serviceName: String
    public let moduleID: String
    fileprivate var entries: [ServiceRegistrar.Entry] = []

    fileprivate init(serviceName: String, moduleID: String) {
        self.serviceName = serviceName
        self.moduleID = moduleID
    }

    /// A method that takes one message and answers with one. With a `permission`, only callers
    /// whose key holds it may call the method. `limits` bound what one request may hold.
    public mutating func unary<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ name: String,
        permission: String? = nil,
        limits: RequestLimits = .standard,
        _ handler: @escaping @Sendable (Input, CallContext) async throws -> Output
    ) {
        let descriptor = self.descriptor(name, Input.self, Output.self, .unary, permission, limits)
        self.raw(descriptor) { request, context in
            let input = try Input(decoding: request.payload)
            let output = try await handler(input, context)
            try await context.responder.send(output.serializedBytes())
        }
    }

    /// A method that takes one message and answers with a stream of them. With a `permission`,
    /// only callers whose key holds it may call the method. `limits` bound what one request may hold.
    public mutating func serverStreaming<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ name: String,
        permission: String? = nil,
        limits: RequestLimits = .standard,
        _ handler: @escaping @Sendable (Input, ResponseStream<Output>, CallContext) async throws -> Void
    ) {
        let descriptor = self.descriptor(name, Input.self, Output.self, .serverStreaming, permission, limits)
        self.raw(descriptor) { request, context in
            let input = try Input(decoding: request.payload)
            try await handler(input, ResponseStream(responder: context.responder), context)
        }
    }

    /// ``unary(_:permission:limits:_:)`` for a method named by its generated constant
    /// (`Methods.Innovation.Initiatives.fileInitiative`): the handler's types must be the method's.
    public mutating func unary<Input, Output>(
        _ method: UnaryMethod<Input, Output>,
        permission: String? = nil,
        limits: RequestLimits = .standard,
        _ handler: @escaping @Sendable (Input, CallContext) async throws -> Output
    ) {
        self.unary(self.localName(of: method.path), permission: permission, limits: limits, handler)
    }

    /// ``serverStreaming(_:permission:limits:_:)`` for a method named by its generated constant.
    public mutating func serverStreaming<Input, Output>(
        _ method: ServerStreamingMethod<Input, Output>,
        permission: String? = nil,
        limits: RequestLimits = .standard,
        _ handler: @escaping @Sendable (Input, ResponseStream<Output>, CallContext) async throws -> Void
    ) {
        self.serverStreaming(self.localName(of: method.path), permission: permission, limits: limits, handler)
    }

    /// "Method" of "package.Service/Method"; a method of another service keeps its full path, which
    /// ``descriptor(_:_:_:_:_:_:)`` files under its own service, so the registrar reports it.
    private func localName(of path: String) -> String {
        path.hasPrefix(self.serviceName + "/") ? String(path.dropFirst(self.serviceName.count + 1)) : path
    }

    /// A method whose body handles encoded messages itself, for example one that forwards calls to
    /// a module running in another process.
    public mutating func raw(_ descriptor: MethodDescriptor, body: @escaping CallBody) {
        self.entries.append(.init(descriptor: descriptor, moduleID: self.moduleID, body: body))
    }

    private func descriptor<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ name: String,
        _: Input.Type,
        _: Output.Type,
        _ kind: MethodKind,
        _ permission: String?,
        _ limits: RequestLimits
    ) -> MethodDescriptor {
        let path = name.split(separator: "/", maxSplits: 1)
        return MethodDescriptor(
            service: path.count == 2 ? String(path[0]) : self.serviceName,
            name: String(path.last ?? ""),
            inputType: Input.protoMessageName,
            outputType: Output.protoMessageName,
            kind: kind,
            permission: permission,
            requestLimits: limits
        )
    }
}

extension SwiftProtobuf.Message {
    /// Decodes a request payload; failure is the client's fault, so it becomes INVALID_ARGUMENT.
    init(decoding payload: Data) throws(RPCError) {
        do {
            try self.init(serializedBytes: payload)
        } catch {
            throw RPCError(
                .invalidArgument,
                "the payload does not decode as \(Self.protoMessageName): \(error)",
                field: "payload",
                rule: "payload.decode"
            )
        }
    }
}
