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
    nonisolated let executor: CallExecutor
    nonisolated var eventLoop: any EventLoop { self.executor.eventLoop }
    /// The largest response message that still fits in a frame within the announced limit.
    private let maxPayloadBytes: Int
    private let connection: NIOLoopBound<ConnectionHandler>
    private var task: Task<Void, Never>?
    private var deadlineTimer: Scheduled<Void>?
    private var unaryResponse: Data?
    private var writabilityWaiter: CheckedContinuation<Void, any Error>?
    private var hasEnded = false

    nonisolated var unownedExecutor: UnownedSerialExecutor {
        self.executor.asUnownedSerialExecutor()
    }

    init(
        id: UInt64,
        kind: MethodKind,
        maxFrameBytes: Int,
        executor: CallExecutor,
        connection: NIOLoopBound<ConnectionHandler>
    ) {
        self.id = id
        self.kind = kind
        self.maxPayloadBytes = maxFrameBytes - Self.frameOverheadBytes
        self.executor = executor
        self.connection = connection
    }

    /// Room for the frame around a payload: the kind's tag and length, the call id, the payload's
    /// tag and length. Generous, so no message that passes the check can overflow the frame.
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
        do {
            try await body(request, context)
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

    // MARK: CallResponder

    func send(_ payload: Data) async throws {
        guard !self.hasEnded else { throw CancellationError() }
        guard payload.count <= self.maxPayloadBytes else {
            throw RPCError(
                .resourceExhausted,
                "the response of \(payload.count) bytes does not fit in a frame of at most \(self.maxPayloadBytes + Self.frameOverheadBytes) bytes",
                field: "",
                rule: "frame.max_bytes"
            )
        }
        switch self.kind {
        case .unary:
            guard self.unaryResponse == nil else {
                throw RPCError(.internal, "internal error")
            }
            self.unaryResponse = payload
        case .serverStreaming:
            let connection = self.connection.value
            connection.writeResponse(callID: self.id, payload: payload)
            if !connection.isWritable {
                try await withCheckedThrowingContinuation { continuation in
                    self.writabilityWaiter = continuation
                }
            }
        }
    }

    // MARK: Events from the connection

    /// The peer can take more bytes again.
    func resumeWriting() {
        self.writabilityWaiter.take()?.resume()
    }

    /// The client sent a Cancel for this call.
    func cancelByClient() {
        self.end(with: RPCError(.cancelled, "the call was cancelled by the client"))
    }

    /// The connection is gone: stop the handler, answer nobody.
    func abandon() {
        guard !self.hasEnded else { return }
        self.hasEnded = true
        self.stopHandler()
    }

    // MARK: Ending

    private func end(with error: RPCError) {
        var status = CallStatus()
        status.code = error.code
        status.message = error.message
        status.details = error.details
        self.end(status)
    }

    private func end(status code: StatusCode, payload: Data) {
        var status = CallStatus()
        status.code = code
        status.payload = payload
        self.end(status)
    }

    private func end(_ status: CallStatus) {
        guard !self.hasEnded else { return }
        self.hasEnded = true
        self.stopHandler()
        var status = status
        status.callID = self.id
        self.connection.value.callEnded(callID: self.id, status: status)
    }

    private func stopHandler() {
        self.deadlineTimer?.cancel()
        self.deadlineTimer = nil
        self.task?.cancel()
        self.task = nil
        self.writabilityWaiter.take()?.resume(throwing: CancellationError())
    }
}
