import SwiftProtobuf

/// The typed names of every method the server serves, generated from the .proto files into each
/// API target (`Methods.Core.Units.createUnit`, `Methods.Innovation.Initiatives.fileInitiative`,
/// `Methods.Host.Echo.unary`): a method is named by a constant that carries its request and response
/// types, so a call with the wrong message does not compile.
public enum Methods {}

/// A method answering one request with one response.
public struct UnaryMethod<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable, CustomStringConvertible {
    /// "package.Service/Method", as on the wire.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    public var description: String { self.path }
}

/// A method answering one request with a stream of responses.
public struct ServerStreamingMethod<Request: SwiftProtobuf.Message, Response: SwiftProtobuf.Message>: Sendable, CustomStringConvertible {
    /// "package.Service/Method", as on the wire.
    public let path: String

    public init(_ path: String) {
        self.path = path
    }

    public var description: String { self.path }
}
