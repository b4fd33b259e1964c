/// Reads the protobuf binary encoding from a window of a byte array, reporting problems with the
/// offset of the offending byte from the start of the whole input.
struct BinaryReader {
    /// The whole input; offsets in errors index into it.
    let bytes: [UInt8]
    /// The offset of the next byte to read.
    private(set) var position: Int
    /// The offset just past the last byte this reader may read.
    let end: Int

    /// A reader of all of `bytes`.
    init(bytes: [UInt8]) {
        self.init(bytes: bytes, range: 0..<bytes.count)
    }

    private init(bytes: [UInt8], range: Range<Int>) {
        self.bytes = bytes
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    /// Whether every byte of the window has been read.
    var isAtEnd: Bool { position >= end }

    /// A reader of `range`, a part of this reader's window (the content of a length-delimited value).
    func subReader(_ range: Range<Int>) -> BinaryReader {
        BinaryReader(bytes: bytes, range: range)
    }

    /// Reads a base-128 varint of at most ten bytes.
    mutating func readVarint() throws(DynamicMessageError) -> UInt64 {
        let start = position
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < end else {
                throw DynamicMessageError(message: "truncated varint at byte \(start)")
            }
            let byte = bytes[position]
            position += 1
            if shift == 63, byte > 1 {
                throw DynamicMessageError(message: "varint at byte \(start) overflows 64 bits")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    /// Reads a field tag. Refuses field number 0 and the wire types 6 and 7, which do not exist.
    mutating func readTag() throws(DynamicMessageError) -> (fieldNumber: Int32, wireType: WireType) {
        let start = position
        let tag = try readVarint()
        guard let wireType = WireType(rawValue: UInt8(tag & 7)) else {
            throw DynamicMessageError(message: "invalid wire type \(tag & 7) at byte \(start)")
        }
        let number = tag >> 3
        guard number > 0, number <= UInt64(maxFieldNumber) else {
            throw DynamicMessageError(message: "invalid field number \(number) at byte \(start)")
        }
        return (Int32(number), wireType)
    }

    /// Reads four bytes, little-endian.
    mutating func readFixed32() throws(DynamicMessageError) -> UInt32 {
        try ensureAvailable(4, what: "32-bit value")
        var value: UInt32 = 0
        for index in 0..<4 {
            value |= UInt32(bytes[position + index]) << UInt32(8 * index)
        }
        position += 4
        return value
    }

    /// Reads eight bytes, little-endian.
    mutating func readFixed64() throws(DynamicMessageError) -> UInt64 {
        try ensureAvailable(8, what: "64-bit value")
        var value: UInt64 = 0
        for index in 0..<8 {
            value |= UInt64(bytes[position + index]) << UInt64(8 * index)
        }
        position += 8
        return value
    }

    /// Reads a length varint and skips that many bytes; returns where they are.
    mutating func readLengthDelimited() throws(DynamicMessageError) -> Range<Int> {
        let start = position
        let length = try readVarint()
        let available = end - position
        guard length <= UInt64(available) else {
            throw DynamicMessageError(
                message: "length \(length) at byte \(start) runs past the end of the enclosing message "
                    + "(\(Self.bytes(available)) left)")
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    /// Skips the value of a field the message type does not declare, of any wire type. A group is
    /// skipped up to its matching end-group tag, nested groups included.
    ///
    /// - Parameters:
    ///   - fieldNumber: The number in the field's tag.
    ///   - wireType: The wire type in the field's tag.
    ///   - tagStart: The offset of the field's tag, for errors.
    ///   - depth: The nesting level of the message being read, for the nesting limit.
    ///   - maxDepth: The nesting limit.
    mutating func skipField(
        number fieldNumber: Int32, wireType: WireType, tagStart: Int, depth: Int, maxDepth: Int
    ) throws(DynamicMessageError) {
        switch wireType {
        case .varint: _ = try readVarint()
        case .fixed64: try skip(8, what: "64-bit value")
        case .fixed32: try skip(4, what: "32-bit value")
        case .lengthDelimited: _ = try readLengthDelimited()
        case .endGroup:
            throw DynamicMessageError(
                message: "unexpected end-group tag for field \(fieldNumber) at byte \(tagStart)")
        case .startGroup:
            guard depth < maxDepth else {
                throw DynamicMessageError(
                    message: "groups nested more than \(maxDepth) deep at byte \(tagStart)")
            }
            while true {
                guard !isAtEnd else {
                    throw DynamicMessageError(
                        message: "group of field \(fieldNumber) starting at byte \(tagStart) "
                            + "has no end-group tag")
                }
                let tagStart = position
                let (number, innerType) = try readTag()
                if innerType == .endGroup {
                    guard number == fieldNumber else {
                        throw DynamicMessageError(
                            message: "end-group tag for field \(number) at byte \(tagStart) "
                                + "closes a group of field \(fieldNumber)")
                    }
                    return
                }
                try skipField(
                    number: number, wireType: innerType, tagStart: tagStart, depth: depth + 1,
                    maxDepth: maxDepth)
            }
        }
    }

    /// "1 byte", "2 bytes".
    private static func bytes(_ count: Int) -> String {
        count == 1 ? "1 byte" : "\(count) bytes"
    }

    private mutating func skip(_ count: Int, what: String) throws(DynamicMessageError) {
        try ensureAvailable(count, what: what)
        position += count
    }

    private func ensureAvailable(_ count: Int, what: String) throws(DynamicMessageError) {
        guard end - position >= count else {
            throw DynamicMessageError(
                message: "truncated \(what) at byte \(position) (\(count) bytes needed, "
                    + "\(Self.bytes(end - position)) left)")
        }
    }
}
