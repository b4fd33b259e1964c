import Foundation
import NIOCore
import ThiduaWire

/// The client side of one connection, on its event loop: matches answers to pending calls by id.
final class ClientConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = Frame
    typealias OutboundOut = Frame

    enum PendingCall {
        case unary(CheckedContinuation<Data, any Error>)
        case stream(AsyncThrowingStream<Data, any Error>.Continuation)
    }

    private var pending: [UInt64: PendingCall] = [:]
    private var deadlineTimers: [UInt64: Scheduled<Void>] = [:]
    private var hello: EventLoopPromise<ServerHello>?
    private var context: ChannelHandlerContext?
    /// The last GoAway received, if any.
    private(set) var goAway: GoAway?
    private var pongs: [UInt64: EventLoopPromise<Void>] = [:]

    init(hello: EventLoopPromise<ServerHello>) {
        self.hello = hello
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    // MARK: Requests from ThiduaClient, on the event loop

    func start(_ request: Request, as call: PendingCall, timeout: TimeAmount?) {
        guard let context, context.channel.isActive else {
            Self.fail(call, with: RPCError(.unavailable, "the connection is closed"))
            return
        }
        if let goAway, request.callID > goAway.lastCallID {
            Self.fail(call, with: RPCError(.unavailable, "the server sent a GoAway: \(goAway.message)"))
            return
        }
        self.pending[request.callID] = call
        if let timeout {
            let callID = request.callID
            self.deadlineTimers[callID] = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                self.deadlineTimers[callID] = nil
                self.finish(
                    callID,
                    with: .failure(RPCError(.deadlineExceeded, "the deadline of \(timeout.nanoseconds / 1_000_000) ms passed"))
                )
                self.sendCancel(callID: callID)
            }
        }
        var frame = Frame()
        frame.request = request
        context.writeAndFlush(Self.wrapOutboundOut(frame), promise: nil)
    }

    func sendCancel(callID: UInt64) {
        guard let context else { return }
        var frame = Frame()
        frame.cancel = Cancel.with { $0.callID = callID }
        context.writeAndFlush(Self.wrapOutboundOut(frame), promise: nil)
    }

    /// Sends a frame as it is; for tests and tools that need to speak the protocol raw.
    func sendRaw(_ frame: Frame) {
        self.context?.writeAndFlush(Self.wrapOutboundOut(frame), promise: nil)
    }

    func ping(opaque: UInt64, promise: EventLoopPromise<Void>) {
        guard let context else {
            promise.fail(RPCError(.unavailable, "the connection is closed"))
            return
        }
        self.pongs[opaque] = promise
        var frame = Frame()
        frame.ping = Ping.with { $0.opaque = opaque }
        context.writeAndFlush(Self.wrapOutboundOut(frame), promise: nil)
    }

    // MARK: Channel events

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = Self.unwrapInboundIn(data)
        switch frame.kind {
        case .serverHello(let hello):
            self.hello.take()?.succeed(hello)
        case .response(let response):
            if case .stream(let continuation) = self.pending[response.callID] {
                continuation.yield(response.payload)
            }
        case .status(let status):
            if status.code == .ok {
                self.finish(status.callID, with: .success(status.payload))
            } else {
                self.finish(status.callID, with: .failure(RPCError(status: status)))
            }
        case .goAway(let goAway):
            self.goAway = goAway
            self.hello.take()?.fail(RPCError(goAway.code, goAway.message, details: goAway.details))
            let refused = self.pending.keys.filter { $0 > goAway.lastCallID }
            for callID in refused {
                self.finish(callID, with: .failure(RPCError(.unavailable, "the server did not accept this call: \(goAway.message)")))
            }
        case .ping(let ping):
            var pong = Frame()
            pong.pong = ping
            context.writeAndFlush(Self.wrapOutboundOut(pong), promise: nil)
        case .pong(let pong):
            self.pongs.removeValue(forKey: pong.opaque)?.succeed()
        case .clientHello, .request, .cancel, nil:
            context.fireErrorCaught(RPCError(.internal, "the server sent a frame only a client may send"))
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.failAll(RPCError(.unavailable, "connection failed: \(error)"))
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let reason = self.goAway.map { "the server closed the connection: \($0.code.name): \($0.message)" }
            ?? "the connection closed"
        self.failAll(RPCError(.unavailable, reason))
        self.context = nil
        context.fireChannelInactive()
    }

    private func failAll(_ error: RPCError) {
        self.hello.take()?.fail(error)
        for callID in Array(self.pending.keys) {
            self.finish(callID, with: .failure(error))
        }
        for promise in self.pongs.values {
            promise.fail(error)
        }
        self.pongs.removeAll()
    }

    private func finish(_ callID: UInt64, with result: Result<Data, RPCError>) {
        self.deadlineTimers.removeValue(forKey: callID)?.cancel()
        guard let call = self.pending.removeValue(forKey: callID) else { return }
        switch (call, result) {
        case (.unary(let continuation), _):
            continuation.resume(with: result.mapError { $0 as any Error })
        case (.stream(let continuation), .success):
            continuation.finish()
        case (.stream(let continuation), .failure(let error)):
            continuation.finish(throwing: error)
        }
    }

    private static func fail(_ call: PendingCall, with error: RPCError) {
        switch call {
        case .unary(let continuation): continuation.resume(throwing: error)
        case .stream(let continuation): continuation.finish(throwing: error)
        }
    }
}
