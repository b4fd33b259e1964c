import Foundation
import Testing
import ThiduaClient
import ThiduaHost
import ThiduaTesting
import ThiduaWire

/// Runs `body` against a fresh server and always stops the server afterwards.
func withServer(
    configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> Void
) async throws {
    let server = try await TestServer.start(configure: configure)
    do {
        try await body(server)
    } catch {
        try? await server.stop()
        throw error
    }
    try await server.stop()
}

/// The status an awaited call failed with.
@discardableResult
func expectStatus(
    _ code: StatusCode,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ call: () async throws -> Void
) async -> RPCError? {
    do {
        try await call()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code.name), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

func echo(_ text: String, delayMs: UInt32 = 0) -> EchoRequest {
    .with {
        $0.payload = Data(text.utf8)
        $0.delayMs = delayMs
    }
}

extension Frame {
    static func request(_ callID: UInt64, _ method: String, _ payload: Data = Data()) -> Frame {
        var frame = Frame()
        frame.request = Request.with {
            $0.callID = callID
            $0.method = method
            $0.payload = payload
        }
        return frame
    }
}
