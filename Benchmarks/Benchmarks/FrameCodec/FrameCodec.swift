import Benchmark
import Foundation
import NIOCore
import SwiftProtobuf
import ThiduaModuleKit

/// The frame codec on its own: cutting a request frame off a byte stream and decoding it, and
/// encoding a unary answer with its length prefix. 64-byte payloads, as in docs/PERFORMANCE.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.instructions, .mallocCountTotal, .wallClock, .throughput],
        scalingFactor: .kilo,
        maxDuration: .seconds(3)
    )

    let payload = try! EchoRequest.with { $0.payload = Data(repeating: 0x2a, count: 64) }.serializedBytes() as Data
    var requestFrame = Frame()
    requestFrame.request = Request.with {
        $0.callID = 12_345
        $0.method = "thidua.host.v1.Echo/Unary"
        $0.payload = payload
    }
    let requestBytes = try! requestFrame.lengthPrefixed()

    Benchmark("decode request frame") { benchmark in
        for _ in benchmark.scaledIterations {
            var parser = FrameLengthParser(maxFrameBytes: WireProtocol.defaultMaxFrameBytes)
            var bytes = requestBytes
            let body = try parser.nextFrame(from: &bytes)!
            blackHole(try Frame(frameBody: body))
        }
    }

    Benchmark("encode status frame") { benchmark in
        for _ in benchmark.scaledIterations {
            var frame = Frame()
            frame.status = CallStatus.with {
                $0.callID = 12_345
                $0.payload = payload
            }
            blackHole(try frame.lengthPrefixed())
        }
    }

    Benchmark("encode status frame, hand-written (CallFrameCodec, as the server does)") { benchmark in
        for _ in benchmark.scaledIterations {
            var frame = Frame()
            frame.status = CallStatus.with {
                $0.callID = 12_345
                $0.payload = payload
            }
            var buffer = ByteBuffer()
            CallFrameCodec.appendStatusFrame(frame.status, to: &buffer)
            blackHole(buffer)
        }
    }
}
