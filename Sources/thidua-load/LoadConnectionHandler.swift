import NIOCore
import ThiduaWire

/// Drives the calls of one connection, on its event loop.
///
/// Closed loop: `inFlight` calls are kept outstanding; each answer sends the next call at once.
/// Open loop: calls go out at the times of an ``OpenLoopSchedule``, at most `inFlight` at once; a
/// call that could not leave on time (the connection was full) leaves as soon as a slot frees,
/// and its latency still counts from its intended time.
///
/// Calls written while reading a burst of answers go out in one write and one flush at the end of
/// the burst.
final class LoadConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// What is the same for every connection of a run.
    struct Setup: Sendable {
        let encoders: [RequestEncoder]
        /// Numbers the calls of every connection, to pick payload variants no other call uses.
        let sequence: SequenceCounter
        let mix: WeightedMix
        let inFlight: Int
        let maxFrameBytes: Int
        /// The `ClientHello` frame, length prefix included.
        let hello: ByteBuffer
    }

    private let setup: Setup
    private let helloPromise: EventLoopPromise<Void>
    private let donePromise: EventLoopPromise<ConnectionStats>
    private var context: ChannelHandlerContext?
    private var table: CallTable
    private var stats: ConnectionStats
    private var received: ByteBuffer?
    private var outbound: ByteBuffer?
    private var window: RunWindow?
    private var schedule: OpenLoopSchedule?
    private var timer: Scheduled<Void>?
    private var nextCallID: UInt64 = 1
    /// Index of the next call in the schedule (open loop) or overall (closed loop).
    private var nextCall: UInt64 = 0
    private var sending = false
    private var finished = false

    init(setup: Setup, hello: EventLoopPromise<Void>, done: EventLoopPromise<ConnectionStats>) {
        self.setup = setup
        self.helloPromise = hello
        self.donePromise = done
        self.table = CallTable(inFlight: setup.inFlight)
        self.stats = ConnectionStats(methods: setup.encoders.count)
    }

    // MARK: Control, on the event loop

    /// Starts sending calls; the run ends at `window.end`.
    func start(window: RunWindow, schedule: OpenLoopSchedule?) {
        guard let context, !self.finished else { return }
        self.window = window
        self.schedule = schedule
        self.sending = true
        self.sendDueCalls(now: monotonicNanos(), context: context)
        self.flush(context: context)
        self.finishIfDone(context: context)
    }

    /// Ends the run now: calls still in flight count as UNAVAILABLE (their outcome is unknown).
    func abandon() {
        self.context?.close(promise: nil)
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func channelActive(context: ChannelHandlerContext) {
        context.writeAndFlush(Self.wrapOutboundOut(self.setup.hello), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = Self.unwrapInboundIn(data)
        if var pending = self.received.take() {
            pending.writeBuffer(&bytes)
            bytes = pending
        }
        do {
            try ResponseScanner.scan(&bytes, maxFrameBytes: self.setup.maxFrameBytes) { event in
                self.handle(event, context: context)
            }
        } catch {
            context.fireErrorCaught(error)
            return
        }
        if bytes.readableBytes > 0 {
            bytes.discardReadBytes()
            self.received = bytes
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flush(context: context)
        self.finishIfDone(context: context)
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.timer?.cancel()
        self.sending = false
        self.helloPromise.fail(LoadError.connection("the server closed the connection before its hello"))
        let now = monotonicNanos()
        for entry in self.table.removeAll() where self.window?.measures(entry.startNanos) == true {
            self.stats.record(method: entry.method, code: StatusCode.unavailable.rawValue, latencyNanos: now - entry.startNanos)
            if let window = self.window, now > window.end { self.stats.cutOff += 1 }
        }
        self.countUnsentDueCalls(now: now)
        self.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    // MARK: Calls

    private func handle(_ event: ServerEvent, context: ChannelHandlerContext) {
        switch event {
        case .status(let callID, let code):
            guard let entry = self.table.remove(callID) else { return }
            let now = monotonicNanos()
            if let window = self.window, window.measures(entry.startNanos) {
                self.stats.record(method: entry.method, code: code, latencyNanos: now - entry.startNanos)
                if now > window.end { self.stats.drained += 1 }
            }
            self.sendDueCalls(now: now, context: context)
        case .hello:
            self.helloPromise.succeed(())
        case .goAway:
            // No new calls; the ones in flight still answer, or count as UNAVAILABLE on close.
            self.sending = false
            self.helloPromise.fail(LoadError.connection("the server refused the connection with a GoAway"))
        case .other:
            break
        }
    }

    /// Sends every call that is due now and fits under the in-flight limit, then arms the timer
    /// for the next one when the schedule has one.
    private func sendDueCalls(now: UInt64, context: ChannelHandlerContext) {
        guard self.sending, let window = self.window else { return }
        if let schedule = self.schedule {
            while self.table.count < self.setup.inFlight {
                let intended = schedule.intendedNanos(ofCall: self.nextCall)
                guard intended <= now else { break }
                guard intended < window.end else {
                    self.sending = false
                    return
                }
                self.send(startNanos: intended, window: window, context: context)
            }
            self.armTimer(now: now, schedule: schedule, window: window, context: context)
        } else {
            guard now < window.end else {
                self.sending = false
                return
            }
            while self.table.count < self.setup.inFlight {
                self.send(startNanos: now, window: window, context: context)
            }
        }
    }

    @inline(__always)
    private func send(startNanos: UInt64, window: RunWindow, context: ChannelHandlerContext) {
        let method = self.setup.mix.method(forCall: self.nextCall)
        let callID = self.nextCallID
        self.nextCallID += 1
        self.nextCall += 1
        self.table.insert(.init(callID: callID, startNanos: startNanos, method: method))
        if window.measures(startNanos) { self.stats.sent += 1 }
        let encoder = self.setup.encoders[method]
        if self.outbound == nil {
            self.outbound = context.channel.allocator.buffer(capacity: encoder.maximumFrameBytes * self.setup.inFlight)
        }
        let variant = encoder.variants == 1 ? 0 : self.setup.sequence.next() % encoder.variants
        encoder.write(callID: callID, variant: variant, to: &self.outbound!)
    }

    private func armTimer(now: UInt64, schedule: OpenLoopSchedule, window: RunWindow, context: ChannelHandlerContext) {
        guard self.timer == nil, self.sending, self.table.count < self.setup.inFlight else { return }
        let next = schedule.intendedNanos(ofCall: self.nextCall)
        guard next < window.end else {
            self.sending = false
            return
        }
        let wait = next > now ? next - now : 0
        self.timer = context.eventLoop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(wait))) {
            self.timer = nil
            self.sendDueCalls(now: monotonicNanos(), context: context)
            self.flush(context: context)
            self.finishIfDone(context: context)
        }
    }

    private func flush(context: ChannelHandlerContext) {
        if let outbound = self.outbound.take(), outbound.readableBytes > 0 {
            context.writeAndFlush(Self.wrapOutboundOut(outbound), promise: nil)
        }
    }

    private func finishIfDone(context: ChannelHandlerContext) {
        guard let window = self.window, !self.finished, self.table.count == 0, self.timer == nil else { return }
        if !self.sending || monotonicNanos() >= window.end {
            self.sending = false
            self.finish()
            context.close(promise: nil)
        }
    }

    /// Open loop: the calls that fell due while the connection was full and were never sent
    /// before it closed still count, as sent and UNAVAILABLE (cut off when the drain ended them),
    /// so an overloaded server cannot pass by leaving calls unsent.
    private func countUnsentDueCalls(now: UInt64) {
        guard let window = self.window, let schedule = self.schedule else { return }
        let until = min(now, window.end)
        while true {
            let intended = schedule.intendedNanos(ofCall: self.nextCall)
            guard intended < until else { return }
            if window.measures(intended) {
                self.stats.sent += 1
                self.stats.record(method: self.setup.mix.method(forCall: self.nextCall), code: StatusCode.unavailable.rawValue, latencyNanos: now - intended)
                if now > window.end { self.stats.cutOff += 1 }
            }
            self.nextCall += 1
        }
    }

    private func finish() {
        guard !self.finished else { return }
        self.finished = true
        self.donePromise.succeed(self.stats)
    }
}
