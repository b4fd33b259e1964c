/// Binary → decoded message: reads tags and values along a message type, applying protobuf's
/// merge rules, and refuses malformed input with the offset of the offending byte.
extension DynamicMessageCodec {
    /// Reads fields into `message` until the reader's window ends or, for a group, until the
    /// group's end-group tag.
    ///
    /// - Parameters:
    ///   - message: The message to merge the fields into.
    ///   - type: The message's type.
    ///   - reader: The input; for a length-delimited message, a reader of exactly its content.
    ///   - path: The JSON path of the message, for errors.
    ///   - depth: The nesting level of the message, the outermost being 1.
    ///   - group: For a group, its field number and the offset of its start-group tag; nil for a
    ///     length-delimited message.
    func decodeMessage(
        into message: inout DecodedMessage,
        type: MessageDescriptor,
        reader: inout BinaryReader,
        path: String,
        depth: Int,
        group: (number: Int32, tagStart: Int)?
    ) throws(DynamicMessageError) {
        guard depth <= Self.maxMessageDepth else {
            throw DynamicMessageError(
                path: path,
                message: "messages nested more than \(Self.maxMessageDepth) deep at byte \(reader.position)")
        }
        while !reader.isAtEnd {
            let tagStart = reader.position
            let (number, wireType) = try located(path) { () throws(DynamicMessageError) in
                try reader.readTag()
            }
            if wireType == .endGroup {
                guard number == group?.number else {
                    throw DynamicMessageError(
                        path: path, message: "unexpected end-group tag for field \(number) at byte \(tagStart)")
                }
                return
            }
            guard let index = type.fieldIndexByNumber[number] else {
                try located(path) { () throws(DynamicMessageError) in
                    try reader.skipField(
                        number: number, wireType: wireType, tagStart: tagStart, depth: depth,
                        maxDepth: Self.maxMessageDepth)
                }
                continue
            }
            let field = type.fields[index]
            let fieldPath = JSONPath.member(path, field.jsonName)
            try located(fieldPath) { () throws(DynamicMessageError) in
                try decodeField(
                    field, at: index, wireType: wireType, tagStart: tagStart, of: type,
                    into: &message, reader: &reader, path: fieldPath, depth: depth)
            }
        }
        if let group {
            throw DynamicMessageError(
                path: path,
                message: "group of field \(group.number) starting at byte \(group.tagStart) "
                    + "has no end-group tag")
        }
    }

    /// Runs `body`, giving any error it throws without a path the path `path`.
    private func located<Result>(
        _ path: String, _ body: () throws(DynamicMessageError) -> Result
    ) throws(DynamicMessageError) -> Result {
        do {
            return try body()
        } catch var error {
            if error.path.isEmpty { error.path = path }
            throw error
        }
    }

    private func decodeField(
        _ field: FieldDescriptor,
        at index: Int,
        wireType: WireType,
        tagStart: Int,
        of type: MessageDescriptor,
        into message: inout DecodedMessage,
        reader: inout BinaryReader,
        path: String,
        depth: Int
    ) throws(DynamicMessageError) {
        if field.isMap {
            try expect(wireType, .lengthDelimited, for: field, of: type, at: tagStart)
            // Taken out of the message while it grows, so appending does not copy it.
            var map = DecodedMap()
            if case .map(let existing)? = message.fields.removeValue(forKey: index) { map = existing }
            let entryType = messageType(of: field)
            var entry = DecodedMessage()
            var entryReader = reader.subReader(try reader.readLengthDelimited())
            try decodeMessage(
                into: &entry, type: entryType, reader: &entryReader, path: path, depth: depth + 1, group: nil)
            guard let keyIndex = entryType.fieldIndexByNumber[1], let valueIndex = entryType.fieldIndexByNumber[2]
            else {
                preconditionFailure("DescriptorPool validated the map entry \(entryType.fullName)")
            }
            let key: String
            if case .single(let value)? = entry.fields[keyIndex] {
                key = value.mapKey
            } else {
                key = defaultMapKey(entryType.fields[keyIndex])
            }
            if case .single(let value)? = entry.fields[valueIndex] {
                map.set(key, value)
            } else {
                map.set(key, nil)
            }
            message.fields[index] = .map(map)
            return
        }

        if field.isRepeated {
            var values: [DecodedValue] = []
            if case .repeated(let existing)? = message.fields.removeValue(forKey: index) { values = existing }
            if wireType == .lengthDelimited, field.kind.isPackable {
                var packed = reader.subReader(try reader.readLengthDelimited())
                while !packed.isAtEnd {
                    values.append(try readScalar(field, from: &packed))
                }
            } else {
                try expect(wireType, field.kind.wireType, for: field, of: type, at: tagStart)
                let elementPath = JSONPath.element(path, values.count)
                let value = try located(elementPath) { () throws(DynamicMessageError) in
                    try readValue(
                        field, from: &reader, tagStart: tagStart, merging: nil, path: elementPath, depth: depth)
                }
                values.append(value)
            }
            message.fields[index] = .repeated(values)
            return
        }

        try expect(wireType, field.kind.wireType, for: field, of: type, at: tagStart)
        var existing: DecodedMessage?
        if case .single(.message(let earlier))? = message.fields[index] {
            message.fields[index] = nil
            existing = earlier
        }
        let value = try readValue(
            field, from: &reader, tagStart: tagStart, merging: existing, path: path, depth: depth)
        if let oneof = field.oneofIndex {
            for (otherIndex, other) in type.fields.enumerated()
            where other.oneofIndex == oneof && otherIndex != index {
                message.fields[otherIndex] = nil
            }
        }
        message.fields[index] = .single(value)
    }

