import SwiftProtobuf

/// The encoding choices that matter to the codec, resolved for one scope (file, message, field or
/// enum) from the file's syntax or edition and the `features` of that scope and its parents.
struct ResolvedFeatures: Sendable {
    /// Whether singular fields track presence.
    enum Presence: Sendable {
        case explicit, implicit, legacyRequired
    }

    /// How singular non-message fields track presence.
    var presence: Presence
    /// Whether enums refuse values they do not declare.
    var closedEnums: Bool
    /// Whether repeated scalar fields are packed unless told otherwise.
    var packedRepeated: Bool
    /// Whether message fields are written as groups.
    var delimitedMessages: Bool

    /// The features of a whole file: its syntax's or edition's defaults, then its own `features`.
    static func forFile(
        _ file: Google_Protobuf_FileDescriptorProto
    ) throws(DynamicMessageError) -> ResolvedFeatures {
        let defaults: ResolvedFeatures
        switch file.syntax {
        case "", "proto2":
            defaults = ResolvedFeatures(
                presence: .explicit, closedEnums: true, packedRepeated: false, delimitedMessages: false)
        case "proto3":
            defaults = ResolvedFeatures(
                presence: .implicit, closedEnums: false, packedRepeated: true, delimitedMessages: false)
        case "editions":
            // The defaults of editions 2023 and 2024 agree on these four features.
            defaults = ResolvedFeatures(
                presence: .explicit, closedEnums: false, packedRepeated: true, delimitedMessages: false)
        default:
            throw DynamicMessageError(
                message: "file \(file.name) has unsupported syntax \"\(file.syntax)\"")
        }
        return defaults.merged(file.options.features)
    }

    /// These features, overridden by whatever `set` states explicitly.
    func merged(_ set: Google_Protobuf_FeatureSet) -> ResolvedFeatures {
        var result = self
        switch set.fieldPresence {
        case .explicit: result.presence = .explicit
        case .implicit: result.presence = .implicit
        case .legacyRequired: result.presence = .legacyRequired
        default: break
        }
        switch set.enumType {
        case .open: result.closedEnums = false
        case .closed: result.closedEnums = true
        default: break
        }
        switch set.repeatedFieldEncoding {
        case .packed: result.packedRepeated = true
        case .expanded: result.packedRepeated = false
        default: break
        }
        switch set.messageEncoding {
        case .lengthPrefixed: result.delimitedMessages = false
        case .delimited: result.delimitedMessages = true
        default: break
        }
        return result
    }
}
