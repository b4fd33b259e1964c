/// One field of a message type, resolved: its type name is fully qualified and its encoding
/// (packed or not, presence or not) follows from the file's syntax, edition features and options.
struct FieldDescriptor: Sendable {
    /// The name in the .proto file, such as "call_id".
    var name: String
    /// The JSON key, such as "callId": the descriptor's `json_name`, or the lowerCamel form of `name`.
    var jsonName: String
    /// The field number.
    var number: Int32
    /// The type of the field's values.
    var kind: FieldKind
    /// Whether the field is `repeated` (map fields are repeated too).
    var isRepeated: Bool
    /// Whether a repeated scalar field is written packed.
    var isPacked: Bool
    /// Whether a singular field tracks presence: message fields, oneof members, proto3 `optional`,
    /// proto2 fields and editions fields with explicit presence.
    var hasPresence: Bool
    /// The index of the (non-synthetic) oneof the field belongs to, in its message's `oneofNames`.
    var oneofIndex: Int?
    /// The fully qualified name, without leading dot, of the message or enum type of the values;
    /// empty for scalar fields.
    var typeName: String
    /// Whether the field is a `map<K, V>`: repeated entries of a map-entry message type.
    var isMap: Bool

    /// The field's type for error messages, with its article: "an int64 field", "a bytes field",
    /// "enum thidua.wire.v1.StatusCode", "message thidua.wire.v1.Limits".
    var kindPhrase: String {
        switch kind {
        case .message, .group: "message \(typeName)"
        case .enumeration: "enum \(typeName)"
        case .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64: "an \(kind.protoName) field"
        default: "a \(kind.protoName) field"
        }
    }
}

/// A message type of the pool, with its fields in field-number order.
struct MessageDescriptor: Sendable {
    /// The fully qualified name, without leading dot, such as "thidua.wire.v1.Frame".
    var fullName: String
    /// Every field, in ascending field-number order.
    var fields: [FieldDescriptor]
    /// The names of the message's oneofs, indexed like the descriptor's `oneof_index`. Fields of
    /// the synthetic oneofs of proto3 `optional` do not refer to theirs.
    var oneofNames: [String]
    /// Whether this is the synthesized entry type of a map field.
    var isMapEntry: Bool
    /// The index in `fields` of each field number.
    var fieldIndexByNumber: [Int32: Int]
    /// The index in `fields` of each accepted JSON key: the json_name and the proto name.
    var fieldIndexByJSONKey: [String: Int]

    /// The field with this number, if the message declares one.
    func field(number: Int32) -> FieldDescriptor? {
        fieldIndexByNumber[number].map { fields[$0] }
    }
}

/// An enum type of the pool.
struct EnumDescriptor: Sendable {
    /// The fully qualified name, without leading dot, such as "thidua.wire.v1.StatusCode".
    var fullName: String
    /// Whether values outside the declared ones are refused (proto2 enums, editions `CLOSED`).
    var isClosed: Bool
    /// The number of each value name.
    var numberByName: [String: Int32]
    /// The first declared name of each number (aliases share a number).
    var nameByNumber: [Int32: String]
    /// The number of the first declared value: the default of the enum.
    var defaultNumber: Int32
}
