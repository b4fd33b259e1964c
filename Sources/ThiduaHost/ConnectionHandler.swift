import Foundation
import Logging
import NIOCore
import ThiduaCalls
import ThiduaWire

/// Asks every connection to stop taking calls and close once its calls have ended.
struct ConnectionDrainEvent: Sendable {}

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
        let logger: Logger
    }

    private let shared: Shared
    private var state: ConnectionStateMachine
    private var calls: [UInt64: ServerCall] = [:]
    private var context: ChannelHandlerContext?
    /// Where this connection's calls run: its event loop. Made with the first call.
    private var callExecutor: CallExecutor?
    private var peer: Peer?
    private var logger: Logger
    private var handshakeTimer: Scheduled<Void>?
    private var idleTimer: Scheduled<Void>?
    /// When the last call started or ended; the idle timeout counts from here.
    private var lastCallActivity = NIODeadline.uptimeNanoseconds(0)
    private var readingBurst = false
    private var flushNeeded = false
    private var flushScheduled = false

    init(shared: Shared) {
        self.shared = shared
        self.state = ConnectionStateMachine(maxConcurrentCalls: shared.limits.maxConcurrentCalls)
        self.logger = shared.logger
    }

    var isWritable: Bool { self.context?.channel.isWritable ?? false }

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
            self.flushNeeded = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable {
            for call in self.calls.values {
                call.assumeIsolated { $0.resumeWriting() }
            }
        }
        context.fireChannelWritabilityChanged()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ConnectionDrainEvent {
            self.perform(self.state.beginDrain())
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
        } catch {
            self.perform(self.state.helloRejected(error))
            return
        }
        var frame = Frame()
        frame.serverHello = self.shared.serverHello
        self.write(frame)
        self.startIdleTimer(context: context)
    }

    private func receiveRequest(_ request: Request, context: ChannelHandlerContext) {
        let action = self.state.receivedRequest(callID: request.callID)
        guard case .startCall(let callID) = action else {
            self.perform(action)
            return
        }
        self.lastCallActivity = context.eventLoop.now
        guard let route = self.shared.router.route(forPath: request.method), let peer = self.peer else {
            self.writeStatus(
                callID: callID,
                code: .unimplemented,
                message: "method \"\(request.method)\" is not offered by this server",
                detail: ErrorDetail(field: "method", rule: "call.method_known", description: "unknown method")
            )
            self.shared.metrics.unknownMethodCalled()
            _ = self.state.callEnded()
            return
        }
        let executor = self.callExecutor ?? CallExecutor(eventLoop: context.eventLoop)
        self.callExecutor = executor
        let call = ServerCall(
            id: callID,
            kind: route.descriptor.kind,
            maxFrameBytes: self.shared.limits.maxFrameBytes,
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

    func writeResponse(callID: UInt64, payload: Data) {
        var frame = Frame()
        frame.response = Response.with {
            $0.callID = callID
            $0.payload = payload
        }
        self.write(frame)
    }

    func callEnded(callID: UInt64, status: CallStatus) {
        guard self.calls.removeValue(forKey: callID) != nil, let context = self.context else { return }
        self.lastCallActivity = context.eventLoop.now
        var frame = Frame()
        frame.status = status
        self.write(frame)
        self.perform(self.state.callEnded())
    }

    // MARK: Actions

    private func perform(_ action: ConnectionStateMachine.Action) {
        guard let context = self.context else { return }
        switch action {
        case .none, .acceptHello, .startCall:
            break
        case .refuseCall(let callID, let code, let message):
            self.writeStatus(callID: callID, code: code, message: message, detail: nil)
        case .cancelCall(let callID):
            self.calls[callID]?.assumeIsolated { $0.cancelByClient() }
        case .sendPong(let opaque):
            var frame = Frame()
            frame.pong = Ping.with { $0.opaque = opaque }
            self.write(frame)
        case .sendGoAway(let lastCallID, let code, let message):
            self.write(Self.goAway(lastCallID: lastCallID, code: code, message: message, rule: ""))
        case .goAwayAndClose(let lastCallID, let code, let message, let rule):
            context.writeAndFlush(
                Self.wrapOutboundOut(Self.goAway(lastCallID: lastCallID, code: code, message: message, rule: rule)),
                promise: nil
            )
            context.close(promise: nil)
        case .close:
            context.flush()
            context.close(promise: nil)
        }
    }

    private static func goAway(lastCallID: UInt64, code: StatusCode, message: String, rule: String) -> Frame {
        var frame = Frame()
        frame.goAway = GoAway.with {
            $0.lastCallID = lastCallID
            $0.code = code
            $0.message = message
            if !rule.isEmpty {
                $0.details = [ErrorDetail(rule: rule, description: message)]
            }
        }
        return frame
    }

    private func writeStatus(callID: UInt64, code: StatusCode, message: String, detail: ErrorDetail?) {
        var frame = Frame()
        frame.status = CallStatus.with {
            $0.callID = callID
            $0.code = code
            $0.message = message
            if let detail { $0.details = [detail] }
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
                self.context?.flush()
            }
        }
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
