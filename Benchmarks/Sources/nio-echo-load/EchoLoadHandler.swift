import EchoLoadKit
import Histogram
import NIOCore

/// What one connection measured.
struct EchoConnectionStats: Sendable {
    var histogram: Histogram<UInt64>
    var completed: UInt64
}

/// Keeps `inFlight` frames outstanding on one connection. Echoes come back in order, so the send
/// times wait in a first-in first-out ring.
final class EchoLoadHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let frame: ByteBuffer
    private let inFlight: Int
    private let window: RunWindow
    private let done: EventLoopPromise<EchoConnectionStats>
    private var sendTimes: [UInt64]
    private var head = 0
    private var outstanding = 0
    private var received: ByteBuffer?
    private var outbound: ByteBuffer?
    private var stats = EchoConnectionStats(histogram: LatencyHistogram.make(), completed: 0)
    private var finished = false

    init(frame: ByteBuffer, inFlight: Int, window: RunWindow, done: EventLoopPromise<EchoConnectionStats>) {
        self.frame = frame
        self.inFlight = inFlight
        self.window = window
        self.done = done
        self.sendTimes = Array(repeating: 0, count: inFlight)
    }

    func channelActive(context: ChannelHandlerContext) {
        let now = monotonicNanos()
        for _ in 0..<self.inFlight {
            self.send(at: now, context: context)
        }
        self.flush(context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = Self.unwrapInboundIn(data)
        if var pending = self.received.take() {
            pending.writeBuffer(&bytes)
            bytes = pending
        }
        let frameBytes = self.frame.readableBytes
        var now = monotonicNanos()
        while bytes.readableBytes >= frameBytes {
            bytes.moveReaderIndex(forwardBy: frameBytes)
            let sentAt = self.sendTimes[self.head]
            self.head = (self.head + 1) % self.inFlight
            self.outstanding -= 1
            if self.window.measures(sentAt: sentAt) {
                self.stats.histogram.record(now - sentAt)
                self.stats.completed += 1
            }
            if now < self.window.end {
                self.send(at: now, context: context)
            }
            now = monotonicNanos()
        }
        if bytes.readableBytes > 0 {
            bytes.discardReadBytes()
            self.received = bytes
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        self.flush(context: context)
        if self.outstanding == 0 && monotonicNanos() >= self.window.end {
            self.finish(.success(self.stats))
            context.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.finish(.success(self.stats))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        self.finish(.failure(error))
        context.close(promise: nil)
    }

    private func finish(_ result: Result<EchoConnectionStats, any Error>) {
        guard !self.finished else { return }
        self.finished = true
        self.done.completeWith(result)
    }

    private func send(at now: UInt64, context: ChannelHandlerContext) {
        self.sendTimes[(self.head + self.outstanding) % self.inFlight] = now
        self.outstanding += 1
        if self.outbound == nil {
            self.outbound = context.channel.allocator.buffer(capacity: self.frame.readableBytes * self.inFlight)
        }
        self.outbound!.writeImmutableBuffer(self.frame)
    }

    private func flush(context: ChannelHandlerContext) {
        if let outbound = self.outbound.take() {
            context.writeAndFlush(Self.wrapOutboundOut(outbound), promise: nil)
        }
    }
}
