import ThiduaWire

import Foundation
import SwiftProtobuf

/// A set of methods that registers itself with the router. The host never sees the types behind
/// them: it only routes method paths to the bodies registered here.
public protocol RegistrableService: Sendable {
    func register(into registrar: inout ServiceRegistrar)
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

    public init() {}

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

    /// Registers the methods of one protobuf service, named in full ("thidua.host.v1.Health").
    public mutating func addService(
        _ serviceName: String,
        moduleID: String,
        _ build: (inout ServiceBuilder) -> Void
    ) {
        var builder = ServiceBuilder(serviceName: serviceName, moduleID: moduleID)
        build(&builder)
        self.entries.append(contentsOf: builder.entries)
    }
}

/// Registers the methods of one service; see ``ServiceRegistrar/addService(_:moduleID:_:)``.
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
        MethodDescriptor(
            service: self.serviceName,
            name: name,
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
