import Foundation
import SwiftProtobuf
import Testing
import ThiduaDynamicMessages
import ThiduaWire

/// Pools and codecs built from real descriptors, shared by the tests.
enum Fixtures {
    /// The project's wire and host protos, as the reflection service serves them.
    static let wirePool: DescriptorPool = {
        do {
            return try DescriptorPool(fileDescriptorSet: Data(base64Encoded: WireProtoFiles.descriptorSetBase64)!)
        } catch {
            fatalError("the project's descriptor set does not load: \(error)")
        }
    }()

    /// The test protos: every field type, proto2 groups.
    static let testPool: DescriptorPool = {
        do {
            return try DescriptorPool(fileDescriptorSet: Data(base64Encoded: TestProtoFiles.descriptorSetBase64)!)
        } catch {
            fatalError("the test descriptor set does not load: \(error)")
        }
    }()

    static let wireCodec = DynamicMessageCodec(pool: wirePool)
    static let testCodec = DynamicMessageCodec(pool: testPool)
}

/// SwiftProtobuf's encoding with map entries sorted by key, so it can be compared byte for byte.
func deterministicBytes(_ message: some SwiftProtobuf.Message) throws -> Data {
    var options = BinaryEncodingOptions()
    options.useDeterministicOrdering = true
    return try message.serializedBytes(options: options)
}

extension Data {
    /// Bytes from hexadecimal text; spaces are ignored.
    init(hex: String) {
        let digits = Array(hex.replacingOccurrences(of: " ", with: "").utf8)
        precondition(digits.count % 2 == 0, "odd number of hex digits")
        var bytes: [UInt8] = []
        for index in stride(from: 0, to: digits.count, by: 2) {
            bytes.append(UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!)
        }
        self.init(bytes)
    }

    /// The bytes as lower-case hexadecimal text.
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

/// A JSON value parsed by Foundation's JSONDecoder, independent of the codec's own parser, for
/// comparing JSON texts by meaning rather than by spelling.
indirect enum JSONTree: Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONTree])
    case object([String: JSONTree])

    init(from decoder: any Swift.Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONTree].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONTree].self))
        }
    }

    /// Parses JSON text.
    static func parse(_ text: String) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let members):
            "{\(members.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", "))}"
        }
    }

    /// The object's members; nil for other values.
    var members: [String: JSONTree]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Whether the value is what a field without presence holds by default: zero, "0", "", false,
    /// [], {}, or an enum's zero value among `enumZeroNames`.
    func isDefault(enumZeroNames: Set<String>) -> Bool {
        switch self {
        case .number(let value): value == 0
        case .string(let value): value.isEmpty || value == "0" || enumZeroNames.contains(value)
        case .bool(let value): !value
        case .array(let values): values.isEmpty
        case .object(let members): members.isEmpty
        case .null: false
        }
    }
}

/// Whether the codec's JSON agrees with SwiftProtobuf's for the same message: every member
/// SwiftProtobuf writes, the codec writes with the same value; the codec may also write members
/// SwiftProtobuf leaves out (fields without presence holding their default), and those must hold
/// defaults.
func agrees(dynamic: JSONTree, swiftProtobuf: JSONTree, enumZeroNames: Set<String> = []) -> Bool {
    switch (dynamic, swiftProtobuf) {
    case (.object(let mine), .object(let theirs)):
        for (key, value) in theirs {
            guard let ours = mine[key], agrees(dynamic: ours, swiftProtobuf: value, enumZeroNames: enumZeroNames)
            else { return false }
        }
        return mine.allSatisfy { key, value in
            theirs[key] != nil || value.isDefault(enumZeroNames: enumZeroNames)
        }
    case (.array(let mine), .array(let theirs)):
        return mine.count == theirs.count
            && zip(mine, theirs).allSatisfy { agrees(dynamic: $0, swiftProtobuf: $1, enumZeroNames: enumZeroNames) }
    default:
        return dynamic == swiftProtobuf
    }
}

/// Runs `body` and returns the `DynamicMessageError` it throws, recording an issue if it throws
/// none or another error.
func dynamicError(
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) -> DynamicMessageError? {
    do {
        try body()
        Issue.record("expected a DynamicMessageError", sourceLocation: sourceLocation)
        return nil
    } catch let error as DynamicMessageError {
        return error
    } catch {
        Issue.record("expected a DynamicMessageError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
