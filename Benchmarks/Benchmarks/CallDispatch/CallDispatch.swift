import Benchmark
import Foundation
import Logging
import NIOCore
import SwiftProtobuf
import ThiduaHost
import ThiduaModuleKit

/// Collects the answer a handler sends, as the transport would.
final class CollectingResponder: CallResponder, @unchecked Sendable {
    var last = Data()

    func send(_ payload: Data) async throws {
        self.last = payload
    }
}

/// The call path without the socket: decode a request frame, find its route in the server's real
/// router (with the logging and metrics interceptors), run the Echo handler, encode the answer.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .wallClock, .throughput],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    var configuration = ServerConfiguration()
    configuration.dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-bench").path
    var logger = Logger(label: "bench")
    logger.logLevel = .warning
    let router = try! HostBuilder(configuration: configuration, runtimes: [], logger: logger).makeServer().router

    let payload = try! EchoRequest.with { $0.payload = Data(repeating: 0x2a, count: 64) }.serializedBytes() as Data
    var requestFrame = Frame()
    requestFrame.request = Request.with {
        $0.callID = 7
        $0.method = "thidua.host.v1.Echo/Unary"
        $0.payload = payload
    }
    let requestBytes = try! requestFrame.lengthPrefixed()
    let peer = Peer(clientName: "bench", remoteAddress: "127.0.0.1", principal: nil)

    Benchmark("route only") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(router.route(forPath: "thidua.host.v1.Echo/Unary"))
        }
    }

    Benchmark("decode, route, interceptors, Echo, encode") { benchmark in
        let responder = CollectingResponder()
        for _ in benchmark.scaledIterations {
            var parser = FrameLengthParser(maxFrameBytes: WireProtocol.defaultMaxFrameBytes)
            var bytes = requestBytes
            let frame = try Frame(frameBody: parser.nextFrame(from: &bytes)!)
            guard case .request(let request) = frame.kind, let route = router.route(forPath: request.method) else {
                fatalError("the request frame did not decode as a request")
            }
            let context = CallContext(
                callID: request.callID,
                method: route.descriptor,
                metadata: request.metadata,
                deadline: nil,
                peer: peer,
                logger: logger,
                responder: responder
            )
            try await route.body(CallRequest(payload: request.payload), context)
            var answer = Frame()
            answer.status = CallStatus.with {
                $0.callID = request.callID
                $0.payload = responder.last
            }
            blackHole(try answer.lengthPrefixed())
        }
    }
}
