import Foundation
import NIOCore
import Testing
import ThiduaWire
@testable import thidua_load

@Suite struct WireCodecTests {
    @Test(arguments: [1, 127, 128, 300, 16_384, 1 << 40, UInt64.max] as [UInt64])
    func handEncodedRequestsDecodeAsTheSameRequest(callID: UInt64) throws {
        let payload = Data((0..<64).map { UInt8($0) })
        let encoder = try RequestEncoder(
            method: Methods.Host.Echo.unary.path, payload: payload, metadata: ["k": "v"], timeoutMilliseconds: 1500
        )
        var buffer = ByteBuffer()
        encoder.write(callID: callID, to: &buffer)
        #expect(buffer.readableBytes <= encoder.maximumFrameBytes)
        var parser = FrameLengthParser(maxFrameBytes: 1 << 20)
        let body = try #require(try parser.nextFrame(from: &buffer))
        #expect(buffer.readableBytes == 0)
        let frame = try Frame(frameBody: body)
        var expected = Request()
        expected.callID = callID
        expected.method = Methods.Host.Echo.unary.path
        expected.payload = payload
        expected.metadata = ["k": "v"]
        expected.timeoutMs = 1500
        #expect(frame.request == expected)
    }

    @Test func eachVariantOfThePayloadIsWrittenAsItsOwnRequest() throws {
        let payloads = (0..<3).map { Data("variant \($0)".utf8) }
        let encoder = try RequestEncoder(method: Methods.Host.Echo.unary.path, payloads: payloads)
        #expect(encoder.variants == 3)
        for (variant, payload) in payloads.enumerated() {
            var buffer = ByteBuffer()
            encoder.write(callID: 7, variant: variant, to: &buffer)
            var parser = FrameLengthParser(maxFrameBytes: 1 << 20)
            let frame = try Frame(frameBody: try #require(try parser.nextFrame(from: &buffer)))
            #expect(frame.request.payload == payload && frame.request.callID == 7)
        }
    }

    @Test func scansStatusesHelloAndGoAway() throws {
        var stream = ByteBuffer()
        var hello = Frame()
        hello.serverHello = ServerHello.with { $0.protocolVersion = 1 }
        stream.writeImmutableBuffer(try hello.lengthPrefixed())
        var ok = Frame()
        ok.status = CallStatus.with {
            $0.callID = 300
            $0.payload = Data(repeating: 7, count: 64)
        }
        stream.writeImmutableBuffer(try ok.lengthPrefixed())
        var refused = Frame()
        refused.status = CallStatus.with {
            $0.callID = 301
            $0.code = .invalidArgument
            $0.message = "no"
            $0.details = [ErrorDetail(field: "f", rule: "r", description: "d")]
        }
        stream.writeImmutableBuffer(try refused.lengthPrefixed())
        var goAway = Frame()
        goAway.goAway = GoAway.with {
            $0.lastCallID = 301
            $0.code = .ok
            $0.message = "bye"
        }
        let goAwayBytes = try goAway.lengthPrefixed()
        stream.writeImmutableBuffer(goAwayBytes.getSlice(at: goAwayBytes.readerIndex, length: 5)!)

        var events: [ServerEvent] = []
        try ResponseScanner.scan(&stream, maxFrameBytes: 1 << 20) { events.append($0) }
        #expect(events == [.hello, .status(callID: 300, code: 0), .status(callID: 301, code: 3)])
        // The partial GoAway waits for its remaining bytes.
        #expect(stream.readableBytes == 5)
        stream.writeImmutableBuffer(goAwayBytes.getSlice(at: goAwayBytes.readerIndex + 5, length: goAwayBytes.readableBytes - 5)!)
        try ResponseScanner.scan(&stream, maxFrameBytes: 1 << 20) { events.append($0) }
        #expect(events.last == .goAway(lastCallID: 301, code: 0, message: "bye"))
    }

    @Test func refusesOversizedAndMalformedFrames() {
        var big = ByteBuffer()
        big.writeInteger(UInt32(1000))
        #expect(throws: WireError.self) { try ResponseScanner.scan(&big, maxFrameBytes: 999) { _ in } }
        var broken = ByteBuffer(bytes: [0, 0, 0, 3, 0x2a, 0x01, 0x0f])
        #expect(throws: WireError.self) { try ResponseScanner.scan(&broken, maxFrameBytes: 100) { _ in } }
    }

    @Test func callTableSurvivesWrapAround() {
        var table = CallTable(inFlight: 4)  // a ring of 64
        table.insert(.init(callID: 1, startNanos: 10, method: 0))
        for id in 2...200 as ClosedRange<UInt64> {
            table.insert(.init(callID: id, startNanos: id, method: 1))
            if id > 2 { #expect(table.remove(id - 1)?.startNanos == id - 1) }
        }
        #expect(table.count == 2)
        #expect(table.remove(1) == .init(callID: 1, startNanos: 10, method: 0))
        #expect(table.remove(1) == nil)
        #expect(table.removeAll().map(\.callID) == [200])
        #expect(table.count == 0)
    }
}
