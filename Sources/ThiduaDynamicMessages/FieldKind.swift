import SwiftProtobuf

/// The type of a field's values, as `google.protobuf.FieldDescriptorProto.Type` declares it, with
/// delimited message fields of editions files folded into `group`.
enum FieldKind: Sendable, Equatable {
    case double, float, int64, uint64, int32, fixed64, fixed32, bool, string, group, message, bytes,
        uint32, enumeration, sfixed32, sfixed64, sint32, sint64

    /// The kind for a descriptor's type, or nil for a type this codec does not know.
    init?(_ type: Google_Protobuf_FieldDescriptorProto.TypeEnum) {
        switch type {
        case .double: self = .double
        case .float: self = .float
        case .int64: self = .int64
        case .uint64: self = .uint64
        case .int32: self = .int32
        case .fixed64: self = .fixed64
        case .fixed32: self = .fixed32
        case .bool: self = .bool
        case .string: self = .string
        case .group: self = .group
        case .message: self = .message
        case .bytes: self = .bytes
        case .uint32: self = .uint32
        case .enum: self = .enumeration
        case .sfixed32: self = .sfixed32
        case .sfixed64: self = .sfixed64
        case .sint32: self = .sint32
        case .sint64: self = .sint64
        @unknown default: return nil
        }
    }

    /// The wire type a single value of this kind is written with.
    var wireType: WireType {
        switch self {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enumeration: .varint
        case .fixed64, .sfixed64, .double: .fixed64
        case .fixed32, .sfixed32, .float: .fixed32
        case .string, .bytes, .message: .lengthDelimited
        case .group: .startGroup
        }
    }

    /// Whether repeated fields of this kind may use the packed encoding.
    var isPackable: Bool {
        switch self {
        case .string, .bytes, .message, .group: false
        default: true
        }
    }

    /// Whether this kind may be the key of a map field.
    var isValidMapKey: Bool {
        switch self {
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .fixed32, .fixed64, .sfixed32,
            .sfixed64, .bool, .string:
            true
        default: false
        }
    }

    /// The name used in .proto files and in error messages, such as "int64" or "enum".
    var protoName: String {
        switch self {
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .group: "group"
        case .message: "message"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .enumeration: "enum"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        }
    }
}
