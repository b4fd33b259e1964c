/// Appends values in the protobuf binary encoding.
struct BinaryWriter {
    /// The bytes written so far.
    private(set) var bytes: [UInt8] = []

    /// Whether nothing has been written.
    var isEmpty: Bool { bytes.isEmpty }

    /// Writes a base-128 varint, least significant group first.
    mutating func varint(_ value: UInt64) {
        var remaining = value
        while remaining >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: remaining) | 0x80)
            remaining >>= 7
        }
        bytes.append(UInt8(remaining))
    }

    /// Writes a field tag: the field number and wire type, as one varint.
    mutating func tag(_ fieldNumber: Int32, _ wireType: WireType) {
        varint(UInt64(UInt32(fieldNumber)) << 3 | UInt64(wireType.rawValue))
    }

    /// Writes four bytes, little-endian.
    mutating func fixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    /// Writes eight bytes, little-endian.
    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    /// Writes a length varint, then the content.
    mutating func lengthDelimited(_ content: [UInt8]) {
        varint(UInt64(content.count))
        bytes.append(contentsOf: content)
    }

    /// Writes one value of a scalar field, without tag.
    mutating func scalar(_ value: WireScalar) {
        switch value {
        case .varint(let number): varint(number)
        case .fixed32(let number): fixed32(number)
        case .fixed64(let number): fixed64(number)
        case .lengthDelimited(let content): lengthDelimited(content)
        }
    }
}

/// One scalar value, converted to the form the binary encoding writes.
enum WireScalar {
    case varint(UInt64)
    case fixed32(UInt32)
    case fixed64(UInt64)
    case lengthDelimited([UInt8])

    /// Whether this is the value proto3 leaves out for a field without presence: zero, false, an
    /// empty string or bytes, the zero enum value. A float or double of -0.0 is not default (its
    /// bit pattern is not zero), as protobuf implementations agree.
    var isDefault: Bool {
        switch self {
        case .varint(let number): number == 0
        case .fixed32(let number): number == 0
        case .fixed64(let number): number == 0
        case .lengthDelimited(let content): content.isEmpty
        }
    }
}
