import ThiduaModuleKit

/// Ids on the wire are a letter naming the kind of entity and the row number: "u17" is unit 17.
/// A member id passed where a unit id belongs is refused, not looked up.
enum EntityID {
    static func unit(_ row: Int64) -> String { "u\(row)" }
    static func member(_ row: Int64) -> String { "m\(row)" }
    static func cluster(_ row: Int64) -> String { "c\(row)" }
    static func event(_ row: Int64) -> String { "e\(row)" }
    static func campaign(_ row: Int64) -> String { "p\(row)" }
    static func registration(_ row: Int64) -> String { "g\(row)" }
    static func review(_ row: Int64) -> String { "r\(row)" }
    static func award(_ row: Int64) -> String { "a\(row)" }

    /// The row number in an id of the given prefix, or INVALID_ARGUMENT naming `field`.
    static func row(_ id: String, prefix: Character, field: String) throws(RPCError) -> Int64 {
        guard id.first == prefix, let row = Int64(id.dropFirst()), row > 0 else {
            let what = id.isEmpty ? "is empty" : "\"\(id)\" is not one"
            throw RPCError(
                .invalidArgument,
                "\(field) must be an id such as \(prefix)17; \(what)",
                field: field,
                rule: "id.format"
            )
        }
        return row
    }

    static func unitRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: "u", field: field)
    }

    static func memberRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: "m", field: field)
    }
}
