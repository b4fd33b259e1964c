import Foundation
import SwiftProtobuf
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// Binary → JSON: wire types, merge rules, and malformed input refused with byte offsets.
@Suite("Binary input")
struct BinaryInputTests {
    let wire = Fixtures.wireCodec
    let test = Fixtures.testCodec

    private func error(_ hex: String, as type: String, codec: DynamicMessageCodec = Fixtures.wireCodec) -> DynamicMessageError? {
        dynamicError { _ = try codec.json(fromBinary: Data(hex: hex), messageType: type) }
    }

    @Test(arguments: [
        ("10 80", "delayMs", "truncated varint at byte 1"),
        ("0a 05 6869", "payload", "length 5 at byte 1 runs past the end of the enclosing message (2 bytes left)"),
        (
            "08 01", "payload",
            "field 1 (payload) of thidua.host.v1.EchoRequest is a bytes field, so its values are length-delimited, "
                + "but the tag at byte 0 says varint"
        ),
        ("0f", "", "invalid wire type 7 at byte 0"),
        ("0000", "", "invalid field number 0 at byte 0"),
        ("80", "", "truncated varint at byte 0"),
        ("10 ffffffffffffffffff7f", "delayMs", "varint at byte 1 overflows 64 bits"),
        ("0c", "", "unexpected end-group tag for field 1 at byte 0"),
        ("9b06 0801", "", "group of field 99 starting at byte 0 has no end-group tag"),
        ("9b06 a406", "", "end-group tag for field 100 at byte 2 closes a group of field 99"),
        ("9906 0102", "", "truncated 64-bit value at byte 2 (8 bytes needed, 2 bytes left)"),
        ("9d06 01", "", "truncated 32-bit value at byte 2 (4 bytes needed, 1 byte left)"),
    ])
    func malformedEchoRequestIsRefused(hex: String, path: String, message: String) {
        #expect(error(hex, as: "thidua.host.v1.EchoRequest") == DynamicMessageError(path: path, message: message))
    }

    @Test func errorsInNestedMessagesNameTheirPath() {
        // Frame.status (5) holding two details (4); the second one's rule (2) claims 5 bytes, has 1.
        let hex = "2a0a" + "2203 0a0161" + "2203 120562"
        #expect(
            error(hex, as: "thidua.wire.v1.Frame")
                == DynamicMessageError(
                    path: "status.details[1].rule",
                    message: "length 5 at byte 10 runs past the end of the enclosing message (1 byte left)"))
    }

    @Test func invalidUTF8InAStringIsRefused() {
        #expect(
            error("12 02 c328", as: "thidua.wire.v1.Request")
                == DynamicMessageError(path: "method", message: "string at byte 2 is not valid UTF-8"))
    }

    @Test func truncatedPackedRecordIsRefused() {
        #expect(
            error("fa01 02 0180", as: "thidua.test.v1.AllTypes", codec: test)
                == DynamicMessageError(path: "rInt32", message: "truncated varint at byte 4"))
    }

    @Test func packedAndUnpackedRepeatedScalarsBothDecode() throws {
        // r_int32 (31): unpacked 1, packed [2, 3], unpacked 4.
        // r_fixed32_unpacked (37, [packed = false]): packed [1, 2].
        // r_color (34): packed [RED], unpacked GREEN.
        let hex = "f80101 fa01020203 f80104" + "aa0208 01000000 02000000" + "92020101 900202"
        let binary = Data(hex: hex)
        let members = try JSONTree.parse(try test.json(fromBinary: binary, messageType: "thidua.test.v1.AllTypes")).members
        #expect(members?["rInt32"] == .array([.number(1), .number(2), .number(3), .number(4)]))
        #expect(members?["rFixed32Unpacked"] == .array([.number(1), .number(2)]))
        #expect(members?["rColor"] == .array([.string("RED"), .string("GREEN")]))

        let swift = try Thidua_Test_V1_AllTypes(serializedBytes: binary)
        #expect(swift.rInt32 == [1, 2, 3, 4])
        #expect(swift.rFixed32Unpacked == [1, 2])
        #expect(swift.rColor == [.red, .green])
    }

    @Test func proto2RepeatedScalarsDecodePackedOrNot() throws {
        // values (2, unpacked by default) given packed; packed_values (3, [packed = true]) given unpacked.
        let json = try test.json(fromBinary: Data(hex: "12020102 1803"), messageType: "thidua.test.v1.Legacy")
        #expect(json == #"{"values":[1,2],"packedValues":[3]}"#)
    }

    @Test func groupsDecode() throws {
        let json = try test.json(fromBinary: Data(hex: "0800 232a0178 24 3003"), messageType: "thidua.test.v1.Legacy")
        // `count` is set to 0 (proto2 presence); `kind` holds 3, which Kind does not declare.
        #expect(json == #"{"count":0,"values":[],"packedValues":[],"item":{"label":"x"},"kind":3}"#)
        #expect(
            dynamicError { _ = try test.json(fromBinary: Data(hex: "0800 232a0178"), messageType: "thidua.test.v1.Legacy") }
                == DynamicMessageError(path: "item", message: "group of field 4 starting at byte 2 has no end-group tag"))
        #expect(
            dynamicError { _ = try test.json(fromBinary: Data(hex: "2200"), messageType: "thidua.test.v1.Legacy") }
                == DynamicMessageError(
                    path: "item",
                    message: "field 4 (item) of thidua.test.v1.Legacy is message thidua.test.v1.Legacy.Item, so its values are "
                        + "start-group, but the tag at byte 0 says length-delimited"))
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        let unknown =
            "9806 05" + "9906 0102030405060708" + "9a06 02abcd" + "9d06 01020304"
            + "9b06 0801 13 1805 14 9c06"
        let json = try wire.json(fromBinary: Data(hex: unknown + "1007"), messageType: "thidua.host.v1.EchoRequest")
        #expect(json == #"{"payload":"","delayMs":7}"#)
    }

    @Test func theLastScalarWinsAndSingularMessagesMerge() throws {
        // Frame.status twice: call_id 5, then code 3; EchoRequest.delay_ms twice.
        let frame = Data(hex: "2a020805 2a021003")
        let json = try wire.json(fromBinary: frame, messageType: "thidua.wire.v1.Frame")
        #expect(json == #"{"status":{"callId":"5","code":"INVALID_ARGUMENT","message":"","details":[],"payload":""}}"#)
        let swift = try Frame(serializedBytes: frame)
        #expect(swift.status.callID == 5 && swift.status.code == .invalidArgument)

        #expect(try wire.json(fromBinary: Data(hex: "1001 1002"), messageType: "thidua.host.v1.EchoRequest") == #"{"payload":"","delayMs":2}"#)
    }

    @Test func bytesArePrintedAsPaddedStandardBase64() throws {
        let json = try wire.json(fromBinary: Data(hex: "0a03 fbffbf"), messageType: "thidua.host.v1.EchoRequest")
        #expect(json == #"{"payload":"+/+/","delayMs":0}"#)
        let two = try wire.json(fromBinary: Data(hex: "0a02 fbff"), messageType: "thidua.host.v1.EchoRequest")
        #expect(two == #"{"payload":"+/8=","delayMs":0}"#)
    }
}
