import ThiduaWire

/// The protocol rules of one connection, with no I/O: the handler feeds it events and carries out
/// the actions it returns. Every rule about what may arrive when lives here.
struct ConnectionStateMachine {
    enum Phase: Equatable {
        /// Accepted; nothing but a `ClientHello` may arrive.
        case awaitingHello
        /// Handshake done; calls may start.
        case open
        /// A GoAway was sent: calls up to `lastCallID` finish, later ones are refused.
        case draining(lastCallID: UInt64)
        /// The connection is being closed; nothing more is processed.
        case closed
    }

    /// What the handler must do after an event.
    enum Action: Equatable {
        case none
        /// Answer the hello with a `ServerHello`.
        case acceptHello
        /// Run the call.
        case startCall(callID: UInt64)
        /// Answer the call with this status at once, without running it.
        case refuseCall(callID: UInt64, code: StatusCode, message: String)
        /// Stop the call's handler and answer CANCELLED, if it is still running.
        case cancelCall(callID: UInt64)
        case sendPong(opaque: UInt64)
        /// Send a GoAway and keep serving the calls already accepted.
        case sendGoAway(lastCallID: UInt64, code: StatusCode, message: String)
        /// Send a GoAway, then close the connection; `rule` names the broken rule, if any.
        case goAwayAndClose(lastCallID: UInt64, code: StatusCode, message: String, rule: String)
        /// Close without another word (the GoAway was already sent, and the last call has ended).
        case close
    }

    private(set) var phase: Phase = .awaitingHello
    private(set) var callsInFlight = 0
    /// The highest call id seen; every new call must use a larger one.
    private(set) var highestCallID: UInt64 = 0
    private let maxConcurrentCalls: Int

    init(maxConcurrentCalls: Int) {
        self.maxConcurrentCalls = maxConcurrentCalls
    }

    mutating func receivedHello(_ hello: ClientHello) -> Action {
        guard self.phase == .awaitingHello else {
            return self.violation("a second ClientHello arrived", rule: "handshake.once")
        }
        guard hello.protocolVersion == WireProtocol.version else {
            return self.close(
                .failedPrecondition,
                "protocol version \(hello.protocolVersion) is not supported; this server speaks version \(WireProtocol.version)",
                rule: "handshake.protocol_version"
            )
        }
        self.phase = .open
        return .acceptHello
    }

    /// The hello was refused by authentication.
    mutating func helloRejected(_ error: RPCError) -> Action {
        self.close(error.code, error.message, rule: error.details.first?.rule ?? "handshake.credentials")
    }

    mutating func receivedRequest(callID: UInt64) -> Action {
        switch self.phase {
        case .awaitingHello:
            return self.violation("a Request arrived before the ClientHello", rule: "handshake.first")
        case .closed:
            return .none
        case .open, .draining:
            guard callID > self.highestCallID else {
                return self.violation(
                    "call id \(callID) is not greater than the previous call id \(self.highestCallID)",
                    rule: "call.id_increasing"
                )
            }
            self.highestCallID = callID
            if case .draining(let lastCallID) = self.phase, callID > lastCallID {
                return .refuseCall(
                    callID: callID,
                    code: .unavailable,
                    message: "the server is shutting down and accepts no new calls on this connection"
                )
            }
            guard self.callsInFlight < self.maxConcurrentCalls else {
                return .refuseCall(
                    callID: callID,
                    code: .resourceExhausted,
                    message: "\(self.maxConcurrentCalls) calls are already in flight on this connection, the most allowed"
                )
            }
            self.callsInFlight += 1
            return .startCall(callID: callID)
        }
    }

    mutating func receivedCancel(callID: UInt64) -> Action {
        switch self.phase {
        case .awaitingHello:
            return self.violation("a Cancel arrived before the ClientHello", rule: "handshake.first")
        case .closed:
            return .none
        case .open, .draining:
            return .cancelCall(callID: callID)
        }
    }

    mutating func receivedPing(opaque: UInt64) -> Action {
        switch self.phase {
        case .awaitingHello:
            return self.violation("a Ping arrived before the ClientHello", rule: "handshake.first")
        case .closed:
            return .none
        case .open, .draining:
            return .sendPong(opaque: opaque)
        }
    }

    /// A frame kind that only a server may send arrived from the client.
    mutating func receivedServerFrame(kind: String) -> Action {
        self.violation("a \(kind) frame may only be sent by the server", rule: "frame.direction")
    }

    /// A call accepted by `startCall` has sent its final status.
    mutating func callEnded() -> Action {
        precondition(self.callsInFlight > 0, "more calls ended than started")
        self.callsInFlight -= 1
        if case .draining = self.phase, self.callsInFlight == 0 {
            self.phase = .closed
            return .close
        }
        return .none
    }

    /// The server is shutting down: no new calls, finish the rest.
    mutating func beginDrain() -> Action {
        switch self.phase {
        case .awaitingHello:
            return self.close(.unavailable, "the server is shutting down", rule: "")
        case .open:
            let lastCallID = self.highestCallID
            if self.callsInFlight == 0 {
                return self.close(.ok, "the server is shutting down", rule: "")
            }
            self.phase = .draining(lastCallID: lastCallID)
            return .sendGoAway(lastCallID: lastCallID, code: .ok, message: "the server is shutting down")
        case .draining, .closed:
            return .none
        }
    }

    mutating func handshakeTimedOut(milliseconds: Int64) -> Action {
        guard self.phase == .awaitingHello else { return .none }
        return self.close(
            .deadlineExceeded,
            "no ClientHello arrived within \(milliseconds) ms",
            rule: "handshake.timeout"
        )
    }

    /// No call has been in flight for the idle timeout.
    mutating func idleTimedOut() -> Action {
        guard self.phase == .open, self.callsInFlight == 0 else { return .none }
        return self.close(.ok, "the connection was idle", rule: "")
    }

    /// The frame layer failed: the stream can no longer be trusted.
    mutating func wireFailed(_ error: WireError) -> Action {
        self.close(error.statusCode, error.description, rule: error.rule)
    }

    mutating func connectionClosed() {
        self.phase = .closed
    }

    private mutating func violation(_ message: String, rule: String) -> Action {
        self.close(.invalidArgument, "protocol violation: \(message)", rule: rule)
    }

    private mutating func close(_ code: StatusCode, _ message: String, rule: String) -> Action {
        guard self.phase != .closed else { return .none }
        self.phase = .closed
        return .goAwayAndClose(lastCallID: self.highestCallID, code: code, message: message, rule: rule)
    }
}
