import Foundation
import Logging
import NIOCore
import ThiduaCalls
import ThiduaWire

/// Asks every connection to stop taking calls and close once its calls have ended.
struct ConnectionDrainEvent: Sendable {}

/// The drain's timeout passed: end the calls still running with UNAVAILABLE, then close.
struct ConnectionCloseEvent: Sendable {}

/// A key was revoked: a connection authenticated with it ends its calls; later ones are refused.
struct KeyRevokedEvent: Sendable {
    let keyID: String
}

/// Serves one connection: feeds decoded frames to the ``ConnectionStateMachine``, starts and ends
/// calls, and writes answers, flushing once per burst of work rather than once per frame.
final class ConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    /// What every connection of one server shares.
    struct Shared: Sendable {
        let router: Router
        let limits: ConnectionLimits
        let serverHello: ServerHello
        let authenticator: any HelloAuthenticator
        let metrics: ServerMetrics
        /// Bytes of requests held by the calls in flight on every connection.
        let requestBudget: RequestBudget
        /// What refusals are written from in a language other than English.
        let rules: RuleCatalogue
        let logger: Logger
    }

    private let shared: Shared
    /// Admitted past the connection limit to check health: serves the Health service only.
    private let healthOnly: Bool
    private var state: ConnectionStateMachine
    private var calls: [UInt64: ServerCall] = [:]
    private var context: ChannelHandlerContext?
    /// Where this connection's calls run: its event loop. Made with the first call.
    private var callExecutor: CallExecutor?
    private var peer: Peer?
    /// The language the client's hello asked for: its refusals, and those of calls that ask for
    /// none of their own, are written in it.
    private var language = Language.english
    private var logger: Logger
    private var handshakeTimer: Scheduled<Void>?
    private var idleTimer: Scheduled<Void>?
    /// Armed while the peer is not reading (the channel is not writable); closes the connection.
    private var writeStallTimer: Scheduled<Void>?
    /// Bytes of responses written since the last flush; a stream flushes once they pass
    /// ``flushThresholdBytes``, so its frames reach the socket, and writability tells the truth,
    /// even when the handler never suspends.
    private var unflushedResponseBytes = 0
    /// Bytes of the requests of this connection's calls in flight.
    private var requestBytesInFlight = 0
    /// When the last call started or ended; the idle timeout counts from here.
    private var lastCallActivity = NIODeadline.uptimeNanoseconds(0)
    private var readingBurst = false
    private var flushNeeded = false
    private var flushScheduled = false

    init(shared: Shared, healthOnly: Bool = false) {
        self.shared = shared
        self.healthOnly = healthOnly
        self.state = ConnectionStateMachine(maxConcurrentCalls: shared.limits.maxConcurrentCalls)
        self.logger = shared.logger
    }

    var isWritable: Bool { self.context?.channel.isWritable ?? false }
    var metrics: ServerMetrics { self.shared.metrics }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        self.logger[metadataKey: "peer"] = "\(context.remoteAddress.map { "\($0)" } ?? "?")"
        let timeout = self.shared.limits.handshakeTimeout
        self.handshakeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            self.perform(self.state.handshakeTimedOut(milliseconds: timeout.nanoseconds / 1_000_000))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        self.readingBurst = true
        let frame = Self.unwrapInboundIn(data)
        switch frame.kind {
        case .clientHello(let hello):
            self.receiveHello(hello, context: context)
        case .request(let request):
            self.receiveRequest(request, context: context)
        case .cancel(let cancel):
            self.perform(self.state.receivedCancel(callID: cancel.callID))
        case .ping(let ping):
            self.perform(self.state.receivedPing(opaque: ping.opaque))
        case .pong:
            break
        case .serverHello:
            self.perform(self.state.receivedServerFrame(kind: "ServerHello"))
        case .response:
            self.perform(self.state.receivedServerFrame(kind: "Response"))
        case .status:
            self.perform(self.state.receivedServerFrame(kind: "CallStatus"))
        case .goAway:
            self.perform(self.state.receivedServerFrame(kind: "GoAway"))
        case nil:
            self.perform(self.state.wireFailed(.unknownFrameKind))
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.readingBurst = false
        if self.flushNeeded {
            self.flush()
        }
        context.fireChannelReadComplete()
    }

    /// Streams wait while the peer does not read; one that stops reading for longer than the
    /// write-stall timeout is closed, so it cannot hold the server's memory.
    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            self.writeStallTimer?.cancel()
            self.writeStallTimer = nil
            for call in self.calls.values {
                call.assumeIsolated { $0.resumeWriting() }
            }
        } else if self.writeStallTimer == nil {
            let timeout = self.shared.limits.writeStallTimeout
            self.writeStallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                self.writeStallTimer = nil
                guard let context = self.context, !context.channel.isWritable else { return }
                self.shared.metrics.connectionStalled()
                self.logger.info(
                    "closing connection: the peer read nothing for \(timeout.nanoseconds / 1_000_000) ms while answers waited"
                )
                context.close(promise: nil)
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionDrainEvent {
            self.perform(self.state.beginDrain())
        } else if let revoked = event as? KeyRevokedEvent {
            guard self.peer?.principal?.keyID == revoked.keyID else { return }
            for call in self.calls.values {
                call.assumeIsolated { $0.endForRevocation(keyID: revoked.keyID) }
            }
        } else if event is ConnectionCloseEvent {
            for call in self.calls.values {
                call.assumeIsolated { $0.endForShutdown() }
            }
            self.flush()
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let wireError = error as? WireError {
            self.shared.metrics.connectionRefused()
            self.logger.info("closing connection: \(wireError)")
            self.perform(self.state.wireFailed(wireError))
        } else {
            self.logger.debug("connection error: \(error)")
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.state.connectionClosed()
        self.handshakeTimer?.cancel()
        self.idleTimer?.cancel()
        self.writeStallTimer?.cancel()
        let calls = self.calls
        self.calls.removeAll()
        for call in calls.values {
            call.assumeIsolated { $0.abandon() }
        }
        self.context = nil
        context.fireChannelInactive()
    }

    // MARK: Frames

    private func receiveHello(_ hello: ClientHello, context: ChannelHandlerContext) {
        if self.state.phase == .awaitingHello {
            self.language = Language(acceptLanguage: hello.acceptLanguage) ?? .english
        }
        let action = self.state.receivedHello(hello)
        guard action == .acceptHello else {
            self.perform(action)
            return
        }
        self.handshakeTimer?.cancel()
        self.handshakeTimer = nil
        do {
            let peer = try self.shared.authenticator.authenticate(
                hello,
                remoteAddress: context.remoteAddress.map { "\($0)" } ?? ""
            )
            self.peer = peer
            self.logger[metadataKey: "client"] = "\(peer.clientName)"
            if let keyID = peer.principal?.keyID { self.logger[metadataKey: "key"] = "\(keyID)" }
        } catch {
            self.perform(self.state.helloRejected(error))
            return
        }
        var frame = Frame()
        frame.serverHello = self.shared.serverHello
        frame.serverHello.language = self.language.rawValue
        self.write(frame)
        self.startIdleTimer(context: context)
    }

    private func receiveRequest(_ request: Request, context: ChannelHandlerContext) {
        let action = self.state.receivedRequest(callID: request.callID)
        let language = request.metadata[Self.acceptLanguageKey].flatMap(Language.init(acceptLanguage:)) ?? self.language
        guard case .startCall(let callID) = action else {
            // Refused by the connection's state (too many calls, draining): counted like any call.
            if case .refuseCall(let callID, let code, let message) = action {
                if let route = self.shared.router.route(forPath: request.method) {
                    self.shared.metrics.record(routeIndex: route.index, code: code, latency: .zero)
                }
                self.writeStatus(callID: callID, code: code, message: message, detail: nil, language: language)
            } else {
                self.perform(action)
            }
            return
        }
        self.lastCallActivity = context.eventLoop.now
        guard let route = self.shared.router.route(forPath: request.method), let peer = self.peer else {
            self.shared.metrics.unknownMethodCalled()
            self.refuseCall(
                callID,
                code: .unimplemented,
                message: "method \"\(request.method)\" is not offered by this server",
                detail: ErrorDetail(field: "method", rule: "call.method_known", description: "unknown method", values: ["method": request.method]),
                language: language
            )
            return
        }
        if self.healthOnly && route.descriptor.service != HealthService.name {
            let message = "the server holds \(self.shared.limits.maxConnections) connections, the most allowed; "
                + "this connection, accepted past that limit, may only check health"
            self.refuseCall(
                callID,
                code: .resourceExhausted,
                message: message,
                detail: ErrorDetail(rule: "server.max_connections", description: message),
                language: language
            )
            self.shared.metrics.record(routeIndex: route.index, code: .resourceExhausted, latency: .zero)
            return
        }
        let requestBytes = request.payload.count
        if let refusal = self.reserveRequestBytes(requestBytes) {
            self.refuseCall(callID, code: .resourceExhausted, message: refusal.description_p, detail: refusal, language: language)
            self.shared.metrics.record(routeIndex: route.index, code: .resourceExhausted, latency: .zero)
            return
        }
        let executor = self.callExecutor ?? CallExecutor(eventLoop: context.eventLoop)
        self.callExecutor = executor
        let call = ServerCall(
            id: callID,
            route: route,
            requestBytes: requestBytes,
            maxFrameBytes: self.shared.limits.maxFrameBytes,
            metrics: self.shared.metrics,
            rules: self.shared.rules,
            language: language,
            logger: self.logger,
            executor: executor,
            connection: NIOLoopBound(self, eventLoop: context.eventLoop)
        )
        self.calls[callID] = call
        let timeout: TimeAmount? = request.timeoutMs > 0 ? .milliseconds(Int64(clamping: request.timeoutMs)) : nil
        let callContext = CallContext(
            callID: callID,
            method: route.descriptor,
            metadata: request.metadata,
            deadline: timeout.map { ContinuousClock.now + .nanoseconds($0.nanoseconds) },
            peer: peer,
            logger: self.logger,
            responder: call
        )
        let body = route.body
        let callRequest = CallRequest(payload: request.payload)
        call.assumeIsolated { call in
            call.start(body: body, request: callRequest, context: callContext, timeout: timeout)
        }
    }

    // MARK: Called by ServerCall, on the event loop

    /// Writes one message of a stream. Returns true when the stream should let the event loop
    /// serve others before its next message: its bytes were just flushed to the socket.
    func writeResponse(callID: UInt64, payload: Data) -> Bool {
        var frame = Frame()
        frame.response = Response.with {
            $0.callID = callID
            $0.payload = payload
        }
        self.write(frame)
        self.unflushedResponseBytes += payload.count
        guard self.unflushedResponseBytes >= Self.flushThresholdBytes else { return false }
        self.flush()
        return true
    }

    /// How many response bytes a stream writes before it flushes them itself.
    static let flushThresholdBytes = 64 * 1024

    /// The request metadata that chooses the language of one call's refusals
    /// (docs/PROTOCOL.md §2.1).
    static let acceptLanguageKey = "accept-language"

    func callEnded(callID: UInt64, status: CallStatus) {
        guard self.calls.removeValue(forKey: callID) != nil, let context = self.context else { return }
        self.lastCallActivity = context.eventLoop.now
        var frame = Frame()
        frame.status = status
        self.write(frame)
        self.perform(self.state.callEnded())
    }

    // MARK: Request budget

    /// Takes `bytes` from this connection's and the server's request budgets; the refusal's
    /// detail when either has too little left.
    private func reserveRequestBytes(_ bytes: Int) -> ErrorDetail? {
        guard bytes > 0 else { return nil }
        let limit = self.shared.limits.connectionRequestBudget
        guard self.requestBytesInFlight + bytes <= limit else {
            return ErrorDetail(
                rule: "connection.request_bytes",
                description: "the calls in flight on this connection already hold \(self.requestBytesInFlight) bytes of requests; "
                    + "with this one of \(bytes) bytes they would pass the limit of \(limit): wait for answers before sending more"
            )
        }
        guard self.shared.requestBudget.reserve(bytes) else {
            return ErrorDetail(
                rule: "server.request_bytes",
                description: "the server already holds the most request bytes it takes at once (\(self.shared.requestBudget.limit)); try again shortly"
            )
        }
        self.requestBytesInFlight += bytes
        return nil
    }

    /// Gives back a call's request bytes once its task has finished, not when its status was
    /// sent: a cancelled call's work may still hold the request until it notices.
    func requestFinished(bytes: Int) {
        guard bytes > 0 else { return }
        self.requestBytesInFlight -= bytes
        self.shared.requestBudget.release(bytes)
    }

    /// Answers a call that never started, and tells the state machine it ended.
    private func refuseCall(_ callID: UInt64, code: StatusCode, message: String, detail: ErrorDetail, language: Language) {
        self.writeStatus(callID: callID, code: code, message: message, detail: detail, language: language)
        self.perform(self.state.callEnded())
    }

    // MARK: Actions

    private func perform(_ action: ConnectionStateMachine.Action) {
        guard let context = self.context else { return }
        switch action {
        case .none, .acceptHello, .startCall:
            break
        case .refuseCall(let callID, let code, let message):
            self.writeStatus(callID: callID, code: code, message: message, detail: nil, language: self.language)
        case .cancelCall(let callID):
            self.calls[callID]?.assumeIsolated { $0.cancelByClient() }
        case .sendPong(let opaque):
            var frame = Frame()
            frame.pong = Ping.with { $0.opaque = opaque }
            self.write(frame)
        case .sendGoAway(let lastCallID, let code, let message):
            self.write(self.goAway(lastCallID: lastCallID, code: code, message: message, rule: ""))
        case .goAwayAndClose(let lastCallID, let code, let message, let rule):
            context.writeAndFlush(
                Self.wrapOutboundOut(self.goAway(lastCallID: lastCallID, code: code, message: message, rule: rule)),
                promise: nil
            )
            context.close(promise: nil)
        case .close:
            self.flush()
            context.close(promise: nil)
        }
    }

    /// A GoAway in the connection's language.
    private func goAway(lastCallID: UInt64, code: StatusCode, message: String, rule: String) -> Frame {
        let details = rule.isEmpty ? [] : [ErrorDetail(rule: rule, description: message)]
        let refusal = self.shared.rules.localized(RPCError(code, message, details: details), in: self.language)
        var frame = Frame()
        frame.goAway = GoAway.with {
            $0.lastCallID = lastCallID
            $0.code = code
            $0.message = refusal.message
            $0.details = refusal.details
        }
        return frame
    }

    /// The status of a call that never ran, in `language`.
    private func writeStatus(callID: UInt64, code: StatusCode, message: String, detail: ErrorDetail?, language: Language) {
        let refusal = self.shared.rules.localized(RPCError(code, message, details: detail.map { [$0] } ?? []), in: language)
        var frame = Frame()
        frame.status = CallStatus.with {
            $0.callID = callID
            $0.code = code
            $0.message = refusal.message
            $0.details = refusal.details
        }
        self.write(frame)
    }

    /// Writes a frame and makes sure a flush follows: at the end of the current read burst, or
    /// after the calls already queued on the event loop have run.
    private func write(_ frame: Frame) {
        guard let context = self.context else { return }
        context.write(Self.wrapOutboundOut(frame), promise: nil)
        if self.readingBurst {
            self.flushNeeded = true
        } else if !self.flushScheduled {
            self.flushScheduled = true
            context.eventLoop.assumeIsolated().execute {
                self.flushScheduled = false
                self.flush()
            }
        }
    }

    private func flush() {
        self.flushNeeded = false
        self.unflushedResponseBytes = 0
        self.context?.flush()
    }

    private func startIdleTimer(context: ChannelHandlerContext) {
        self.lastCallActivity = context.eventLoop.now
        self.armIdleTimer(at: self.lastCallActivity + self.shared.limits.idleTimeout, context: context)
    }

    private func armIdleTimer(at deadline: NIODeadline, context: ChannelHandlerContext) {
        self.idleTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            let timeout = self.shared.limits.idleTimeout
            let due = self.lastCallActivity + timeout
            let now = context.eventLoop.now
            if self.calls.isEmpty && due <= now {
                self.perform(self.state.idleTimedOut())
            } else {
                self.armIdleTimer(at: self.calls.isEmpty ? due : now + timeout, context: context)
            }
        }
    }
}
