import SwiftProtobuf

/// The typed sending end of a server-streaming call.
public struct ResponseStream<Output: SwiftProtobuf.Message>: Sendable {
    private let responder: any CallResponder

    public init(responder: any CallResponder) {
        self.responder = responder
    }

    /// Sends one message. Suspends while the client is not reading; throws once the call has ended.
    public func send(_ message: Output) async throws {
        try await self.responder.send(message.serializedBytes())
    }
}
