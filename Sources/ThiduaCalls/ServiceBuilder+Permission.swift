import SwiftProtobuf

extension ServiceBuilder {
    /// A unary method that only callers whose key holds `permission` may call.
    public mutating func unary<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ name: String,
        permission: String,
        _ handler: @escaping @Sendable (Input, CallContext) async throws -> Output
    ) {
        let descriptor = MethodDescriptor(
            service: self.serviceName,
            name: name,
            inputType: Input.protoMessageName,
            outputType: Output.protoMessageName,
            kind: .unary,
            permission: permission
        )
        self.raw(descriptor) { request, context in
            let input = try Input(decoding: request.payload)
            let output = try await handler(input, context)
            try await context.responder.send(output.serializedBytes())
        }
    }

    /// A server-streaming method that only callers whose key holds `permission` may call.
    public mutating func serverStreaming<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ name: String,
        permission: String,
        _ handler: @escaping @Sendable (Input, ResponseStream<Output>, CallContext) async throws -> Void
    ) {
        let descriptor = MethodDescriptor(
            service: self.serviceName,
            name: name,
            inputType: Input.protoMessageName,
            outputType: Output.protoMessageName,
            kind: .serverStreaming,
            permission: permission
        )
        self.raw(descriptor) { request, context in
            let input = try Input(decoding: request.payload)
            try await handler(input, ResponseStream(responder: context.responder), context)
        }
    }
}
