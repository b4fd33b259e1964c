import ThiduaWire

/// Checks the credentials of a `ClientHello` and says who the peer is.
public protocol HelloAuthenticator: Sendable {
    /// Returns the peer, or throws UNAUTHENTICATED (or another status) to refuse the connection.
    func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer
}

/// Knows no keys: every connection is anonymous and may call only methods that need no permission.
public struct AnonymousAuthenticator: HelloAuthenticator {
    public init() {}

    public func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer {
        Peer(clientName: hello.clientName, remoteAddress: remoteAddress, principal: nil)
    }
}
