/// JSON → binary: walks a parsed JSON value along a message type and writes its fields in
/// field-number order.
extension DynamicMessageCodec {
    /// Writes the fields of the message `value` denotes (without tag or length).
    func encodeMessage(
        _ value: JSONValue,
        type: MessageDescriptor,
        path: String,
        depth: Int,
        into writer: inout BinaryWriter
    ) throws(DynamicMessageError) {
        guard depth <= Self.maxMessageDepth else {
            throw DynamicMessageError(
                path: path, message: "messages nested more than \(Self.maxMessageDepth) deep")
        }
        guard case .object(let members) = value else {
            throw DynamicMessageError(
                path: path,
                message: "expected an object for message \(type.fullName), got \(value.kindDescription)")
        }

        var keyOfField: [Int: String] = [:]
        var keyOfOneof: [Int: String] = [:]
        var present: [(index: Int, value: JSONValue, path: String)] = []
        for (key, memberValue) in members {
            let memberPath = JSONPath.member(path, key)
            guard let index = type.fieldIndexByJSONKey[key] else {
                throw DynamicMessageError(
                    path: memberPath, message: "unknown field \"\(key)\" in \(type.fullName)")
            }
            if let earlier = keyOfField[index] {
                throw DynamicMessageError(
                    path: memberPath,
                    message: earlier == key
                        ? "field \"\(key)\" is given twice"
                        : "\"\(earlier)\" and \"\(key)\" name the same field of \(type.fullName)")
            }
            keyOfField[index] = key
            if case .null = memberValue { continue }
            let field = type.fields[index]
            if let oneof = field.oneofIndex {
                if let other = keyOfOneof[oneof] {
                    throw DynamicMessageError(
                        path: memberPath,
                        message: "\"\(other)\" and \"\(key)\" are both set, but they belong to "
                            + "oneof \(type.oneofNames[oneof]) of \(type.fullName): set at most one")
                }
                keyOfOneof[oneof] = key
            }
            present.append((index, memberValue, memberPath))
        }

        // `fields` is in field-number order, so index order is field-number order.
        present.sort { $0.index < $1.index }
        for member in present {
            try encodeField(
                type.fields[member.index], member.value, path: member.path, depth: depth, into: &writer)
        }
    }

    private func encodeField(
        _ field: FieldDescriptor,
        _ value: JSONValue,
        path: String,
        depth: Int,
        into writer: inout BinaryWriter
    ) throws(DynamicMessageError) {
        if field.isMap {
            try encodeMap(field, value, path: path, depth: depth, into: &writer)
        } else if field.isRepeated {
            guard case .array(let elements) = value else {
                throw DynamicMessageError(
                    path: path,
                    message: "expected an array for repeated field \"\(field.name)\", got "
                        + value.kindDescription)
            }
            if field.isPacked {
                var packed = BinaryWriter()
                for (index, element) in elements.enumerated() {
                    let elementPath = JSONPath.element(path, index)
                    try refuseNull(element, path: elementPath, in: "a repeated field")
                    packed.scalar(try wireScalar(for: field, from: element, path: elementPath))
                }
                if !packed.isEmpty {
                    writer.tag(field.number, .lengthDelimited)
                    writer.lengthDelimited(packed.bytes)
                }
            } else {
                for (index, element) in elements.enumerated() {
                    let elementPath = JSONPath.element(path, index)
                    try refuseNull(element, path: elementPath, in: "a repeated field")
                    try encodeValue(
                        field, element, path: elementPath, depth: depth, writeDefault: true, into: &writer)
                }
            }
        } else {
            try encodeValue(
                field, value, path: path, depth: depth, writeDefault: field.hasPresence, into: &writer)
        }
    }

    private func encodeMap(
        _ field: FieldDescriptor,
        _ value: JSONValue,
        path: String,
        depth: Int,
        into writer: inout BinaryWriter
    ) throws(DynamicMessageError) {
        guard case .object(let entries) = value else {
            throw DynamicMessageError(
                path: path,
                message: "expected an object for map field \"\(field.name)\", got \(value.kindDescription)")
        }
        let entryType = messageType(of: field)
        guard let keyField = entryType.field(number: 1), let valueField = entryType.field(number: 2) else {
            preconditionFailure("DescriptorPool validated the map entry \(entryType.fullName)")
        }
        var seenKeys: Set<String> = []
        for (key, entryValue) in entries {
            let entryPath = JSONPath.mapValue(path, key)
            guard seenKeys.insert(key).inserted else {
                throw DynamicMessageError(path: entryPath, message: "map key \"\(key)\" is given twice")
            }
            try refuseNull(entryValue, path: entryPath, in: "a map")
            guard depth < Self.maxMessageDepth else {
                throw DynamicMessageError(
                    path: entryPath, message: "messages nested more than \(Self.maxMessageDepth) deep")
            }
            // Like protoc and SwiftProtobuf, write the key and the value even when they are defaults.
            var entry = BinaryWriter()
            entry.tag(keyField.number, keyField.kind.wireType)
            entry.scalar(try mapKeyScalar(key, field: keyField, path: entryPath))
            try encodeValue(
                valueField, entryValue, path: entryPath, depth: depth + 1, writeDefault: true, into: &entry)
            writer.tag(field.number, .lengthDelimited)
            writer.lengthDelimited(entry.bytes)
        }
    }

    /// Writes one value with its tag: a message, a group or a scalar.
    ///
    /// - Parameter writeDefault: Whether to write a scalar that holds its default value; false
    ///   for singular fields without presence, which proto3 leaves out.
    private func encodeValue(
        _ field: FieldDescriptor,
        _ value: JSONValue,
        path: String,
        depth: Int,
        writeDefault: Bool,
        into writer: inout BinaryWriter
    ) throws(DynamicMessageError) {
        switch field.kind {
        case .message:
            var nested = BinaryWriter()
            try encodeMessage(value, type: messageType(of: field), path: path, depth: depth + 1, into: &nested)
            writer.tag(field.number, .lengthDelimited)
            writer.lengthDelimited(nested.bytes)
        case .group:
            writer.tag(field.number, .startGroup)
            try encodeMessage(value, type: messageType(of: field), path: path, depth: depth + 1, into: &writer)
            writer.tag(field.number, .endGroup)
        default:
            let scalar = try wireScalar(for: field, from: value, path: path)
            if writeDefault || !scalar.isDefault {
                writer.tag(field.number, field.kind.wireType)
                writer.scalar(scalar)
            }
        }
    }

    private func refuseNull(
        _ value: JSONValue, path: String, in container: String
    ) throws(DynamicMessageError) {
        if case .null = value {
            throw DynamicMessageError(path: path, message: "null is not allowed in \(container)")
        }
    }
}