    /// Reads one value of a field whose tag has just been read: a message, a group or a scalar.
    ///
    /// - Parameters:
    ///   - tagStart: The offset of the value's tag, for errors about groups.
    ///   - earlier: For a singular message field seen before, its value, which the new occurrence
    ///     merges into.
    private func readValue(
        _ field: FieldDescriptor,
        from reader: inout BinaryReader,
        tagStart: Int,
        merging earlier: DecodedMessage?,
        path: String,
        depth: Int
    ) throws(DynamicMessageError) -> DecodedValue {
        switch field.kind {
        case .message:
            var nested = earlier ?? DecodedMessage()
            var nestedReader = reader.subReader(try reader.readLengthDelimited())
            try decodeMessage(
                into: &nested, type: messageType(of: field), reader: &nestedReader, path: path,
                depth: depth + 1, group: nil)
            return .message(nested)
        case .group:
            var nested = earlier ?? DecodedMessage()
            try decodeMessage(
                into: &nested, type: messageType(of: field), reader: &reader, path: path,
                depth: depth + 1, group: (field.number, tagStart))
            return .message(nested)
        default:
            return try readScalar(field, from: &reader)
        }
    }

    /// Reads one value of a scalar or enum field in its own wire type.
    private func readScalar(
        _ field: FieldDescriptor, from reader: inout BinaryReader
    ) throws(DynamicMessageError) -> DecodedValue {
        switch field.kind {
        case .int32: .signed(Int64(Int32(truncatingIfNeeded: try reader.readVarint())))
        case .int64: .signed(Int64(bitPattern: try reader.readVarint()))
        case .uint32: .unsigned(UInt64(UInt32(truncatingIfNeeded: try reader.readVarint())))
        case .uint64: .unsigned(try reader.readVarint())
        case .sint32:
            .signed(Int64(Self.zigZagDecode(UInt64(UInt32(truncatingIfNeeded: try reader.readVarint())))))
        case .sint64: .signed(Self.zigZagDecode(try reader.readVarint()))
        case .bool: .bool(try reader.readVarint() != 0)
        case .enumeration: .enumNumber(Int32(truncatingIfNeeded: try reader.readVarint()))
        case .fixed32: .unsigned(UInt64(try reader.readFixed32()))
        case .sfixed32: .signed(Int64(Int32(bitPattern: try reader.readFixed32())))
        case .float: .float(Float(bitPattern: try reader.readFixed32()))
        case .fixed64: .unsigned(try reader.readFixed64())
        case .sfixed64: .signed(Int64(bitPattern: try reader.readFixed64()))
        case .double: .double(Double(bitPattern: try reader.readFixed64()))
        case .bytes: .bytes(Array(reader.bytes[try reader.readLengthDelimited()]))
        case .string: .string(try Self.readString(from: &reader))
        case .message, .group:
            preconditionFailure("message fields are not scalars")
        }
    }

    private static func readString(from reader: inout BinaryReader) throws(DynamicMessageError) -> String {
        let range = try reader.readLengthDelimited()
        guard let text = String(validating: reader.bytes[range], as: UTF8.self) else {
            throw DynamicMessageError(message: "string at byte \(range.lowerBound) is not valid UTF-8")
        }
        return text
    }

    private static func zigZagDecode(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    /// The JSON key of an absent map key: the key type's default.
    private func defaultMapKey(_ keyField: FieldDescriptor) -> String {
        switch keyField.kind {
        case .string: ""
        case .bool: "false"
        default: "0"
        }
    }

    private func expect(
        _ wireType: WireType,
        _ expected: WireType,
        for field: FieldDescriptor,
        of type: MessageDescriptor,
        at offset: Int
    ) throws(DynamicMessageError) {
        guard wireType == expected else {
            throw DynamicMessageError(
                message: "field \(field.number) (\(field.name)) of \(type.fullName) is \(field.kindPhrase), "
                    + "so its values are \(expected.name), but the tag at byte \(offset) says \(wireType.name)")
        }
    }
}
