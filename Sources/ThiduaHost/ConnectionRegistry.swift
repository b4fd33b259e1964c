import NIOCore
import Synchronization
import ThiduaWire

/// The open connections of one server: counts them against the limit and reaches them all when
/// the server drains.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var emptyWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiterID = 0
    }

    /// How a new connection is taken.
    enum Admission {
        case admitted
        /// Past the limit, within the room kept for health checks.
        case healthOnly
        case refused
    }

    private let state = Mutex(State())
    private let limit: Int
    private let healthConnections: Int

    init(limit: Int, healthConnections: Int) {
        self.limit = limit
        self.healthConnections = healthConnections
    }

    /// Adds the channel unless every slot, the health checks' included, is taken; it leaves the
    /// registry when it closes.
    func admit(_ channel: any Channel) -> Admission {
        let id = ObjectIdentifier(channel)
        let admission = self.state.withLock { state -> Admission in
            let count = state.channels.count
            guard count < self.limit + self.healthConnections else { return .refused }
            state.channels[id] = channel
            return count < self.limit ? .admitted : .healthOnly
        }
        if admission != .refused {
            channel.closeFuture.whenComplete { _ in self.remove(id) }
        }
        return admission
    }

    private func remove(_ id: ObjectIdentifier) {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.channels.removeValue(forKey: id)
            guard state.channels.isEmpty else { return [] }
            defer { state.emptyWaiters.removeAll() }
            return Array(state.emptyWaiters.values)
        }
        waiters.forEach { $0.resume() }
    }

    var channels: [any Channel] {
        self.state.withLock { Array($0.channels.values) }
    }

    /// Returns once no connection is open, or at once when the waiting task is cancelled (the
    /// drain's timeout cancels it).
    func waitUntilEmpty() async {
        let id = self.state.withLock { state in
            defer { state.nextWaiterID += 1 }
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = self.state.withLock { state in
                    if state.channels.isEmpty || Task.isCancelled { return true }
                    state.emptyWaiters[id] = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            self.state.withLock { $0.emptyWaiters.removeValue(forKey: id) }?.resume()
        }
    }
}

/// Installed instead of the protocol handlers on a connection over the limit: says why, closes.
final class ConnectionRefusingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    func channelActive(context: ChannelHandlerContext) {
        var frame = Frame()
        frame.goAway = GoAway.with {
            $0.code = .resourceExhausted
            $0.message = "the server already holds \(self.limit) connections, the most allowed; try again later"
            $0.details = [ErrorDetail(rule: "server.max_connections", description: $0.message)]
        }
        if let bytes = try? frame.lengthPrefixed(allocator: context.channel.allocator) {
            context.writeAndFlush(Self.wrapOutboundOut(bytes), promise: nil)
        }
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {}
}
