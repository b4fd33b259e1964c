import NIOCore
import NIOEmbedded
import Testing
import ThiduaWire

@Suite struct FrameEncoderTests {
    @Test func gathersTheFramesOfOneFlushIntoOneBuffer() throws {
        let channel = EmbeddedChannel(handler: FrameEncoder())
        var first = Frame()
        first.ping = Ping.with { $0.opaque = 1 }
        var second = Frame()
        second.status = CallStatus.with {
            $0.callID = 9
            $0.code = .notFound
            $0.message = "không tìm thấy"
        }
        channel.write(first, promise: nil)
        channel.write(second, promise: nil)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil, "nothing leaves before the flush")
        channel.flush()
        var written = try #require(try channel.readOutbound(as: ByteBuffer.self))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil, "one buffer for the whole burst")

        var parser = FrameLengthParser(maxFrameBytes: 1024, maxFirstFrameBytes: 1024)
        let decoded = try [
            Frame(frameBody: #require(try parser.nextFrame(from: &written))),
            Frame(frameBody: #require(try parser.nextFrame(from: &written))),
        ]
        #expect(decoded == [first, second])
        #expect(written.readableBytes == 0)
    }

    @Test func writesTheLengthAsFourBigEndianBytes() throws {
        var frame = Frame()
        frame.cancel = Cancel.with { $0.callID = 300 }
        let bytes = try frame.lengthPrefixed()
        // Frame.cancel is field 6 (tag 0x32), holding Cancel.call_id = 300 (varint 0xAC 0x02).
        #expect(Array(bytes.readableBytesView) == [0, 0, 0, 5, 0x32, 0x03, 0x08, 0xAC, 0x02])
    }
}
