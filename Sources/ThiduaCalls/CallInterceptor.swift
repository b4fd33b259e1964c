import ThiduaWire

/// The body of a call as the router runs it: decode, handle, answer through the context's responder.
public typealias CallBody = @Sendable (CallRequest, CallContext) async throws -> Void

/// Code that runs around every call: logging, metrics, authentication, scope checks, audit.
///
/// An interceptor may inspect or change the request and context before calling `next`, refuse the
/// call by throwing an ``RPCError`` instead, and observe the outcome: `next` returns when the
/// call's answer has been handed to the responder, and throws the call's error.
public protocol CallInterceptor: Sendable {
    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws
}
