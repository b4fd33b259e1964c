import Foundation
import SwiftProtobuf
import Testing
import ThiduaDynamicMessages

/// Every field type, checked against SwiftProtobuf's generated code for the same .proto and against
/// fixtures produced by Google's Python protobuf (json_format with
/// always_print_fields_with_no_presence, SerializeToString(deterministic=True)).
@Suite("All field types")
struct AllTypesTests {
    let codec = Fixtures.testCodec
    static let type = "thidua.test.v1.AllTypes"

    /// One value for every field of AllTypes, written the way people write JSON by hand: enums
    /// both by name and number, a 64-bit integer beyond 2^53 as a string, special doubles.
    static let sampleJSON = #"""
        {"fDouble": 1.5, "fFloat": 0.1, "fInt64": "-9007199254740993", "fUint64": "18446744073709551615",
         "fInt32": -42, "fFixed64": "9007199254740993", "fFixed32": 4294967295, "fBool": true,
         "fString": "Sáng kiến \"tiết kiệm\"\n\t\\ \u0001 😀", "fNested": {"depth": 1, "child": {"depth": 2, "note": "deep"}},
         "fBytes": "AAEC/f7/", "fUint32": 4000000000, "fColor": "GREEN", "fSfixed32": -2147483648,
         "fSfixed64": "-9223372036854775808", "fSint32": -2147483648, "fSint64": "9223372036854775807",
         "rInt32": [1, -1, 2147483647], "rSint64": ["-1", "1", "-9223372036854775808"], "rDouble": [0.25, "NaN", "-Infinity", -0.0],
         "rColor": ["RED", 2, 7], "rString": ["a", "", "ü"], "rNested": [{"depth": 7}, {}],
         "rFixed32Unpacked": [1, 2, 3], "oInt32": 0, "oString": "", "cNested": {"note": "chosen"},
         "mInt32String": {"-5": "minus five", "7": "seven"}, "mBoolColor": {"false": "RED", "true": "GREEN"},
         "mStringNested": {"x": {"depth": 3}}, "mSint64Bytes": {"-3": "/w=="}, "customName": "renamed value"}
        """#

    /// Python protobuf's serialization of `sampleJSON`, but for the two entries of `mBoolColor`:
    /// Python writes `true` first, the codec (like SwiftProtobuf's deterministic ordering) writes
    /// the JSON object's order, `false` first.
    static let sampleHex =
        "09000000000000f83f15cdcccc3d18ffffffffffffffefff0120ffffffffffffffffff0128d6ffffffffffffffff01310100"
        + "0000000020003dffffffff40014a2653c3a16e67206b69e1babf6e20227469e1babf74206b69e1bb876d220a095c200120f0"
        + "9f9880520c0801120808021a04646565706206000102fdfeff6880d0acf30e70027d00000080810100000000000000808801"
        + "ffffffff0f9001feffffffffffffffff01fa011001ffffffffffffffffff01ffffffff0782020c0102ffffffffffffffffff"
        + "018a0220000000000000d03f000000000000f87f000000000000f0ff00000000000000809202030102079a0201619a02009a"
        + "0202c3bca202020807a20200ad0201000000ad0202000000ad0203000000c00200ca02009a03081a0663686f73656ee20317"
        + "08fbffffffffffffffff01120a6d696e75732066697665e2030908071205736576656eea030408001001ea030408011002f2"
        + "03070a017812020803fa030508051201ffb2040d72656e616d65642076616c7565"

    /// Python protobuf's JSON for `sampleHex`, with fields without presence always printed.
    static let sampleDecodedJSON = #"""
        {"fDouble": 1.5, "fFloat": 0.1, "fInt64": "-9007199254740993", "fUint64": "18446744073709551615",
         "fInt32": -42, "fFixed64": "9007199254740993", "fFixed32": 4294967295, "fBool": true,
         "fString": "Sáng kiến \"tiết kiệm\"\n\t\\ \u0001 😀", "fNested": {"depth": 1, "child": {"depth": 2, "note": "deep"}, "note": ""},
         "fBytes": "AAEC/f7/", "fUint32": 4000000000, "fColor": "GREEN", "fSfixed32": -2147483648,
         "fSfixed64": "-9223372036854775808", "fSint32": -2147483648, "fSint64": "9223372036854775807",
         "rInt32": [1, -1, 2147483647], "rSint64": ["-1", "1", "-9223372036854775808"], "rDouble": [0.25, "NaN", "-Infinity", -0.0],
         "rColor": ["RED", "GREEN", 7], "rString": ["a", "", "ü"], "rNested": [{"depth": 7, "note": ""}, {"depth": 0, "note": ""}],
         "rFixed32Unpacked": [1, 2, 3], "oInt32": 0, "oString": "", "cNested": {"note": "chosen", "depth": 0},
         "mInt32String": {"-5": "minus five", "7": "seven"}, "mBoolColor": {"false": "RED", "true": "GREEN"},
         "mStringNested": {"x": {"depth": 3, "note": ""}}, "mSint64Bytes": {"-3": "/w=="}, "customName": "renamed value"}
        """#

    /// The same message as `sampleJSON`, built with SwiftProtobuf's generated type.
    static func sampleMessage() -> Thidua_Test_V1_AllTypes {
        typealias Nested = Thidua_Test_V1_AllTypes.Nested
        var message = Thidua_Test_V1_AllTypes()
        message.fDouble = 1.5
        message.fFloat = 0.1
        message.fInt64 = -9_007_199_254_740_993
        message.fUint64 = .max
        message.fInt32 = -42
        message.fFixed64 = 9_007_199_254_740_993
        message.fFixed32 = .max
        message.fBool = true
        message.fString = "Sáng kiến \"tiết kiệm\"\n\t\\ \u{1} 😀"
        message.fNested = Nested.with {
            $0.depth = 1
            $0.child = Nested.with { $0.depth = 2; $0.note = "deep" }
        }
        message.fBytes = Data([0, 1, 2, 0xFD, 0xFE, 0xFF])
        message.fUint32 = 4_000_000_000
        message.fColor = .green
        message.fSfixed32 = .min
        message.fSfixed64 = .min
        message.fSint32 = .min
        message.fSint64 = .max
        message.rInt32 = [1, -1, .max]
        message.rSint64 = [-1, 1, .min]
        message.rDouble = [0.25, .nan, -.infinity, -0.0]
        message.rColor = [.red, .green, .UNRECOGNIZED(7)]
        message.rString = ["a", "", "ü"]
        message.rNested = [Nested.with { $0.depth = 7 }, Nested()]
        message.rFixed32Unpacked = [1, 2, 3]
        message.oInt32 = 0
        message.oString = ""
        message.cNested = Nested.with { $0.note = "chosen" }
        message.mInt32String = [-5: "minus five", 7: "seven"]
        message.mBoolColor = [false: .red, true: .green]
        message.mStringNested = ["x": Nested.with { $0.depth = 3 }]
        message.mSint64Bytes = [-3: Data([0xFF])]
        message.renamed = "renamed value"
        return message
    }

    @Test func jsonEncodesToTheBytesOfSwiftProtobufAndPython() throws {
        let binary = try codec.binary(fromJSON: Data(Self.sampleJSON.utf8), messageType: Self.type)
        #expect(binary.hex == Self.sampleHex)
        // NaN is never equal to itself, so compare the encodings rather than the messages.
        #expect(binary == (try deterministicBytes(Self.sampleMessage())))
    }

    @Test func binaryDecodesToThePythonJSON() throws {
        let json = try codec.json(fromBinary: Data(hex: Self.sampleHex), messageType: Self.type)
        #expect(try JSONTree.parse(json) == JSONTree.parse(Self.sampleDecodedJSON))
    }

    @Test func decodedJSONAgreesWithSwiftProtobufJSON() throws {
        let message = Self.sampleMessage()
        let json = try codec.json(fromBinary: try deterministicBytes(message), messageType: Self.type)
        let theirs = try JSONTree.parse(try message.jsonString())
        #expect(agrees(dynamic: try JSONTree.parse(json), swiftProtobuf: theirs))
    }

    @Test func swiftProtobufJSONEncodesToSwiftProtobufBytes() throws {
        let message = Self.sampleMessage()
        var options = JSONEncodingOptions()
        options.useDeterministicOrdering = true
        let json = try message.jsonString(options: options)
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: Self.type)
        #expect(binary == (try deterministicBytes(message)))
    }

    @Test func generatedMessageRoundTripsThroughDynamicJSON() throws {
        let original = try deterministicBytes(Self.sampleMessage())
        for pretty in [false, true] {
            let json = try codec.json(fromBinary: original, messageType: Self.type, pretty: pretty)
            #expect(try codec.binary(fromJSON: Data(json.utf8), messageType: Self.type) == original)
        }
    }

    @Test func emptyMessagePrintsEveryFieldWithoutPresence() throws {
        let json = try codec.json(fromBinary: Data(), messageType: Self.type)
        #expect(
            json == #"{"fDouble":0,"fFloat":0,"fInt64":"0","fUint64":"0","fInt32":0,"fFixed64":"0","fFixed32":0,"#
                + #""fBool":false,"fString":"","fBytes":"","fUint32":0,"fColor":"COLOR_UNSPECIFIED","fSfixed32":0,"#
                + #""fSfixed64":"0","fSint32":0,"fSint64":"0","rInt32":[],"rSint64":[],"rDouble":[],"rColor":[],"#
                + #""rString":[],"rNested":[],"rFixed32Unpacked":[],"mInt32String":{},"mBoolColor":{},"#
                + #""mStringNested":{},"mSint64Bytes":{},"customName":""}"#)
    }

    @Test func defaultValuesOfFieldsWithoutPresenceAreNotWritten() throws {
        let json = #"{"fInt32": 0, "fString": "", "fColor": "COLOR_UNSPECIFIED", "fBytes": "", "rInt32": [], "mBoolColor": {}}"#
        #expect(try codec.binary(fromJSON: Data(json.utf8), messageType: Self.type).isEmpty)
    }

    @Test func proto3OptionalFieldsKeepPresence() throws {
        let set = try codec.binary(fromJSON: Data(#"{"oInt32": 0}"#.utf8), messageType: Self.type)
        #expect(set == (try deterministicBytes(Thidua_Test_V1_AllTypes.with { $0.oInt32 = 0 })))
        #expect(set.hex == "c00200")
        let decoded = try JSONTree.parse(try codec.json(fromBinary: set, messageType: Self.type)).members
        #expect(decoded?["oInt32"] == .number(0))
        #expect(decoded?["oString"] == nil)
        #expect(decoded?["cString"] == nil)
        #expect(decoded?["fNested"] == nil)
    }

    @Test func negativeZeroIsWrittenLikeSwiftProtobuf() throws {
        let binary = try codec.binary(fromJSON: Data(#"{"fDouble": -0.0, "fFloat": "-0"}"#.utf8), messageType: Self.type)
        let expected = Thidua_Test_V1_AllTypes.with { $0.fDouble = -0.0; $0.fFloat = -0.0 }
        #expect(binary == (try deterministicBytes(expected)))
    }

    @Test func specialFloatingPointValues() throws {
        let json = #"{"fDouble": "Infinity", "fFloat": "NaN", "rDouble": ["-Infinity", 1e308, "2.5e-3"]}"#
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: Self.type)
        let decoded = try Thidua_Test_V1_AllTypes(serializedBytes: binary)
        #expect(decoded.fDouble == .infinity)
        #expect(decoded.fFloat.isNaN)
        #expect(decoded.rDouble == [-.infinity, 1e308, 0.0025])
        let members = try JSONTree.parse(try codec.json(fromBinary: binary, messageType: Self.type)).members
        #expect(members?["fDouble"] == .string("Infinity"))
        #expect(members?["fFloat"] == .string("NaN"))
        #expect(members?["rDouble"] == .array([.string("-Infinity"), .number(1e308), .number(0.0025)]))
    }

    @Test func floatsPrintInTheirShortestForm() throws {
        let message = Thidua_Test_V1_AllTypes.with { $0.fFloat = 0.1; $0.fDouble = 0.1; $0.rDouble = [3, 1e-7, 123456789012.5] }
        let json = try codec.json(fromBinary: try deterministicBytes(message), messageType: Self.type)
        #expect(json.hasPrefix(#"{"fDouble":0.1,"fFloat":0.1,"#))
        #expect(json.contains(#""rDouble":[3,1e-07,123456789012.5]"#))
    }

    @Test func zigZagIntegers() throws {
        // Field 17 (sint32) holds 1, which is -1; field 18 (sint64) holds 4, which is 2.
        let json = try codec.json(fromBinary: Data(hex: "8801 01 9001 04"), messageType: Self.type)
        let members = try JSONTree.parse(json).members
        #expect(members?["fSint32"] == .number(-1))
        #expect(members?["fSint64"] == .string("2"))
        let binary = try codec.binary(fromJSON: Data(#"{"fSint32": -1, "fSint64": "2"}"#.utf8), messageType: Self.type)
        #expect(binary.hex == "880101900104")
    }

    @Test func customJSONNameAndProtoNameAreBothAccepted() throws {
        let expected = try deterministicBytes(Thidua_Test_V1_AllTypes.with { $0.renamed = "r" })
        for key in ["customName", "renamed"] {
            let binary = try codec.binary(fromJSON: Data(#"{"\#(key)": "r"}"#.utf8), messageType: Self.type)
            #expect(binary == expected)
        }
        #expect(try codec.json(fromBinary: expected, messageType: Self.type).contains(#""customName":"r""#))
    }

    @Test func oneofKeepsTheLastMemberOnTheWire() throws {
        // c_string = "a" (field 50), then c_int64 = 5 (field 52).
        let json = try codec.json(fromBinary: Data(hex: "920301 61 a00305"), messageType: Self.type)
        let members = try JSONTree.parse(json).members
        #expect(members?["cInt64"] == .string("5"))
        #expect(members?["cString"] == nil)
    }

    @Test func oneofMemberHoldingItsDefaultIsWritten() throws {
        let binary = try codec.binary(fromJSON: Data(#"{"cInt64": 0}"#.utf8), messageType: Self.type)
        #expect(binary == (try deterministicBytes(Thidua_Test_V1_AllTypes.with { $0.cInt64 = 0 })))
        #expect(try JSONTree.parse(try codec.json(fromBinary: binary, messageType: Self.type)).members?["cInt64"] == .string("0"))
    }

    @Test func mapKeysOfEveryKind() throws {
        let json = #"{"mInt32String": {"-2147483648": "min"}, "mBoolColor": {"true": 1}, "mSint64Bytes": {"9223372036854775807": "AA"}}"#
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: Self.type)
        let expected = Thidua_Test_V1_AllTypes.with {
            $0.mInt32String = [.min: "min"]
            $0.mBoolColor = [true: .red]
            $0.mSint64Bytes = [.max: Data([0])]
        }
        #expect(binary == (try deterministicBytes(expected)))
        #expect(try Thidua_Test_V1_AllTypes(serializedBytes: binary) == expected)
    }

    @Test func mapEntriesWithoutKeyOrValueDecodeToDefaults() throws {
        // m_string_nested (field 62): an empty entry, then an entry with key "k" and no value.
        let json = try codec.json(fromBinary: Data(hex: "f20300 f203030a016b"), messageType: Self.type)
        #expect(
            try JSONTree.parse(json).members?["mStringNested"]
                == .object(["": .object(["depth": .number(0), "note": .string("")]), "k": .object(["depth": .number(0), "note": .string("")])]))
    }

    @Test func laterMapEntryWithTheSameKeyWins() throws {
        // m_int32_string (field 60): 1 → "a", 2 → "b", 1 → "c".
        let json = try codec.json(
            fromBinary: Data(hex: "e203 05 0801 120161 e203 05 0802 120162 e203 05 0801 120163"),
            messageType: Self.type)
        #expect(json.contains(#""mInt32String":{"1":"c","2":"b"}"#))
    }
}
