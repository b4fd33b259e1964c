import NIOCore
import Synchronization
import ThiduaWire

/// The open connections of one server: counts them against the limit and reaches them all when
/// the server drains.
final class ConnectionRegistry: Sendable {
    private struct State {
        var channels: [ObjectIdentifier: any Channel] = [:]
        var emptyWaiters: [CheckedContinuation<Void, Never>] = []
    }

    private let state = Mutex(State())
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds the channel unless the limit is reached; it leaves the registry when it closes.
    func admit(_ channel: any Channel) -> Bool {
        let id = ObjectIdentifier(channel)
        let admitted = self.state.withLock { state in
            guard state.channels.count < self.limit else { return false }
            state.channels[id] = channel
            return true
        }
        if admitted {
            channel.closeFuture.whenComplete { _ in self.remove(id) }
        }
        return admitted
    }

    private func remove(_ id: ObjectIdentifier) {
        let waiters = self.state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.channels.removeValue(forKey: id)
            guard state.channels.isEmpty else { return [] }
            defer { state.emptyWaiters.removeAll() }
            return state.emptyWaiters
        }
        waiters.forEach { $0.resume() }
    }

    var channels: [any Channel] {
        self.state.withLock { Array($0.channels.values) }
    }

    /// Returns once no connection is open.
    func waitUntilEmpty() async {
        await withCheckedContinuation { continuation in
            let isEmpty = self.state.withLock { state in
                if state.channels.isEmpty { return true }
                state.emptyWaiters.append(continuation)
                return false
            }
            if isEmpty { continuation.resume() }
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
