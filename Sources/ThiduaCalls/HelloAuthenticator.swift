import ThiduaWire

/// Checks the credentials of a `ClientHello` and says who the peer is.
public protocol HelloAuthenticator: Sendable {
    /// Returns the peer, or throws UNAUTHENTICATED (or another status) to refuse the connection.
    func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer

    /// Whether the key was revoked after connections authenticated with it; checked on every call.
    func isRevoked(keyID: String) -> Bool

    /// Runs `handler` with the key's id each time a key is revoked, once the revocation commits,
    /// so the host can end that key's calls on every open connection.
    func onRevocation(_ handler: @escaping @Sendable (String) -> Void)
}

extension HelloAuthenticator {
    public func isRevoked(keyID: String) -> Bool { false }
    public func onRevocation(_ handler: @escaping @Sendable (String) -> Void) {}
}

/// Knows no keys: every connection is anonymous and may call only methods that need no permission.
public struct AnonymousAuthenticator: HelloAuthenticator {
    public init() {}

    public func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer {
        Peer(clientName: hello.clientName, remoteAddress: remoteAddress, principal: nil)
    }
}
