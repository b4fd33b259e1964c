import Foundation
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// The shape of the JSON text: layout, escaping, Unicode.
@Suite("JSON output")
struct JSONOutputTests {
    let codec = Fixtures.wireCodec

    @Test func prettyPrintingIndentsByTwoSpaces() throws {
        let frame = try Frame.with {
            $0.request = Request.with { $0.callID = 1; $0.method = "m"; $0.metadata = ["k": "v"] }
        }.serializedBytes() as Data
        let json = try codec.json(fromBinary: frame, messageType: "thidua.wire.v1.Frame", pretty: true)
        #expect(
            json == """
                {
                  "request": {
                    "callId": "1",
                    "method": "m",
                    "metadata": {
                      "k": "v"
                    },
                    "timeoutMs": "0",
                    "payload": ""
                  }
                }
                """)
    }

    @Test func prettyPrintingKeepsEmptyContainersOnOneLine() throws {
        let hello = try ServerHello.with { $0.limits = Limits() }.serializedBytes() as Data
        let json = try codec.json(fromBinary: hello, messageType: "thidua.wire.v1.ServerHello", pretty: true)
        #expect(
            json == """
                {
                  "protocolVersion": 0,
                  "serverVersion": "",
                  "limits": {
                    "maxFrameBytes": 0,
                    "maxConcurrentCalls": 0,
                    "frameTimeoutMs": 0,
                    "idleTimeoutMs": 0
                  },
                  "services": [],
                  "language": ""
                }
                """)
    }

    @Test func stringsAreEscapedAndUnicodeIsKept() throws {
        let method = "quote\" backslash\\ newline\n tab\t nul\u{0} del\u{7F} é 😀 Sáng kiến"
        let binary = try Request.with { $0.method = method }.serializedBytes() as Data
        let json = try codec.json(fromBinary: binary, messageType: "thidua.wire.v1.Request")
        #expect(
            json == #"{"callId":"0","method":"quote\" backslash\\ newline\n tab\t nul\u0000 del\u007f é 😀 Sáng kiến","metadata":{},"timeoutMs":"0","payload":""}"#)
        #expect(try JSONTree.parse(json).members?["method"] == .string(method))
        #expect(try codec.binary(fromJSON: Data(json.utf8), messageType: "thidua.wire.v1.Request") == binary)
    }

    @Test func vietnameseTextRoundTrips() throws {
        let detail = ErrorDetail.with {
            $0.field = "sáng_kiến.lợi_ích"
            $0.description_p = "Sáng kiến phải có lợi ích kinh tế – Công đoàn cơ sở"
        }
        let binary = try detail.serializedBytes() as Data
        let json = try codec.json(fromBinary: binary, messageType: "thidua.wire.v1.ErrorDetail")
        #expect(json.contains("Sáng kiến phải có lợi ích kinh tế – Công đoàn cơ sở"))
        let back = try codec.binary(fromJSON: Data(json.utf8), messageType: "thidua.wire.v1.ErrorDetail")
        #expect(try ErrorDetail(serializedBytes: back) == detail)
    }

    @Test func errorDescriptionJoinsPathAndMessage() {
        #expect(DynamicMessageError(path: "a.b[2]", message: "bad").description == "a.b[2]: bad")
        #expect(DynamicMessageError(message: "truncated varint at byte 17").description == "truncated varint at byte 17")
    }
}
