/// How a method answers.
public enum MethodKind: Sendable, Hashable {
    /// One request, one response message (carried in the final status).
    case unary
    /// One request, any number of response messages, then a final status.
    case serverStreaming
}

/// Everything the router and the reflection service know about one method.
public struct MethodDescriptor: Sendable, Hashable {
    /// The fully qualified service name, such as "thidua.host.v1.Health".
    public let service: String
    /// The method name alone, such as "Check".
    public let name: String
    /// The name used on the wire, "service/name".
    public let path: String
    /// Fully qualified protobuf message names.
    public let inputType: String
    public let outputType: String
    public let kind: MethodKind
    /// The permission a caller's key must hold, such as "units.write"; nil for a method anyone
    /// connected may call.
    public let permission: String?
    /// What one request may hold; checked before the request is decoded.
    public let requestLimits: RequestLimits

    public init(
        service: String,
        name: String,
        inputType: String,
        outputType: String,
        kind: MethodKind,
        permission: String? = nil,
        requestLimits: RequestLimits = .standard
    ) {
        self.service = service
        self.name = name
        self.path = "\(service)/\(name)"
        self.inputType = inputType
        self.outputType = outputType
        self.kind = kind
        self.permission = permission
        self.requestLimits = requestLimits
    }
}
