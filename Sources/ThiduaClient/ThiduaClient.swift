import Foundation
import NIOCore
import NIOPosix
import Synchronization
import SwiftProtobuf
import ThiduaWire

/// A connection to a thidua server: the handshake done, any number of calls in flight.
///
/// ```swift
/// let client = try await ThiduaClient.connect(host: "127.0.0.1", port: 7878, apiKey: key)
/// let health: HealthCheckResponse = try await client.unary("thidua.host.v1.Health/Check", HealthCheckRequest())
/// ```
public final class ThiduaClient: Sendable {
    /// The server's answer to the handshake: its version, limits and services.
    public let serverHello: ServerHello
    private let channel: any Channel
    private let handler: NIOLoopBound<ClientConnectionHandler>
    /// Guards call-id allocation together with the enqueueing of the request, so requests reach the
    /// wire in id order as the protocol requires.
    private let nextCallID = Mutex<UInt64>(1)

    private init(serverHello: ServerHello, channel: any Channel, handler: NIOLoopBound<ClientConnectionHandler>) {
        self.serverHello = serverHello
        self.channel = channel
        self.handler = handler
    }

    /// Connects and completes the handshake. Throws the server's refusal (for example
    /// UNAUTHENTICATED) as an ``RPCError``.
    ///
    /// - Parameter acceptLanguage: the languages to read refusals in, as an HTTP Accept-Language
    ///   value such as "vi" or "vi-VN, en;q=0.8"; empty for English. The server's choice is in
    ///   ``serverHello``'s `language`; a call's "accept-language" metadata overrides it.
    public static func connect(
        host: String,
        port: Int,
        clientName: String = "thidua-swift/\(ThiduaVersion.current)",
        apiKey: String = "",
        acceptLanguage: String = "",
        maxFrameBytes: Int = WireProtocol.defaultMaxFrameBytes,
        connectTimeout: TimeAmount = .seconds(10),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> ThiduaClient {
        let helloPromise = eventLoopGroup.any().makePromise(of: ServerHello.self)
        let channel: any Channel
        do {
            // The handlers go in before the connection is up, so that not even a GoAway sent by
            // the server at once (at its connection limit, say) is missed.
            channel = try await ClientBootstrap(group: eventLoopGroup)
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .connectTimeout(connectTimeout)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let decoder = FrameDecoder(maxFrameBytes: maxFrameBytes, maxFirstFrameBytes: maxFrameBytes, frameTimeout: nil)
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.addHandler(ByteToMessageHandler(decoder, maximumBufferSize: decoder.maximumBufferSize))
                        try pipeline.addHandler(FrameEncoder())
                        try pipeline.addHandler(ClientConnectionHandler(hello: helloPromise))
                    }
                }
                .connect(host: host, port: port)
                .get()
        } catch {
            helloPromise.fail(error)
            throw error
        }
        do {
            let handler = try await channel.eventLoop.submit {
                let handler = try channel.pipeline.syncOperations.handler(type: ClientConnectionHandler.self)
                var frame = Frame()
                frame.clientHello = ClientHello.with {
                    $0.protocolVersion = WireProtocol.version
                    $0.clientName = clientName
                    $0.apiKey = apiKey
                    $0.acceptLanguage = acceptLanguage
                }
                handler.sendRaw(frame)
                return NIOLoopBound(handler, eventLoop: channel.eventLoop)
            }.get()
            let hello = try await helloPromise.futureResult.get()
            return ThiduaClient(serverHello: hello, channel: channel, handler: handler)
        } catch {
            // Closing fails the hello if nothing else did; a refusal the server sent (a GoAway)
            // says more than the local symptom, so it wins.
            try? await channel.close()
            do {
                _ = try await helloPromise.futureResult.get()
            } catch let refusal as RPCError {
                throw refusal
            } catch {}
            throw error
        }
    }

    // MARK: Calls

    /// Makes a unary call with an encoded request; returns the encoded response or throws the
    /// call's ``RPCError``.
    public func unary(
        _ method: String,
        payload: Data,
        metadata: [String: String] = [:],
        timeout: Duration? = nil
    ) async throws -> Data {
        let callID = Mutex<UInt64?>(nil)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let id = self.start(method, payload, metadata, timeout, as: .unary(continuation))
                callID.withLock { $0 = id }
                // Cancelled before the id existed: onCancel found nothing to cancel, so do it here.
                if Task.isCancelled { self.cancel(callID: id) }
            }
        } onCancel: {
            if let id = callID.withLock({ $0 }) { self.cancel(callID: id) }
        }
    }

    /// Makes a unary call with typed messages.
    public func unary<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ method: String,
        _ request: Input,
        metadata: [String: String] = [:],
        timeout: Duration? = nil,
        as _: Output.Type = Output.self
    ) async throws -> Output {
        let response = try await self.unary(method, payload: request.serializedBytes(), metadata: metadata, timeout: timeout)
        return try Output(serializedBytes: response)
    }

    /// Makes a server-streaming call; the stream ends when the call does, and throws its
    /// ``RPCError`` if it failed. Ending the iteration early cancels the call.
    public func serverStreaming(
        _ method: String,
        payload: Data,
        metadata: [String: String] = [:],
        timeout: Duration? = nil
    ) -> AsyncThrowingStream<Data, any Error> {
        let (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
        let callID = self.start(method, payload, metadata, timeout, as: .stream(continuation))
        continuation.onTermination = { termination in
            if case .cancelled = termination { self.cancel(callID: callID) }
        }
        return stream
    }

    /// Makes a server-streaming call with typed messages.
    public func serverStreaming<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
        _ method: String,
        _ request: Input,
        metadata: [String: String] = [:],
        timeout: Duration? = nil,
        as _: Output.Type = Output.self
    ) throws -> AsyncThrowingMapSequence<AsyncThrowingStream<Data, any Error>, Output> {
        self.serverStreaming(method, payload: try request.serializedBytes(), metadata: metadata, timeout: timeout)
            .map { try Output(serializedBytes: $0) }
    }

    /// Calls a unary method named by its generated constant, such as
    /// `Methods.Core.Units.getUnit`: the request and response types are the method's own.
    public func unary<Input, Output>(
        _ method: UnaryMethod<Input, Output>,
        _ request: Input,
        metadata: [String: String] = [:],
        timeout: Duration? = nil
    ) async throws -> Output {
        try await self.unary(method.path, request, metadata: metadata, timeout: timeout, as: Output.self)
    }

    /// Calls a server-streaming method named by its generated constant, such as
    /// `Methods.Core.Changes.watch`.
    public func serverStreaming<Input, Output>(
        _ method: ServerStreamingMethod<Input, Output>,
        _ request: Input,
        metadata: [String: String] = [:],
        timeout: Duration? = nil
    ) throws -> AsyncThrowingMapSequence<AsyncThrowingStream<Data, any Error>, Output> {
        try self.serverStreaming(method.path, request, metadata: metadata, timeout: timeout, as: Output.self)
    }

    /// Sends a Ping and waits for its Pong.
    public func ping() async throws {
        let promise = self.channel.eventLoop.makePromise(of: Void.self)
        let opaque = UInt64.random(in: 1...UInt64.max)
        self.channel.eventLoop.execute {
            self.handler.value.ping(opaque: opaque, promise: promise)
        }
        try await promise.futureResult.get()
    }

    /// Closes the connection; calls still in flight fail with UNAVAILABLE.
    public func close() async {
        try? await self.channel.close()
    }

    /// Completes when the server closes the connection.
    public func waitUntilClosed() async {
        try? await self.channel.closeFuture.get()
    }

    // MARK: Plumbing

    private func start(
        _ method: String,
        _ payload: Data,
        _ metadata: [String: String],
        _ timeout: Duration?,
        as call: ClientConnectionHandler.PendingCall
    ) -> UInt64 {
        var request = Request()
        request.method = method
        request.payload = payload
        request.metadata = metadata
        let timeoutAmount = timeout.map { TimeAmount.nanoseconds(Int64($0.components.seconds) * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000) }
        if let timeoutAmount {
            request.timeoutMs = UInt64(max(1, (timeoutAmount.nanoseconds + 999_999) / 1_000_000))
        }
        return self.nextCallID.withLock { next in
            let callID = next
            next += 1
            request.callID = callID
            let request = request
            self.channel.eventLoop.execute {
                self.handler.value.start(request, as: call, timeout: timeoutAmount)
            }
            return callID
        }
    }

    private func cancel(callID: UInt64) {
        self.channel.eventLoop.execute {
            self.handler.value.sendCancel(callID: callID)
        }
    }
}
