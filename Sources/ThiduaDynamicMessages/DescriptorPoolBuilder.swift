import SwiftProtobuf

/// Collects the types of a set of files, then resolves them into the descriptors of a
/// `DescriptorPool`.
struct DescriptorPoolBuilder {
    /// A message type found in a file, not yet resolved.
    private struct PendingMessage {
        var proto: Google_Protobuf_DescriptorProto
        var fullName: String
        var features: ResolvedFeatures
        var fileName: String
    }

    /// An enum type found in a file, not yet resolved.
    private struct PendingEnum {
        var proto: Google_Protobuf_EnumDescriptorProto
        var fullName: String
        var features: ResolvedFeatures
        var fileName: String
    }

    private var files: [String: Google_Protobuf_FileDescriptorProto] = [:]
    private var pendingMessages: [String: PendingMessage] = [:]
    private var pendingEnums: [String: PendingEnum] = [:]
    /// The file that defines each type name, messages and enums alike (they share one namespace).
    private var definingFile: [String: String] = [:]

    /// Adds the types of one file. A file already added with identical contents is ignored.
    mutating func add(_ file: Google_Protobuf_FileDescriptorProto) throws(DynamicMessageError) {
        if let known = files[file.name] {
            if known == file { return }
            throw DynamicMessageError(message: "two different files are named \"\(file.name)\"")
        }
        files[file.name] = file
        let features = try ResolvedFeatures.forFile(file)
        let scope = file.package
        for message in file.messageType {
            try addMessage(message, scope: scope, inherited: features, fileName: file.name)
        }
        for enumProto in file.enumType {
            try addEnum(enumProto, scope: scope, inherited: features, fileName: file.name)
        }
    }

    /// The resolved message and enum types of every file added.
    func build() throws(DynamicMessageError) -> (
        messages: [String: MessageDescriptor], enums: [String: EnumDescriptor]
    ) {
        var enums: [String: EnumDescriptor] = [:]
        for (name, pending) in pendingEnums {
            enums[name] = try resolveEnum(pending)
        }
        var messages: [String: MessageDescriptor] = [:]
        for (name, pending) in pendingMessages {
            messages[name] = try resolveMessage(pending)
        }
        return (messages, enums)
    }

    // MARK: Collecting

    private static func qualified(_ name: String, in scope: String) -> String {
        scope.isEmpty ? name : "\(scope).\(name)"
    }

    private mutating func define(_ fullName: String, in fileName: String) throws(DynamicMessageError) {
        if let other = definingFile[fullName] {
            let place = other == fileName ? "twice in \(fileName)" : "in \(other) and in \(fileName)"
            throw DynamicMessageError(message: "duplicate type name \(fullName): defined \(place)")
        }
        definingFile[fullName] = fileName
    }

    private mutating func addMessage(
        _ proto: Google_Protobuf_DescriptorProto,
        scope: String,
        inherited: ResolvedFeatures,
        fileName: String
    ) throws(DynamicMessageError) {
        let fullName = Self.qualified(proto.name, in: scope)
        try define(fullName, in: fileName)
        let features = inherited.merged(proto.options.features)
        pendingMessages[fullName] = PendingMessage(
            proto: proto, fullName: fullName, features: features, fileName: fileName)
        for nested in proto.nestedType {
            try addMessage(nested, scope: fullName, inherited: features, fileName: fileName)
        }
        for enumProto in proto.enumType {
            try addEnum(enumProto, scope: fullName, inherited: features, fileName: fileName)
        }
    }

    private mutating func addEnum(
        _ proto: Google_Protobuf_EnumDescriptorProto,
        scope: String,
        inherited: ResolvedFeatures,
        fileName: String
    ) throws(DynamicMessageError) {
        let fullName = Self.qualified(proto.name, in: scope)
        try define(fullName, in: fileName)
        pendingEnums[fullName] = PendingEnum(
            proto: proto, fullName: fullName, features: inherited.merged(proto.options.features),
            fileName: fileName)
    }

    // MARK: Resolving

    private func resolveEnum(_ pending: PendingEnum) throws(DynamicMessageError) -> EnumDescriptor {
        guard let first = pending.proto.value.first else {
            throw DynamicMessageError(message: "enum \(pending.fullName) declares no value")
        }
        var numberByName: [String: Int32] = [:]
        var nameByNumber: [Int32: String] = [:]
        for value in pending.proto.value {
            numberByName[value.name] = value.number
            if nameByNumber[value.number] == nil {
                nameByNumber[value.number] = value.name
            }
        }
        return EnumDescriptor(
            fullName: pending.fullName,
            isClosed: pending.features.closedEnums,
            numberByName: numberByName,
            nameByNumber: nameByNumber,
            defaultNumber: first.number)
    }

    /// The fully qualified name (no leading dot) a type reference denotes, seen from `scope`: a
    /// name with a leading dot is already fully qualified; another is looked up in `scope`, then
    /// in each enclosing scope, as protoc does.
    private func resolveTypeName(_ reference: String, scope: String) -> String? {
        if reference.hasPrefix(".") {
            let name = String(reference.dropFirst())
            return definingFile[name] == nil ? nil : name
        }
        var parts = scope.split(separator: ".").map(String.init)
        while true {
            let candidate = (parts + [reference]).joined(separator: ".")
            if definingFile[candidate] != nil { return candidate }
            if parts.isEmpty { return nil }
            parts.removeLast()
        }
    }

