import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import ThiduaCalls
import ThiduaModuleKit
import ThiduaWire

/// The thidua protocol server: accepts connections, runs the handshake and serves calls through the
/// router until it is asked to shut down, then drains: no new calls, the ones in flight finish.
///
/// Run it in a `ServiceGroup`, which triggers the drain on SIGTERM or SIGINT, or call ``run()``
/// and ``beginShutdown()`` directly.
public final class Server: Service, Sendable {
    private enum State {
        case idle
        case running(any Channel)
        case draining
        case stopped
    }

    private let configuration: ServerConfiguration
    private let directory: HostDirectory
    private let shared: ConnectionHandler.Shared
    private let group: any EventLoopGroup
    private let registry: ConnectionRegistry
    private let state = Mutex(State.idle)
    private let listening: EventLoopPromise<SocketAddress>
    private let runtimes: [any ModuleRuntime]

    init(
        configuration: ServerConfiguration,
        directory: HostDirectory,
        shared: ConnectionHandler.Shared,
        runtimes: [any ModuleRuntime],
        group: any EventLoopGroup
    ) {
        self.configuration = configuration
        self.directory = directory
        self.shared = shared
        self.runtimes = runtimes
        self.group = group
        self.registry = ConnectionRegistry(
            limit: configuration.limits.maxConnections,
            healthConnections: configuration.limits.healthConnections
        )
        self.listening = group.next().makePromise(of: SocketAddress.self)
        let registry = self.registry
        shared.authenticator.onRevocation { keyID in
            // On the connection's loop, after what runs now: the RevokeKey call of a key that
            // revokes itself gets its answer before its calls are ended.
            for connection in registry.channels {
                connection.eventLoop.execute {
                    connection.pipeline.fireUserInboundEventTriggered(KeyRevokedEvent(keyID: keyID))
                }
            }
        }
    }

    /// The address the server listens on, once it does.
    public func listeningAddress() async throws -> SocketAddress {
        try await self.listening.futureResult.get()
    }

    /// The router in use, for tools that start a server in-process.
    public var router: Router { self.shared.router }

    public func run() async throws {
        let channel: any Channel
        do {
            channel = try await self.bind()
        } catch {
            self.listening.fail(error)
            throw error
        }
        let proceed = self.state.withLock { state -> Bool in
            guard case .idle = state else { return false }
            state = .running(channel)
            return true
        }
        guard proceed, let address = channel.localAddress else {
            try? await channel.close()
            self.listening.fail(ChannelError.ioOnClosedChannel)
            return
        }
        self.shared.logger.info("listening", metadata: ["address": "\(address)"])
        self.listening.succeed(address)

        try await withGracefulShutdownHandler {
            try await channel.closeFuture.get()
        } onGracefulShutdown: {
            self.beginShutdown()
        }
        await self.drainConnections()
    }

    /// Stops accepting connections and tells every connection to drain. ``run()`` returns once
    /// they have all closed, or the drain timeout has passed.
    public func beginShutdown() {
        let channel = self.state.withLock { state -> (any Channel)? in
            switch state {
            case .running(let channel):
                state = .draining
                return channel
            case .idle:
                state = .stopped
                return nil
            case .draining, .stopped:
                return nil
            }
        }
        guard let channel else { return }
        self.shared.logger.info("shutting down: draining connections")
        self.directory.health.stopServing()
        channel.close(promise: nil)
    }

    private func drainConnections() async {
        for connection in self.registry.channels {
            connection.pipeline.fireUserInboundEventTriggered(ConnectionDrainEvent())
        }
        let drained = await withTaskGroup(of: Bool.self) { group in
            group.addTask {
                await self.registry.waitUntilEmpty()
                return true
            }
            group.addTask {
                try? await Task.sleep(for: .nanoseconds(self.configuration.drainTimeout.nanoseconds))
                return false
            }
            let first = await group.next() ?? false
            group.cancelAll()
            return first
        }
        if !drained {
            let remaining = self.registry.channels
            self.shared.logger.warning("drain timeout passed; ending the calls still running and closing \(remaining.count) connections")
            for connection in remaining {
                connection.pipeline.fireUserInboundEventTriggered(ConnectionCloseEvent())
            }
            await self.registry.waitUntilEmpty()
        }
        for runtime in self.runtimes.reversed() {
            await runtime.cleanup()
        }
        self.state.withLock { $0 = .stopped }
        self.shared.logger.info("stopped")
    }

    private func bind() async throws -> any Channel {
        let shared = self.shared
        let registry = self.registry
        let limits = self.configuration.limits
        let metrics = shared.metrics
        return try await ServerBootstrap(group: self.group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelOption(.writeBufferWaterMark, value: .init(low: 32 * 1024, high: 256 * 1024))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers = channel.pipeline.syncOperations
                    let admission = registry.admit(channel)
                    guard admission != .refused else {
                        metrics.connectionRefused()
                        try handlers.addHandler(ConnectionRefusingHandler(limit: limits.maxConnections))
                        return
                    }
                    metrics.connectionOpened()
                    channel.closeFuture.whenComplete { _ in metrics.connectionClosed() }
                    // Reads no more requests while the peer is not taking the answers.
                    try handlers.addHandler(BackPressureHandler())
                    let decoder = FrameDecoder(maxFrameBytes: limits.maxFrameBytes, frameTimeout: limits.frameTimeout)
                    try handlers.addHandler(ByteToMessageHandler(decoder, maximumBufferSize: decoder.maximumBufferSize))
                    try handlers.addHandler(FrameEncoder())
                    try handlers.addHandler(ConnectionHandler(shared: shared, healthOnly: admission == .healthOnly))
                }
            }
            .bind(host: self.configuration.host, port: self.configuration.port)
            .get()
    }
}
