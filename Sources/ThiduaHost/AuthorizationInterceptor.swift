import ThiduaCalls
import ThiduaWire

/// Refuses a call whose method needs a permission the caller's key does not hold. Where in the
/// organisation the key may act is checked by the stores, which know the tree.
struct AuthorizationInterceptor: CallInterceptor {
    let authenticator: any HelloAuthenticator

    func intercept(_ request: CallRequest, context: CallContext, next: CallBody) async throws {
        if let principal = context.peer.principal, self.authenticator.isRevoked(keyID: principal.keyID) {
            throw RPCError(
                .unauthenticated,
                "the API key \(principal.keyID) was revoked; connect again with another key",
                field: "",
                rule: "auth.key_revoked"
            )
        }
        if let permission = context.method.permission {
            guard let principal = context.peer.principal else {
                throw RPCError(
                    .unauthenticated,
                    "\(context.method.path) needs an API key with the permission \(permission)",
                    field: "",
                    rule: "auth.key_required"
                )
            }
            guard principal.holds(permission) else {
                throw RPCError(
                    .permissionDenied,
                    "key \(principal.keyID) lacks the permission \(permission) that \(context.method.path) needs",
                    field: "",
                    rule: "auth.permission",
                    values: ["permission": permission]
                )
            }
        }
        try await next(request, context)
    }
}
