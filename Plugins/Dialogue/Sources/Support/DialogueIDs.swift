import ThiduaModuleKit

/// Ids of the module's entities on the wire: a prefix and the row number. "dl17" is dialogue 17,
/// "ag17" agreement 17, "bs17" bargaining session 17; an id of one kind passed for another is
/// refused, not looked up.
enum DialogueID {
    static let dialoguePrefix = "dl"
    static let agreementPrefix = "ag"
    static let sessionPrefix = "bs"

    static func dialogue(_ row: Int64) -> String { "\(Self.dialoguePrefix)\(row)" }
    static func agreement(_ row: Int64) -> String { "\(Self.agreementPrefix)\(row)" }
    static func session(_ row: Int64) -> String { "\(Self.sessionPrefix)\(row)" }

    static func dialogueRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: Self.dialoguePrefix, field: field)
    }

    static func agreementRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: Self.agreementPrefix, field: field)
    }

    /// The row number in an id of the given prefix, or INVALID_ARGUMENT naming `field`.
    private static func row(_ id: String, prefix: String, field: String) throws(RPCError) -> Int64 {
        guard id.hasPrefix(prefix), let row = Int64(id.dropFirst(prefix.count)), row > 0 else {
            let what = id.isEmpty ? "it is empty" : "\"\(id)\" is not one"
            throw RPCError(.invalidArgument, "\(field) must be an id such as \(prefix)17; \(what)", field: field, rule: "dialogue.id_format")
        }
        return row
    }
}
