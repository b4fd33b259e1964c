import NIOCore
import Testing
import ThiduaWire

@Suite struct FrameLengthParserTests {
    private func bytes(_ values: [UInt8]) -> ByteBuffer { ByteBuffer(bytes: values) }

    @Test func splitsManyFramesInOneBuffer() throws {
        var parser = FrameLengthParser(maxFrameBytes: 100)
        var buffer = bytes([0, 0, 0, 2, 0xAA, 0xBB, 0, 0, 0, 0, 0, 0, 0, 1, 0xCC, 0, 0])
        #expect(try parser.nextFrame(from: &buffer) == bytes([0xAA, 0xBB]))
        #expect(try parser.nextFrame(from: &buffer) == bytes([]))
        #expect(try parser.nextFrame(from: &buffer) == bytes([0xCC]))
        #expect(try parser.nextFrame(from: &buffer) == nil)
        #expect(buffer.readableBytes == 2, "the partial header stays buffered")
    }

    @Test func waitsForTheWholeBody() throws {
        var parser = FrameLengthParser(maxFrameBytes: 100)
        var buffer = bytes([0, 0, 0, 3, 1, 2])
        #expect(try parser.nextFrame(from: &buffer) == nil)
        #expect(buffer.readableBytes == 6, "nothing is consumed until the frame is complete")
        buffer.writeInteger(UInt8(3))
        #expect(try parser.nextFrame(from: &buffer) == bytes([1, 2, 3]))
    }

    @Test func refusesAnOversizedFrameOnItsHeaderAlone() {
        var parser = FrameLengthParser(maxFrameBytes: 1024, maxFirstFrameBytes: 1024)
        var buffer = bytes([0x80, 0, 0, 0])
        #expect(throws: WireError.frameTooLarge(announced: 0x8000_0000, limit: 1024)) {
            try parser.nextFrame(from: &buffer)
        }
    }

    @Test func acceptsExactlyTheLimitAndRefusesOneMore() throws {
        var parser = FrameLengthParser(maxFrameBytes: 8, maxFirstFrameBytes: 8)
        var exact = bytes([0, 0, 0, 8] + Array(repeating: 7, count: 8))
        #expect(try parser.nextFrame(from: &exact)?.readableBytes == 8)
        var over = bytes([0, 0, 0, 9])
        #expect(throws: WireError.frameTooLarge(announced: 9, limit: 8)) {
            try parser.nextFrame(from: &over)
        }
    }

    @Test func holdsTheFirstFrameToTheHelloLimit() throws {
        var parser = FrameLengthParser(maxFrameBytes: 1 << 20, maxFirstFrameBytes: 16)
        var first = bytes([0, 0, 0, 17])
        #expect(throws: WireError.frameTooLarge(announced: 17, limit: 16)) {
            try parser.nextFrame(from: &first)
        }
        var parser2 = FrameLengthParser(maxFrameBytes: 1 << 20, maxFirstFrameBytes: 16)
        var hello = bytes([0, 0, 0, 1, 9])
        _ = try parser2.nextFrame(from: &hello)
        #expect(parser2.currentLimit == 1 << 20, "later frames get the full limit")
    }
}
