/// The outcome of a call that did not succeed: a status code with a message and structured
/// details. Servers throw it from handlers; clients receive it when a call ends with a non-OK
/// status.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: StatusCode
    /// For people; must not reveal internals of the server.
    public var message: String
    /// For machines: which field, which rule.
    public var details: [ErrorDetail]

    public init(_ code: StatusCode, _ message: String, details: [ErrorDetail] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// An error about one request field and the rule it broke.
    ///
    /// - Parameter values: what the rule's message is written with, by parameter name, such as
    ///   `["approving": "90", "total": "200"]`: a client that asked for another language gets the
    ///   rule's message in it with these filled in (docs/RULES.md lists each rule's parameters).
    public init(_ code: StatusCode, _ message: String, field: String, rule: String, values: [String: String] = [:]) {
        self.init(code, message, details: [ErrorDetail(field: field, rule: rule, description: message, values: values)])
    }

    /// Reads the error out of a final status.
    public init(status: CallStatus) {
        self.init(status.code, status.message, details: status.details)
    }

    public var description: String {
        var text = "\(self.code.name): \(self.message)"
        for detail in self.details where !detail.rule.isEmpty || !detail.field.isEmpty {
            text += " [\(detail.field.isEmpty ? "" : "field \(detail.field), ")rule \(detail.rule)]"
        }
        return text
    }
}

/// A domain error that knows which status it should reach the client as.
public protocol RPCErrorConvertible: Error {
    var rpcError: RPCError { get }
}

extension ErrorDetail {
    /// A reason: the request field, the rule it broke, the server's own text and the values the
    /// rule's message takes.
    public init(field: String = "", rule: String, description: String, values: [String: String] = [:]) {
        self.init()
        self.field = field
        self.rule = rule
        self.description_p = description
        self.values = values
    }
}
