import Foundation
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// JSON → binary: what is accepted, what is refused, and how precisely.
@Suite("JSON input")
struct JSONInputTests {
    let codec = Fixtures.testCodec
    static let type = "thidua.test.v1.AllTypes"

    private func encode(_ json: String, as type: String = Self.type) throws(DynamicMessageError) -> Data {
        try codec.binary(fromJSON: Data(json.utf8), messageType: type)
    }

    private func error(_ json: String, as type: String = Self.type) -> DynamicMessageError? {
        dynamicError { _ = try encode(json, as: type) }
    }

    @Test func integersMayBeWrittenInAnyExactForm() throws {
        let expected = try encode(#"{"fInt32": 1000, "fUint64": "1000", "fSint64": "-1000"}"#)
        #expect(try encode(#"{"fInt32": 1e3, "fUint64": "1000.000", "fSint64": -10E2}"#) == expected)
        #expect(try encode(#"{"fInt32": "100000e-2", "fUint64": 1.0e3, "fSint64": "-1000"}"#) == expected)
        #expect(try encode(#"{"fInt32": -0, "fInt64": "-0.0"}"#).isEmpty)
    }

    @Test(arguments: [
        (#"{"fInt32": 1.5}"#, "fInt32", "1.5 is not an integer, as an int32 field requires"),
        (#"{"fInt32": 2147483648}"#, "fInt32", "2147483648 is out of range for an int32 field"),
        (#"{"fInt32": -2147483649}"#, "fInt32", "-2147483649 is out of range for an int32 field"),
        (#"{"fUint32": -1}"#, "fUint32", "-1 is out of range for a uint32 field"),
        (#"{"fInt64": "9223372036854775808"}"#, "fInt64", #""9223372036854775808" is out of range for an int64 field"#),
        (#"{"fUint64": 18446744073709551616}"#, "fUint64", "18446744073709551616 is out of range for a uint64 field"),
        (#"{"fFixed32": 1e10}"#, "fFixed32", "1e10 is out of range for a fixed32 field"),
        (#"{"fSfixed64": "1e-1"}"#, "fSfixed64", #""1e-1" is not an integer, as an sfixed64 field requires"#),
        (#"{"fInt64": "12abc"}"#, "fInt64", #""12abc" is not a valid integer for an int64 field"#),
        (#"{"fInt64": " 12"}"#, "fInt64", #"" 12" is not a valid integer for an int64 field"#),
        (#"{"fInt64": true}"#, "fInt64", "expected an integer (a number or a decimal string) for an int64 field, got a boolean"),
        (#"{"fUint32": {}}"#, "fUint32", "expected an integer (a number or a decimal string) for a uint32 field, got an object"),
        (#"{"fFloat": 1e39}"#, "fFloat", "1e39 is out of range for a float field"),
        (#"{"fDouble": "1e400"}"#, "fDouble", #""1e400" is out of range for a double field"#),
        (#"{"fDouble": "nan"}"#, "fDouble", #""nan" is not a number, "NaN", "Infinity" or "-Infinity" for a double field"#),
        (#"{"fBool": "true"}"#, "fBool", "expected true or false for a bool field, got a string"),
        (#"{"fString": 5}"#, "fString", "expected a string for a string field, got a number"),
        (#"{"fBytes": "a*b="}"#, "fBytes", #""a*b=" is not valid base64 for a bytes field"#),
        (#"{"fBytes": "QQ="}"#, "fBytes", #""QQ=" is not valid base64 for a bytes field"#),
        (#"{"fColor": "BLUE"}"#, "fColor", #""BLUE" is not a value of enum thidua.test.v1.Color"#),
        (#"{"fColor": 2147483648}"#, "fColor", "2147483648 is out of range for a number of enum thidua.test.v1.Color"),
        (#"{"fColor": false}"#, "fColor", "expected a value name or number for enum thidua.test.v1.Color, got a boolean"),
        (#"{"fNested": []}"#, "fNested", "expected an object for message thidua.test.v1.AllTypes.Nested, got an array"),
        (#"{"rInt32": 1}"#, "rInt32", #"expected an array for repeated field "r_int32", got a number"#),
        (#"{"rInt32": [1, null]}"#, "rInt32[1]", "null is not allowed in a repeated field"),
        (#"{"rNested": [{}, {"depth": "x"}]}"#, "rNested[1].depth", #""x" is not a valid integer for an int32 field"#),
        (#"{"mInt32String": []}"#, "mInt32String", #"expected an object for map field "m_int32_string", got an array"#),
        (#"{"mInt32String": {"x": "y"}}"#, #"mInt32String["x"]"#, #""x" is not a valid integer for an int32 field"#),
        (#"{"mBoolColor": {"yes": "RED"}}"#, #"mBoolColor["yes"]"#, #"map key "yes" is not "true" or "false""#),
        (#"{"mBoolColor": {"true": null}}"#, #"mBoolColor["true"]"#, "null is not allowed in a map"),
        (#"{"mStringNested": {"a.b": {"nope": 1}}}"#, #"mStringNested["a.b"].nope"#, #"unknown field "nope" in thidua.test.v1.AllTypes.Nested"#),
        (#"{"fInt32": 1, "fInt32": 2}"#, "fInt32", #"field "fInt32" is given twice"#),
        (#"{"fInt32": 1, "f_int32": 2}"#, "f_int32", #""fInt32" and "f_int32" name the same field of thidua.test.v1.AllTypes"#),
        (#"{"cString": "a", "cInt64": 1}"#, "cInt64", #""cString" and "cInt64" are both set, but they belong to oneof choice of thidua.test.v1.AllTypes: set at most one"#),
        (#"{"1": 1}"#, #"["1"]"#, #"unknown field "1" in thidua.test.v1.AllTypes"#),
        ("[]", "", "expected an object for message thidua.test.v1.AllTypes, got an array"),
    ])
    func refusesWithPathAndMessage(json: String, path: String, message: String) {
        #expect(error(json) == DynamicMessageError(path: path, message: message))
    }

    @Test(arguments: [
        (#"{"fInt32": 1,}"#, "invalid JSON at byte 13: expected a string key, found character '}'"),
        (#"{"fString": "abc"#, "invalid JSON at byte 12: unterminated string"),
        (#"{"fString": "a\qb"}"#, "invalid JSON at byte 14: invalid escape sequence"),
        (#"{"fString": "\ud800"}"#, #"invalid JSON at byte 13: unpaired surrogate in \u escape"#),
        ("{\"fString\": \"a\u{1}\"}", "invalid JSON at byte 14: unescaped control character in string"),
        (#"{"fInt32": 01}"#, "invalid JSON at byte 12: expected ',' or '}' in object, found character '1'"),
        (#"{"fInt32": +1}"#, "invalid JSON at byte 11: expected a value, found character '+'"),
        (#"{} {}"#, "invalid JSON at byte 3: unexpected character '{' after the JSON value"),
        ("", "invalid JSON at byte 0: expected a value, found end of input"),
        (#"{"fBool": tru}"#, "invalid JSON at byte 10: expected true"),
    ])
    func refusesMalformedJSON(json: String, message: String) {
        #expect(error(json) == DynamicMessageError(message: message))
    }

    @Test func invalidUTF8IsRefused() {
        let bytes = Data(#"{"fString": ""#.utf8) + Data([0xC3, 0x28]) + Data(#""}"#.utf8)
        let error = dynamicError { _ = try codec.binary(fromJSON: bytes, messageType: Self.type) }
        #expect(error == DynamicMessageError(message: "invalid JSON at byte 12: string is not valid UTF-8"))
    }

    @Test func unknownMessageTypeIsRefused() {
        #expect(error("{}", as: "thidua.nope.v1.Missing") == DynamicMessageError(message: "unknown message type thidua.nope.v1.Missing"))
    }

    @Test func nullMeansUnset() throws {
        #expect(try encode(#"{"fInt32": null, "fNested": null, "rInt32": null, "mBoolColor": null, "oInt32": null}"#).isEmpty)
    }

    @Test func bytesAcceptStandardAndURLSafeBase64WithOrWithoutPadding() throws {
        let expected = try encode(#"{"fBytes": "+/8="}"#)
        #expect(expected.hex == "6202fbff")
        for text in ["+/8", "-_8=", "-_8", "+_8"] {
            #expect(try encode(#"{"fBytes": "\#(text)"}"#) == expected, "\(text)")
        }
    }

    @Test func escapesAndSurrogatePairsDecode() throws {
        let binary = try encode(#"{"fString": "\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#)
        let message = try Thidua_Test_V1_AllTypes(serializedBytes: binary)
        #expect(message.fString == "\"\\/\u{8}\u{c}\n\r\té😀")
    }

    @Test func repeatedScalarsArePackedAndStringsAndMessagesAreNot() throws {
        let binary = try encode(#"{"rInt32": [1, 2], "rString": ["a", "b"], "rFixed32Unpacked": [1]}"#)
        // r_int32 (31): one packed record; r_string (35): one record each; r_fixed32_unpacked (37): [packed = false].
        #expect(binary.hex == "fa01020102" + "9a020161" + "9a020162" + "ad0201000000")
    }

    @Test func mapEntriesAreWrittenInJSONOrderWithKeyAndValueEvenWhenDefault() throws {
        let binary = try encode(#"{"mInt32String": {"0": "", "-1": "x"}}"#)
        #expect(binary.hex == "e20304" + "0800" + "1200" + "e2030e" + "08ffffffffffffffffff01" + "120178")
    }

    @Test func proto2FieldsHavePresenceAndRepeatedScalarsAreUnpacked() throws {
        let json = #"{"count": 0, "values": [1, 2], "packed_values": [3, 4], "item": {"label": "x"}, "kind": "KIND_B", "name": ""}"#
        let binary = try encode(json, as: "thidua.test.v1.Legacy")
        // Python protobuf's serialization of the same message (the group is field 4).
        #expect(binary.hex == "0800100110021a020304232a0178243002" + "3a00")
        let expected = Thidua_Test_V1_Legacy.with {
            $0.count = 0
            $0.values = [1, 2]
            $0.packedValues = [3, 4]
            $0.item = Thidua_Test_V1_Legacy.Item.with { $0.label = "x" }
            $0.kind = .b
            $0.name = ""
        }
        #expect(binary == (try expected.serializedBytes()))
    }

    @Test func closedEnumsRefuseUnknownNumbers() {
        #expect(
            error(#"{"kind": 3}"#, as: "thidua.test.v1.Legacy")
                == DynamicMessageError(path: "kind", message: "3 is not a value of enum thidua.test.v1.Legacy.Kind"))
    }

    @Test func byteOrderMarkAndWhitespaceAreAccepted() throws {
        let json = Data([0xEF, 0xBB, 0xBF]) + Data(" \n\t{ \"fInt32\" :\r\n 5 } \n".utf8)
        #expect(try codec.binary(fromJSON: json, messageType: Self.type).hex == "2805")
    }
}
