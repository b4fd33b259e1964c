/// A message read from the binary encoding, before it is written as JSON: the fields that were
/// present, with protobuf's merge rules applied (last scalar wins, messages merge, repeated fields
/// append, a oneof keeps its last member).
struct DecodedMessage {
    /// The present fields, by their index in the message descriptor's `fields`.
    var fields: [Int: DecodedField] = [:]
}

/// The content of one present field.
enum DecodedField {
    case single(DecodedValue)
    case repeated([DecodedValue])
    case map(DecodedMap)
}

/// One value of a field.
indirect enum DecodedValue {
    /// int32, int64, sint32, sint64, sfixed32, sfixed64.
    case signed(Int64)
    /// uint32, uint64, fixed32, fixed64.
    case unsigned(UInt64)
    case float(Float)
    case double(Double)
    case bool(Bool)
    case string(String)
    case bytes([UInt8])
    /// An enum value's number, declared or not.
    case enumNumber(Int32)
    case message(DecodedMessage)

    /// The value as a JSON object key, for map keys: integers in decimal, "true" or "false".
    var mapKey: String {
        switch self {
        case .signed(let number): String(number)
        case .unsigned(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .float, .double, .bytes, .enumNumber, .message:
            preconditionFailure("DescriptorPool allows only integer, bool and string map keys")
        }
    }
}

/// The entries of a map field, in the order their keys first appeared; a later entry with the same
/// key replaces the value, as protobuf parsers do.
struct DecodedMap {
    /// The keys, as JSON object keys.
    private(set) var keys: [String] = []
    /// The value of each key; nil when the entry had no value field (the value is the default).
    private(set) var values: [DecodedValue?] = []
    private var indexByKey: [String: Int] = [:]

    /// Sets the value of a key.
    mutating func set(_ key: String, _ value: DecodedValue?) {
        if let index = indexByKey[key] {
            values[index] = value
        } else {
            indexByKey[key] = keys.count
            keys.append(key)
            values.append(value)
        }
    }
}
