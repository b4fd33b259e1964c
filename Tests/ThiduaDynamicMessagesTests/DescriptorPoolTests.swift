import Foundation
import SwiftProtobuf
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// Building pools: the input forms, type resolution, and inconsistent files refused.
@Suite("Descriptor pool")
struct DescriptorPoolTests {
    private static func file(
        _ name: String, package: String, syntax: String = "proto3", _ messages: [Google_Protobuf_DescriptorProto]
    ) -> Google_Protobuf_FileDescriptorProto {
        Google_Protobuf_FileDescriptorProto.with {
            $0.name = name
            $0.package = package
            $0.syntax = syntax
            $0.messageType = messages
        }
    }

    private static func message(_ name: String, _ fields: [Google_Protobuf_FieldDescriptorProto]) -> Google_Protobuf_DescriptorProto {
        Google_Protobuf_DescriptorProto.with {
            $0.name = name
            $0.field = fields
        }
    }

    private static func field(
        _ name: String, _ number: Int32, _ type: Google_Protobuf_FieldDescriptorProto.TypeEnum?,
        typeName: String? = nil, repeated: Bool = false
    ) -> Google_Protobuf_FieldDescriptorProto {
        Google_Protobuf_FieldDescriptorProto.with {
            $0.name = name
            $0.number = number
            if let type { $0.type = type }
            if let typeName { $0.typeName = typeName }
            $0.label = repeated ? .repeated : .optional
        }
    }

