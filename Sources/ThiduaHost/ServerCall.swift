import Foundation
import Logging
import NIOCore
import ThiduaCalls
import ThiduaWire

/// One call in flight on a connection.
///
/// An actor whose executor is the connection's event loop (``CallExecutor``): its task starts at
/// once, inside the read that brought the request, and the handler's code runs there too (the
/// package builds with nonisolated(nonsending) async functions), so a call costs no thread hop and
/// a handler that never suspends answers within that read. Work that must not block the loop, such
/// as database access, runs on its own executor and resumes here.
actor ServerCall: CallResponder {
    nonisolated let id: UInt64
    nonisolated let kind: MethodKind
    /// The size of the request, held against the connection's and server's request budgets
    /// until the call ends.
    nonisolated let requestBytes: Int
    /// The method, for metrics and logs.
    private let route: Router.Route
    private let metrics: ServerMetrics
    /// What a refusal is written from when the client reads another language than English.
    private let rules: RuleCatalogue
    /// The language of this call's refusals.
    private let language: Language
    private let logger: Logger
    private let startedAt = ContinuousClock.now
    nonisolated let executor: CallExecutor
    nonisolated var eventLoop: any EventLoop { self.executor.eventLoop }
    /// The largest response message that still fits in a frame within the announced limit.
    private let maxPayloadBytes: Int
    private let connection: NIOLoopBound<ConnectionHandler>
    private var task: Task<Void, Never>?
    private var deadlineTimer: Scheduled<Void>?
    private var unaryResponse: Data?
    /// Sends waiting for the peer to read: one per send in progress (a handler may send from
    /// several tasks).
    private var writabilityWaiters: [CheckedContinuation<Void, any Error>] = []
    private var hasEnded = false

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        self.executor.asUnownedSerialExecutor()
    }

    init(
        id: UInt64,
        route: Router.Route,
        requestBytes: Int,
        maxFrameBytes: Int,
        metrics: ServerMetrics,
        rules: RuleCatalogue,
        language: Language,
        logger: Logger,
        executor: CallExecutor,
        connection: NIOLoopBound<ConnectionHandler>
    ) {
        self.id = id
        self.kind = route.descriptor.kind
        self.route = route
        self.requestBytes = requestBytes
        self.metrics = metrics
        self.rules = rules
        self.language = language
        self.logger = logger
        self.maxPayloadBytes = maxFrameBytes - Self.frameOverheadBytes
        self.executor = executor
        self.connection = connection
    }

    /// Room for the frame around a payload: the kind's tag and length, the call id, the payload's
    /// tag and length. A payload within the limit less this always fits; a larger one is measured.
    static let frameOverheadBytes = 64

    /// Starts the handler. Must be called on the event loop, through `assumeIsolated`.
    func start(body: @escaping CallBody, request: CallRequest, context: CallContext, timeout: TimeAmount?) {
        if let timeout {
            self.deadlineTimer = self.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
                self.assumeIsolated { call in
                    call.end(with: RPCError(
                        .deadlineExceeded,
                        "the deadline of \(timeout.nanoseconds / 1_000_000) ms passed before the call finished"
                    ))
                }
            }
        }
        // Runs here and now until the handler first suspends: no round trip through the loop's
        // task queue, and an answer that needs no waiting is flushed with the others of this read.
        let task = Task.immediate {
            await self.run(body: body, request: request, context: context)
        }
        if !self.hasEnded {
            self.task = task
        }
    }

    private func run(body: CallBody, request: CallRequest, context: CallContext) async {
        // The request's bytes are held until the handler's work is over, whenever the client was
        // answered: a cancelled call may still be decoding its request.
        defer { self.connection.value.requestFinished(bytes: self.requestBytes) }
        do {
            if request.payload.count >= Self.offLoopRequestBytes {
                try await Self.runOffTheLoop(body, request, context)
            } else {
                try await body(request, context)
            }
            switch self.kind {
            case .unary:
                if let payload = self.unaryResponse {
                    self.end(status: .ok, payload: payload)
                } else {
                    context.logger.error("unary handler returned without a response", metadata: ["method": "\(context.method.path)"])
                    self.end(with: RPCError(.internal, "internal error"))
                }
            case .serverStreaming:
                self.end(status: .ok, payload: Data())
            }
        } catch {
            guard !self.hasEnded else { return }
            if RPCError.isUnexpected(error) {
                context.logger.error(
                    "call failed",
                    metadata: ["method": "\(context.method.path)", "call": "\(self.id)", "error": "\(String(reflecting: error))"]
                )
            }
            self.end(with: RPCError(mapping: error))
        }
    }

    /// Requests this large are screened, decoded and handled on the global executor: their work
    /// (normalising megabytes of text, decoding thousands of rows, parsing a CSV file) would
    /// otherwise hold the event loop, and every other connection on it, for as long as it runs.
    static let offLoopRequestBytes = 64 * 1024

    @concurrent
    private nonisolated static func runOffTheLoop(_ body: CallBody, _ request: CallRequest, _ context: CallContext) async throws {
        try Task.checkCancellation()
        try await body(request, context)
    }

    // MARK: CallResponder

    func send(_ payload: Data) async throws {
        guard !self.hasEnded else { throw CancellationError() }
        if payload.count > self.maxPayloadBytes {
            try self.checkFrameSize(of: payload)
        }
        switch self.kind {
        case .unary:
            guard self.unaryResponse == nil else {
                throw RPCError(.internal, "internal error")
            }
            self.unaryResponse = payload
        case .serverStreaming:
            // Waits before writing, and checks again after each wake-up: several streams may be
            // woken together, and only the first should add its message to the socket's queue.
            if !self.connection.value.isWritable {
                let metrics = self.connection.value.metrics
                metrics.streamStartedWaiting()
                defer { metrics.streamStoppedWaiting() }
                while !self.connection.value.isWritable {
                    try await withCheckedThrowingContinuation { continuation in
                        self.writabilityWaiters.append(continuation)
                    }
                    guard !self.hasEnded else { throw CancellationError() }
                }
            }
            if self.connection.value.writeResponse(callID: self.id, payload: payload) {
                await Task.yield()
                guard !self.hasEnded else { throw CancellationError() }
            }
        }
    }

    /// Measures the frame that would carry `payload` (rare: only payloads within a few bytes of
    /// the limit come here) and refuses it if the frame would pass the limit.
    private func checkFrameSize(of payload: Data) throws {
        var frame = Frame()
        switch self.kind {
        case .unary:
            frame.status = CallStatus.with {
                $0.callID = self.id
                $0.payload = payload
            }
        case .serverStreaming:
            frame.response = Response.with {
                $0.callID = self.id
                $0.payload = payload
            }
        }
        let frameBytes = try frame.serializedBytes() as [UInt8]
        let limit = self.maxPayloadBytes + Self.frameOverheadBytes
        guard frameBytes.count <= limit else {
            throw RPCError(
                .resourceExhausted,
                "the response of \(payload.count) bytes needs a frame of \(frameBytes.count) bytes; the limit is \(limit) bytes",
                field: "",
                rule: "frame.max_bytes"
            )
        }
    }

    // MARK: Events from the connection

    /// The peer can take more bytes again.
    func resumeWriting() {
        let waiters = self.writabilityWaiters
        self.writabilityWaiters.removeAll()
        waiters.forEach { $0.resume() }
    }

    /// The client sent a Cancel for this call.
    func cancelByClient() {
        self.end(with: RPCError(.cancelled, "the call was cancelled by the client"))
    }

    /// The server's drain timeout passed with this call still running.
    func endForShutdown() {
        self.end(with: RPCError(.unavailable, "the server is shutting down and its drain timeout has passed; call again on another connection"))
    }

    /// The key of this call's connection was revoked.
    func endForRevocation(keyID: String) {
        self.end(with: RPCError(
            .unauthenticated,
            "the API key \(keyID) was revoked; connect again with another key",
            field: "",
            rule: "auth.key_revoked"
        ))
    }

    /// The connection is gone: stop the handler, answer nobody.
    func abandon() {
        guard !self.hasEnded else { return }
        self.hasEnded = true
        self.stopHandler()
        self.record(.cancelled, message: "the connection closed before the call ended")
    }

    // MARK: Ending

    /// Ends the call with `error`, written in the call's language; the log keeps the English.
    private func end(with error: RPCError) {
        let refusal = self.rules.localized(error, in: self.language)
        var status = CallStatus()
        status.code = refusal.code
        status.message = refusal.message
        status.details = refusal.details
        self.end(status, logMessage: error.message)
    }

    private func end(status code: StatusCode, payload: Data) {
        var status = CallStatus()
        status.code = code
        status.payload = payload
        self.end(status)
    }

    private func end(_ status: CallStatus, logMessage: String? = nil) {
        guard !self.hasEnded else { return }
        self.hasEnded = true
        self.stopHandler()
        var status = status
        status.callID = self.id
        self.record(status.code, message: logMessage ?? status.message)
        self.connection.value.callEnded(callID: self.id, status: status)
    }

    /// Counts and logs the call with the status the client is sent: the transport's word, so a
    /// deadline is counted DEADLINE_EXCEEDED and not as the cancellation the handler saw.
    private func record(_ code: StatusCode, message: String) {
        let elapsed = ContinuousClock.now - self.startedAt
        self.metrics.record(routeIndex: self.route.index, code: code, latency: elapsed)
        if code == .ok {
            if self.logger.logLevel <= .debug {
                self.logger.debug(
                    "call ok",
                    metadata: ["method": "\(self.route.descriptor.path)", "call": "\(self.id)", "status": "OK", "elapsed": "\(elapsed)"]
                )
            }
        } else {
            self.logger.info(
                "call refused",
                metadata: [
                    "method": "\(self.route.descriptor.path)", "call": "\(self.id)",
                    "status": "\(code.name)", "reason": "\(message)", "elapsed": "\(elapsed)",
                ]
            )
        }
    }

    private func stopHandler() {
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        self.task = nil
        let waiters = self.writabilityWaiters
        self.writabilityWaiters.removeAll()
        waiters.forEach { $0.resume(throwing: CancellationError()) }
    }
}
