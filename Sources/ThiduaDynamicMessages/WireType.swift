/// The wire type carried in the low three bits of every field tag of the protobuf binary encoding.
enum WireType: UInt8, Sendable {
    case varint = 0
    case fixed64 = 1
    case lengthDelimited = 2
    case startGroup = 3
    case endGroup = 4
    case fixed32 = 5

    /// The name used in error messages, such as "varint" or "length-delimited".
    var name: String {
        switch self {
        case .varint: "varint"
        case .fixed64: "64-bit"
        case .lengthDelimited: "length-delimited"
        case .startGroup: "start-group"
        case .endGroup: "end-group"
        case .fixed32: "32-bit"
        }
    }
}

/// The largest field number protobuf allows (2^29 - 1).
let maxFieldNumber: Int32 = 536_870_911
