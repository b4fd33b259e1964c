import GRPCCore
import GRPCProtobuf
import ThiduaModuleKit

/// `thidua.host.v1.Echo/Unary` served over gRPC: the same messages and the same answer as thidua's
/// Echo, so the two servers do the same work per request. Written against GRPCCore's router
/// directly, so no code generator is needed.
public struct EchoGRPCService: RegistrableRPCService {
    /// The method's descriptor, shared with the client.
    public static let unary = GRPCCore.MethodDescriptor(fullyQualifiedService: "thidua.host.v1.Echo", method: "Unary")

    /// Creates the service.
    public init() {}

    /// Registers `Unary` with `router`.
    public func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: Self.unary,
            deserializer: ProtobufDeserializer<EchoRequest>(),
            serializer: ProtobufSerializer<EchoReply>()
        ) { stream, _ in
            let request = try await ServerRequest(stream: stream)
            let reply = EchoReply.with { $0.payload = request.message.payload }
            return StreamingServerResponse(single: ServerResponse(message: reply))
        }
    }
}