    private static func poolError(_ files: [Google_Protobuf_FileDescriptorProto]) -> DynamicMessageError? {
        do {
            _ = try DescriptorPool(files: files)
            Issue.record("expected the pool to refuse the files")
            return nil
        } catch let error as DynamicMessageError {
            return error
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test func knowsTheProjectMessages() {
        let pool = Fixtures.wirePool
        #expect(pool.hasMessage(named: "thidua.host.v1.EchoRequest"))
        #expect(pool.hasMessage(named: ".thidua.wire.v1.Frame"))
        #expect(pool.hasMessage(named: "thidua.wire.v1.Request.MetadataEntry"))
        #expect(!pool.hasMessage(named: "thidua.wire.v1.StatusCode"))
        #expect(!pool.hasMessage(named: "EchoRequest"))
        #expect(Fixtures.testPool.hasMessage(named: "thidua.test.v1.AllTypes.Nested"))
    }

    @Test func loadsSerializedFilesAsReflectionServesThem() throws {
        let set = try Google_Protobuf_FileDescriptorSet(serializedBytes: Data(base64Encoded: WireProtoFiles.descriptorSetBase64)!)
        let serialized = try set.file.map { try $0.serializedBytes() as Data }
        // The same file twice, as two services importing it would send it, counts once.
        let pool = try DescriptorPool(serializedFiles: serialized + serialized.prefix(1))
        let codec = DynamicMessageCodec(pool: pool)
        let binary = try codec.binary(fromJSON: Data(#"{"delayMs": 3}"#.utf8), messageType: "thidua.host.v1.EchoRequest")
        #expect(binary == (try EchoRequest.with { $0.delayMs = 3 }.serializedBytes()))
    }

    @Test func refusesDataThatIsNotADescriptor() {
        #expect(throws: DynamicMessageError.self) { try DescriptorPool(fileDescriptorSet: Data([0xFF])) }
        #expect(throws: DynamicMessageError.self) { try DescriptorPool(serializedFiles: [Data([0x0A, 0x05])]) }
    }

    @Test func refusesDuplicateTypeNames() {
        let first = Self.file("a.proto", package: "p", [Self.message("M", [])])
        let second = Self.file("b.proto", package: "p", [Self.message("M", [])])
        #expect(Self.poolError([first, second]) == DynamicMessageError(message: "duplicate type name p.M: defined in a.proto and in b.proto"))
    }

    @Test func refusesTwoDifferentFilesOfOneName() {
        let first = Self.file("a.proto", package: "p", [Self.message("M", [])])
        let second = Self.file("a.proto", package: "p", [Self.message("N", [])])
        #expect(Self.poolError([first, second]) == DynamicMessageError(message: #"two different files are named "a.proto""#))
    }

    @Test func refusesReferencesToMissingTypes() {
        let file = Self.file("a.proto", package: "p", [Self.message("M", [Self.field("x", 1, .message, typeName: ".p.Missing")])])
        #expect(Self.poolError([file]) == DynamicMessageError(message: #"field "x" of p.M refers to unknown type ".p.Missing""#))
    }

    @Test func refusesDuplicateFieldNumbers() {
        let file = Self.file("a.proto", package: "p", [Self.message("M", [Self.field("x", 1, .int32), Self.field("y", 1, .string)])])
        #expect(Self.poolError([file]) == DynamicMessageError(message: "message p.M uses field number 1 twice"))
    }

    @Test func resolvesRelativeTypeNamesAndDerivesJSONNames() throws {
        // Descriptors as a hand-written tool might produce them: relative type names, no `type` for
        // message references, no json_name.
        var outer = Self.message(
            "Outer",
            [
                Self.field("inner_field", 1, nil, typeName: "Inner"),
                Self.field("items", 2, nil, typeName: "Outer.Inner", repeated: true),
                Self.field("mode", 3, nil, typeName: "Mode"),
            ])
        outer.nestedType = [Self.message("Inner", [Self.field("some_value", 1, .int32)])]
        var file = Self.file("a.proto", package: "p.q", [outer])
        file.enumType = [
            Google_Protobuf_EnumDescriptorProto.with {
                $0.name = "Mode"
                $0.value = [
                    Google_Protobuf_EnumValueDescriptorProto.with { $0.name = "MODE_UNSPECIFIED"; $0.number = 0 },
                    Google_Protobuf_EnumValueDescriptorProto.with { $0.name = "FAST"; $0.number = 1 },
                ]
            }
        ]
        let codec = DynamicMessageCodec(pool: try DescriptorPool(files: [file]))
        let binary = try codec.binary(
            fromJSON: Data(#"{"innerField": {"some_value": 5}, "items": [{}], "mode": "FAST"}"#.utf8), messageType: "p.q.Outer")
        #expect(binary.hex == "0a020805" + "1200" + "1801")
        #expect(try codec.json(fromBinary: binary, messageType: "p.q.Outer") == #"{"innerField":{"someValue":5},"items":[{"someValue":0}],"mode":"FAST"}"#)
    }

    @Test func editionsFeaturesDecideEncoding() throws {
        func withFeatures(_ field: Google_Protobuf_FieldDescriptorProto, _ set: (inout Google_Protobuf_FeatureSet) -> Void) -> Google_Protobuf_FieldDescriptorProto {
            var field = field
            set(&field.options.features)
            return field
        }
        let message = Self.message(
            "E",
            [
                withFeatures(Self.field("implicit_field", 1, .int32)) { $0.fieldPresence = .implicit },
                Self.field("explicit_field", 2, .int32),
                withFeatures(Self.field("expanded", 3, .int32, repeated: true)) { $0.repeatedFieldEncoding = .expanded },
                Self.field("packed", 4, .int32, repeated: true),
                withFeatures(Self.field("child", 5, .message, typeName: ".ed.E")) { $0.messageEncoding = .delimited },
            ])
        var file = Self.file("ed.proto", package: "ed", syntax: "editions", [message])
        file.edition = .edition2023
        let codec = DynamicMessageCodec(pool: try DescriptorPool(files: [file]))

        let json = #"{"implicitField": 0, "explicitField": 0, "expanded": [1, 2], "packed": [1, 2], "child": {"explicitField": 1}}"#
        let binary = try codec.binary(fromJSON: Data(json.utf8), messageType: "ed.E")
        #expect(binary.hex == "1000" + "18011802" + "22020102" + "2b" + "1001" + "2c")
        #expect(
            try codec.json(fromBinary: binary, messageType: "ed.E")
                == #"{"implicitField":0,"explicitField":0,"expanded":[1,2],"packed":[1,2],"child":{"implicitField":0,"explicitField":1,"expanded":[],"packed":[]}}"#)
    }
}
