import Foundation
import NIOCore
import Testing
import ThiduaWire

/// One entry of Tests/vectors/frames.txt; see that file's header for the format.
struct TestVector: CustomTestStringConvertible, Sendable {
    var name = ""
    var bytes: [UInt8] = []
    var fields: [String: String] = [:]
    var refusal: (rule: String, code: String)?

    var testDescription: String { self.name }

    static let all: [TestVector] = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("vectors/frames.txt")
        return (try? parse(String(contentsOf: url, encoding: .utf8))) ?? []
    }()

    static func parse(_ text: String) throws -> [TestVector] {
        var vectors: [TestVector] = []
        var current: TestVector?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") || line.isEmpty { continue }
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
            let keyword = String(parts[0])
            let rest = parts.count > 1 ? String(parts[1]) : ""
            switch keyword {
            case "vector": current = TestVector(name: rest)
            case "hex": current?.bytes = try hexBytes(rest)
            case "field":
                let pathAndValue = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
                let value = pathAndValue.count > 1 ? String(pathAndValue[1]) : ""
                let isDefault = value.isEmpty || value == "hex:" || value == "0" || value == StatusCode.ok.name
                if !isDefault {
                    current?.fields[String(pathAndValue[0])] = value
                }
            case "refuse":
                let ruleAndCode = rest.split(separator: " ")
                current?.refusal = (String(ruleAndCode[0]), String(ruleAndCode[1]))
            case "end":
                if let vector = current { vectors.append(vector) }
                current = nil
            case "note", "direction": break
            default: throw VectorFormatError(line: String(line))
            }
        }
        return vectors
    }

    static func hexBytes(_ hex: some StringProtocol) throws -> [UInt8] {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { throw VectorFormatError(line: String(hex)) }
        return try stride(from: 0, to: digits.count, by: 2).map { index in
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                throw VectorFormatError(line: String(hex))
            }
            return byte
        }
    }
}

struct VectorFormatError: Error {
    let line: String
}

/// The set fields of a frame, keyed by the paths the vectors use.
func flatten(_ frame: Frame) -> [String: String] {
    var fields: [String: String] = [:]
    func put(_ path: String, _ value: some CustomStringConvertible) {
        let text = "\(value)"
        if !text.isEmpty && text != "0" { fields[path] = text }
    }
    func put(_ path: String, bytes: Data) {
        if !bytes.isEmpty { fields[path] = "hex:" + bytes.map { String(format: "%02x", $0) }.joined() }
    }
    func put(_ path: String, code: StatusCode) {
        if code != .ok { fields[path] = code.name }
    }
    func put(_ path: String, details: [ErrorDetail]) {
        for (index, detail) in details.enumerated() {
            put("\(path)[\(index)].field", detail.field)
            put("\(path)[\(index)].rule", detail.rule)
            put("\(path)[\(index)].description", detail.description_p)
        }
    }
    switch frame.kind {
    case .clientHello(let hello):
        put("client_hello.protocol_version", hello.protocolVersion)
        put("client_hello.client_name", hello.clientName)
        put("client_hello.api_key", hello.apiKey)
    case .serverHello(let hello):
        put("server_hello.protocol_version", hello.protocolVersion)
        put("server_hello.server_version", hello.serverVersion)
        put("server_hello.limits.max_frame_bytes", hello.limits.maxFrameBytes)
        put("server_hello.limits.max_concurrent_calls", hello.limits.maxConcurrentCalls)
        put("server_hello.limits.frame_timeout_ms", hello.limits.frameTimeoutMs)
        put("server_hello.limits.idle_timeout_ms", hello.limits.idleTimeoutMs)
        for (index, service) in hello.services.enumerated() { put("server_hello.services[\(index)]", service) }
    case .request(let request):
        put("request.call_id", request.callID)
        put("request.method", request.method)
        for (key, value) in request.metadata { put("request.metadata[\(key)]", value) }
        put("request.timeout_ms", request.timeoutMs)
        put("request.payload", bytes: request.payload)
    case .response(let response):
        put("response.call_id", response.callID)
        put("response.payload", bytes: response.payload)
    case .status(let status):
        put("status.call_id", status.callID)
        put("status.code", code: status.code)
        put("status.message", status.message)
        put("status.details", details: status.details)
        put("status.payload", bytes: status.payload)
    case .cancel(let cancel):
        put("cancel.call_id", cancel.callID)
    case .ping(let ping):
        put("ping.opaque", ping.opaque)
    case .pong(let pong):
        put("pong.opaque", pong.opaque)
    case .goAway(let goAway):
        put("go_away.last_call_id", goAway.lastCallID)
        put("go_away.code", code: goAway.code)
        put("go_away.message", goAway.message)
        put("go_away.details", details: goAway.details)
    case nil:
        break
    }
    return fields
}

/// How a receiver with the server's limits treats a vector's bytes.
func decodeAsServer(_ bytes: [UInt8]) -> Result<Frame, WireError> {
    var parser = FrameLengthParser(maxFrameBytes: WireProtocol.defaultMaxFrameBytes)
    var buffer = ByteBuffer(bytes: bytes)
    do {
        guard let body = try parser.nextFrame(from: &buffer), buffer.readableBytes == 0 else {
            return .failure(.truncatedFrame(bufferedBytes: buffer.readableBytes))
        }
        return .success(try Frame(frameBody: body))
    } catch {
        return .failure(error)
    }
}

@Suite struct TestVectorTests {
    @Test func theVectorFileIsPresentAndComplete() {
        #expect(TestVector.all.count >= 18)
        #expect(TestVector.all.contains { $0.refusal != nil })
    }

    @Test(arguments: TestVector.all)
    func vectorDecodesAndReencodesExactly(_ vector: TestVector) throws {
        switch (decodeAsServer(vector.bytes), vector.refusal) {
        case (.success(let frame), nil):
            #expect(flatten(frame) == vector.fields)
            #expect(Array(try frame.lengthPrefixed().readableBytesView) == vector.bytes)
        case (.failure(let error), let refusal?):
            #expect(error.rule == refusal.rule)
            #expect(error.statusCode.name == refusal.code)
        case (let result, let refusal):
            Issue.record("vector \(vector.name): got \(result), expected refusal \(String(describing: refusal))")
        }
    }

    @Test func changingAnyByteOfAValidVectorIsNoticed() throws {
        for vector in TestVector.all where vector.refusal == nil {
            for index in vector.bytes.indices {
                var mutated = vector.bytes
                mutated[index] ^= 0x01
                let unchanged: Bool
                if case .success(let frame) = decodeAsServer(mutated) {
                    let reencoded = Array(try frame.lengthPrefixed().readableBytesView)
                    unchanged = flatten(frame) == vector.fields && reencoded == vector.bytes
                } else {
                    unchanged = false
                }
                #expect(!unchanged, "flipping byte \(index) of \(vector.name) went unnoticed")
            }
        }
    }
}
