import ThiduaModuleKit

/// The ids of the module's entities on the wire: a two-letter prefix and the row number, "gc12"
/// for registration 12 and "gf7" for safety fact 7. A fact's id passed where a registration's
/// belongs is refused, not looked up.
enum GreenCleanID {
    static let registrationPrefix = "gc"
    static let factPrefix = "gf"

    static func registration(_ row: Int64) -> String { "\(Self.registrationPrefix)\(row)" }
    static func fact(_ row: Int64) -> String { "\(Self.factPrefix)\(row)" }

    static func registrationRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: Self.registrationPrefix, field: field)
    }

    static func factRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        try Self.row(id, prefix: Self.factPrefix, field: field)
    }

    private static func row(_ id: String, prefix: String, field: String) throws(RPCError) -> Int64 {
        guard id.hasPrefix(prefix), let row = Int64(id.dropFirst(prefix.count)), row > 0,
            id == "\(prefix)\(row)"
        else {
            let what = id.isEmpty ? "is empty" : "\"\(id)\" is not one"
            throw RPCError(
                .invalidArgument,
                "\(field) must be an id such as \(prefix)17; \(what)",
                field: field,
                rule: "green_clean.id_format"
            )
        }
        return row
    }
}
