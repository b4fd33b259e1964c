import Foundation
import NIOCore
import SwiftProtobuf
import Testing
import ThiduaWire

/// The hand-written request decoder and status encoder must agree with SwiftProtobuf byte for
/// byte, and hand everything else over to it.
@Suite struct CallFrameCodecTests {
    @Test("requests decode as SwiftProtobuf decodes them", arguments: 0..<8)
    func requestsDecodeAsSwiftProtobufDoes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<250 {
            var frame = Frame()
            frame.request = Self.randomRequest(using: &random)
            let body: ByteBuffer = try frame.serializedBytes()
            let decoded = try #require(CallFrameCodec.request(fromFrameBody: body), "declined \(frame.request)")
            #expect(decoded == frame.request)
            #expect(try Frame(frameBody: body) == frame)
        }
    }

    @Test func anythingButAPlainRequestIsLeftToSwiftProtobuf() throws {
        let request = Request.with {
            $0.callID = 7
            $0.method = "thidua.host.v1.Echo/Unary"
            $0.payload = Data([1, 2, 3])
        }
        var frame = Frame()
        frame.request = request
        let plain: [UInt8] = try frame.serializedBytes()
        #expect(CallFrameCodec.request(fromFrameBody: ByteBuffer(bytes: plain)) == request)

        // An unknown field (number 6, varint 1) in the request: SwiftProtobuf discards it.
        let unknown = ByteBuffer(bytes: [0x1A, UInt8(plain.count)] + plain.dropFirst(2) + [0x30, 0x01])
        #expect(CallFrameCodec.request(fromFrameBody: unknown) == nil)
        #expect(try Frame(frameBody: unknown).request.callID == 7)

        // More bytes after the request: a second kind, which wins.
        let twoKinds = ByteBuffer(bytes: plain + [0x3A, 0x02, 0x08, 0x05])
        #expect(CallFrameCodec.request(fromFrameBody: twoKinds) == nil)
        #expect(try Frame(frameBody: twoKinds).ping.opaque == 5)

        // Truncated, and a method that is not UTF-8: SwiftProtobuf refuses both.
        let truncated = ByteBuffer(bytes: plain.dropLast())
        #expect(CallFrameCodec.request(fromFrameBody: truncated) == nil)
        #expect(throws: WireError.self) { try Frame(frameBody: truncated) }
        let notUTF8 = ByteBuffer(bytes: [0x1A, 0x04, 0x12, 0x02, 0xC3, 0x28])
        #expect(CallFrameCodec.request(fromFrameBody: notUTF8) == nil)
        #expect(throws: WireError.self) { try Frame(frameBody: notUTF8) }

        // A varint of eleven bytes.
        let longVarint = ByteBuffer(bytes: [0x1A, 0x0C, 0x08] + [UInt8](repeating: 0xFF, count: 10) + [0x01])
        #expect(CallFrameCodec.request(fromFrameBody: longVarint) == nil)
    }

    @Test("statuses encode as SwiftProtobuf encodes them", arguments: 0..<8)
    func statusesEncodeAsSwiftProtobufDoes(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        let codes: [StatusCode] = [.ok, .cancelled, .invalidArgument, .deadlineExceeded, .notFound, .internal, .unauthenticated]
        let messages = ["", "the call was cancelled by the client", "đơn vị u17 không tồn tại", String(repeating: "x", count: 200)]
        for _ in 0..<250 {
            var frame = Frame()
            frame.status = CallStatus.with {
                $0.callID = random.next() % 4 == 0 ? 0 : random.next() >> (random.next() % 64)
                $0.code = codes.randomElement(using: &random)!
                $0.message = messages.randomElement(using: &random)!
                $0.payload = Data((0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            }
            #expect(CallFrameCodec.canEncode(frame.status))
            var handWritten = ByteBuffer()
            CallFrameCodec.appendStatusFrame(frame.status, to: &handWritten)
            #expect(handWritten == (try frame.lengthPrefixed()), "\(frame.status)")
        }
    }

    @Test func statusesWithDetailsGoThroughSwiftProtobuf() {
        let status = CallStatus.with {
            $0.code = .invalidArgument
            $0.details = [ErrorDetail.with { $0.field = "title" }]
        }
        #expect(!CallFrameCodec.canEncode(status))
    }

    private static func randomRequest(using random: inout SplitMix64) -> Request {
        let methods = ["", "thidua.host.v1.Echo/Unary", "thidua.innovation.v1.Initiatives/FileInitiative", "Sáng kiến/Ghi"]
        return Request.with {
            $0.callID = random.next() >> (random.next() % 64)
            $0.method = methods.randomElement(using: &random)!
            for index in 0..<Int(random.next() % 4) {
                $0.metadata["key-\(index)"] = index == 2 ? "" : "giá trị \(random.next() % 1000)"
            }
            $0.timeoutMs = random.next() % 3 == 0 ? 0 : random.next() >> (random.next() % 64)
            $0.payload = Data((0..<Int(random.next() % 200)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }
}

/// A small seeded generator, so a failing case can be replayed.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        self.state = seed
    }

    mutating func next() -> UInt64 {
        self.state &+= 0x9E37_79B9_7F4A_7C15
        var value = self.state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