    private func resolveMessage(
        _ pending: PendingMessage
    ) throws(DynamicMessageError) -> MessageDescriptor {
        let proto = pending.proto
        var fields: [FieldDescriptor] = []
        for fieldProto in proto.field {
            fields.append(try resolveField(fieldProto, of: pending))
        }
        fields.sort { $0.number < $1.number }

        var indexByNumber: [Int32: Int] = [:]
        var indexByKey: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            if indexByNumber[field.number] != nil {
                throw DynamicMessageError(
                    message: "message \(pending.fullName) uses field number \(field.number) twice")
            }
            indexByNumber[field.number] = index
            if indexByKey[field.jsonName] == nil { indexByKey[field.jsonName] = index }
        }
        for (index, field) in fields.enumerated() where indexByKey[field.name] == nil {
            indexByKey[field.name] = index
        }

        let descriptor = MessageDescriptor(
            fullName: pending.fullName,
            fields: fields,
            oneofNames: proto.oneofDecl.map(\.name),
            isMapEntry: proto.options.mapEntry,
            fieldIndexByNumber: indexByNumber,
            fieldIndexByJSONKey: indexByKey)
        if descriptor.isMapEntry {
            try validateMapEntry(descriptor)
        }
        return descriptor
    }

    private func validateMapEntry(_ entry: MessageDescriptor) throws(DynamicMessageError) {
        guard let key = entry.field(number: 1), let value = entry.field(number: 2),
            entry.fields.count == 2
        else {
            throw DynamicMessageError(
                message: "map entry \(entry.fullName) must have exactly the fields key = 1 and value = 2")
        }
        guard key.kind.isValidMapKey, !key.isRepeated, !value.isRepeated else {
            throw DynamicMessageError(
                message: "map entry \(entry.fullName) has an invalid key or value field")
        }
    }

    private func resolveField(
        _ proto: Google_Protobuf_FieldDescriptorProto,
        of message: PendingMessage
    ) throws(DynamicMessageError) -> FieldDescriptor {
        let owner = message.fullName
        guard proto.number > 0, proto.number <= maxFieldNumber else {
            throw DynamicMessageError(
                message: "field \"\(proto.name)\" of \(owner) has invalid number \(proto.number)")
        }
        let features = message.features.merged(proto.options.features)
        let isRepeated = proto.label == .repeated

        var kind: FieldKind?
        if proto.hasType {
            guard let known = FieldKind(proto.type) else {
                throw DynamicMessageError(
                    message: "field \"\(proto.name)\" of \(owner) has an unknown type")
            }
            kind = known
        }
        var typeName = ""
        var isMap = false
        if kind == nil || kind == .message || kind == .group || kind == .enumeration {
            guard let resolved = resolveTypeName(proto.typeName, scope: owner) else {
                throw DynamicMessageError(
                    message: "field \"\(proto.name)\" of \(owner) refers to unknown type "
                        + "\"\(proto.typeName)\"")
            }
            typeName = resolved
            let referencedMessage = pendingMessages[resolved]
            switch kind {
            case nil:
                kind = referencedMessage == nil ? .enumeration : .message
            case .enumeration? where referencedMessage != nil,
                .message? where referencedMessage == nil,
                .group? where referencedMessage == nil:
                throw DynamicMessageError(
                    message: "field \"\(proto.name)\" of \(owner) refers to \(resolved), "
                        + "which is not \(kind == .enumeration ? "an enum" : "a message")")
            default:
                break
            }
            if let referencedMessage, referencedMessage.proto.options.mapEntry {
                isMap = isRepeated
            }
        }
        guard var kind else {
            throw DynamicMessageError(message: "field \"\(proto.name)\" of \(owner) has no type")
        }
        if kind == .message, features.delimitedMessages, !isMap {
            kind = .group
        }

        let oneofIndex: Int? =
            proto.hasOneofIndex && !proto.proto3Optional ? Int(proto.oneofIndex) : nil
        if proto.hasOneofIndex, proto.oneofIndex < 0
            || Int(proto.oneofIndex) >= message.proto.oneofDecl.count
        {
            throw DynamicMessageError(
                message: "field \"\(proto.name)\" of \(owner) has invalid oneof index \(proto.oneofIndex)")
        }

        let hasPresence: Bool
        if isRepeated {
            hasPresence = false
        } else if kind == .message || kind == .group || proto.hasOneofIndex || proto.proto3Optional
            || proto.label == .required
        {
            hasPresence = true
        } else {
            hasPresence = features.presence != .implicit
        }

        let isPacked: Bool
        if isRepeated, kind.isPackable {
            isPacked = proto.options.hasPacked ? proto.options.packed : features.packedRepeated
        } else {
            isPacked = false
        }

        return FieldDescriptor(
            name: proto.name,
            jsonName: proto.hasJsonName ? proto.jsonName : Self.lowerCamel(proto.name),
            number: proto.number,
            kind: kind,
            isRepeated: isRepeated,
            isPacked: isPacked,
            hasPresence: hasPresence,
            oneofIndex: oneofIndex,
            typeName: typeName,
            isMap: isMap)
    }

    /// The JSON name protoc derives from a field name: underscores dropped, the letter after each
    /// one upper-cased ("call_id" → "callId").
    static func lowerCamel(_ name: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in name {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
