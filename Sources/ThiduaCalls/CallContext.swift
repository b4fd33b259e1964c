import ThiduaWire

import Foundation
import Logging

/// The caller, as the handshake established it.
public struct Peer: Sendable {
    /// The name the client gave in its hello, for logs.
    public let clientName: String
    /// The remote address, for logs.
    public let remoteAddress: String
    /// Who the key in the hello belongs to; nil for a connection without a key.
    public let principal: Principal?

    public init(clientName: String, remoteAddress: String, principal: Principal?) {
        self.clientName = clientName
        self.remoteAddress = remoteAddress
        self.principal = principal
    }
}

/// The holder of an API key: where in the organisation it may act, and what it may do there.
public struct Principal: Sendable, Equatable {
    public let keyID: String
    /// The root of the subtree the key may see and change.
    public let scopeUnitID: String
    /// Permission names; "*" stands for all of them.
    public let permissions: Set<String>

    public init(keyID: String, scopeUnitID: String, permissions: Set<String>) {
        self.keyID = keyID
        self.scopeUnitID = scopeUnitID
        self.permissions = permissions
    }

    public func holds(_ permission: String) -> Bool {
        self.permissions.contains("*") || self.permissions.contains(permission)
    }
}

/// Where a running call sends its answer. The transport implements it; handlers normally use the
/// typed ``ResponseStream`` or return their response instead.
public protocol CallResponder: Sendable {
    /// Sends one serialized response message. A unary call sends exactly one. A streaming call may
    /// send many; `send` suspends while the peer is not reading, and throws once the call has ended
    /// (cancelled, deadline passed, connection gone).
    func send(_ payload: Data) async throws
}

/// What a handler and the interceptors know about the call they serve.
public struct CallContext: Sendable {
    /// The client-chosen id, unique on its connection.
    public let callID: UInt64
    public let method: MethodDescriptor
    /// The request's metadata. Keys are lower-case.
    public let metadata: [String: String]
    /// When the call's time runs out; nil for no deadline. The transport enforces it: the handler
    /// is cancelled and the client gets DEADLINE_EXCEEDED.
    public let deadline: ContinuousClock.Instant?
    public let peer: Peer
    public var logger: Logger
    /// Where the answer goes.
    public let responder: any CallResponder

    public init(
        callID: UInt64,
        method: MethodDescriptor,
        metadata: [String: String],
        deadline: ContinuousClock.Instant?,
        peer: Peer,
        logger: Logger,
        responder: any CallResponder
    ) {
        self.callID = callID
        self.method = method
        self.metadata = metadata
        self.deadline = deadline
        self.peer = peer
        self.logger = logger
        self.responder = responder
    }
}

/// The request as interceptors see it: the still-encoded message.
public struct CallRequest: Sendable {
    public var payload: Data

    public init(payload: Data) {
        self.payload = payload
    }
}
