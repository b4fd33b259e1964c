/// A kind of entity and its ids on the wire: a prefix naming the kind, then the row number, such
/// as "in17" for initiative 17. An id of one kind passed for another is refused, not looked up.
public struct EntityKind: Sendable, Hashable {
    public let prefix: String

    public init(prefix: String) {
        self.prefix = prefix
    }

    /// The id of row `row`.
    public func id(_ row: Int64) -> String { "\(self.prefix)\(row)" }

    /// The row number in `id`, or INVALID_ARGUMENT (rule `id.format`) naming `field`.
    public func row(_ id: String, field: String) throws(RPCError) -> Int64 {
        let digits = id.dropFirst(self.prefix.count)
        guard id.hasPrefix(self.prefix), !digits.isEmpty, digits.first != "0",
            digits.allSatisfy({ ("0"..."9").contains($0) }), let row = Int64(digits), row > 0
        else {
            let what = id.isEmpty ? "is empty" : "\"\(id)\" is not one"
            throw RPCError(.invalidArgument, "\(field) must be an id such as \(self.prefix)17; \(what)", field: field, rule: "id.format")
        }
        return row
    }
}
