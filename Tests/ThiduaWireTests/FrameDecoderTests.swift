import Foundation
import NIOCore
import NIOEmbedded
import NIOTestUtils
import Testing
import ThiduaWire

@Suite struct FrameDecoderTests {
    private static func sampleFrames() -> [Frame] {
        var hello = Frame()
        hello.clientHello = ClientHello.with {
            $0.protocolVersion = 1
            $0.clientName = "Công đoàn Triệu Sơn"
            $0.apiKey = "k"
        }
        var request = Frame()
        request.request = Request.with {
            $0.callID = 7
            $0.method = "thidua.host.v1.Echo/Unary"
            $0.metadata = ["idempotency-key": "abc"]
            $0.timeoutMs = 250
            $0.payload = Data(repeating: 0x5A, count: 300)
        }
        var ping = Frame()
        ping.ping = Ping.with { $0.opaque = 42 }
        var empty = Frame()
        empty.cancel = Cancel()
        return [hello, request, ping, empty]
    }

    @Test func decodesFramesDrippedByteByByteAndAllAtOnce() throws {
        let frames = Self.sampleFrames()
        let pairs = try frames.map { frame in (try frame.lengthPrefixed(), [frame]) }
        // The verifier feeds each input whole, byte by byte, and in random chunks.
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: pairs) {
            FrameDecoder(maxFrameBytes: 1 << 20, frameTimeout: nil)
        }
        var all = ByteBuffer()
        for frame in frames { all.writeImmutableBuffer(try frame.lengthPrefixed()) }
        try ByteToMessageDecoderVerifier.verifyDecoder(inputOutputPairs: [(all, frames)]) {
            FrameDecoder(maxFrameBytes: 1 << 20, frameTimeout: nil)
        }
    }

    @Test func refusesAFrameThatDoesNotDecode() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1024, frameTimeout: nil)))
        #expect(throws: WireError.self) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 3, 0xFF, 0xFF, 0xFF]))
        }
    }

    @Test func refusesAFrameOfNoKnownKind() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1024, frameTimeout: nil)))
        #expect(throws: WireError.unknownFrameKind) {
            try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 0]))
        }
    }

    @Test func refusesAnOversizedHeaderBeforeBufferingTheBody() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1 << 20, frameTimeout: nil)))
        #expect(throws: WireError.frameTooLarge(announced: 1 << 31, limit: WireProtocol.maxHelloBytes)) {
            try channel.writeInbound(ByteBuffer(bytes: [0x80, 0, 0, 0]))
        }
    }

    @Test func reportsAFrameCutShortByTheEndOfTheStream() throws {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1024, frameTimeout: nil)))
        try channel.writeInbound(ByteBuffer(bytes: [0, 0, 0, 10, 1, 2]))
        #expect(throws: WireError.truncatedFrame(bufferedBytes: 6)) {
            _ = try channel.finish()
        }
    }

    @Test func enforcesTheFrameDeadlineFromTheFirstByte() throws {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(
            handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1024, frameTimeout: .seconds(2))),
            loop: loop
        )
        try channel.writeInbound(ByteBuffer(bytes: [0, 0]))
        loop.advanceTime(by: .milliseconds(1500))
        // More bytes of the same frame do not reset the deadline.
        try channel.writeInbound(ByteBuffer(bytes: [0, 5, 1]))
        try channel.throwIfErrorCaught()
        loop.advanceTime(by: .milliseconds(600))
        #expect(throws: WireError.frameTimedOut(milliseconds: 2000)) {
            try channel.throwIfErrorCaught()
        }
    }

    @Test func completeFramesKeepTheDeadlineQuiet() throws {
        let loop = EmbeddedEventLoop()
        let channel = EmbeddedChannel(
            handler: ByteToMessageHandler(FrameDecoder(maxFrameBytes: 1024, frameTimeout: .seconds(1))),
            loop: loop
        )
        var ping = Frame()
        ping.ping = Ping.with { $0.opaque = 1 }
        let bytes = try ping.lengthPrefixed()
        for _ in 0..<5 {
            try channel.writeInbound(bytes.getSlice(at: 0, length: 3)!)
            loop.advanceTime(by: .milliseconds(500))
            try channel.writeInbound(bytes.getSlice(at: 3, length: bytes.readableBytes - 3)!)
            loop.advanceTime(by: .milliseconds(700))
        }
        try channel.throwIfErrorCaught()
        var received = 0
        while try channel.readInbound(as: Frame.self) != nil { received += 1 }
        #expect(received == 5)
    }
}
