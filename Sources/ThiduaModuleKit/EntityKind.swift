/// A kind of entity and its ids on the wire: a prefix naming the kind, then the row number, such
/// as "in17" for initiative 17. An id of one kind passed for another is refused, not looked up.
public struct EntityKind: Sendable, Hashable {
    public let prefix: String
    /// What the entity is called in a refusal, such as "initiative".
    public let noun: String
    /// The rule an id that names no stored entity breaks (NOT_FOUND), such as "innovation.exists";
    /// empty for a kind whose ids are only served, never looked up.
    public let missingRule: String

    /// A kind whose ids are looked up with ``require(_:field:_:)``.
    ///
    /// - Parameter rule: the rule an id that names nothing breaks; the module's catalogue declares
    ///   it with status NOT_FOUND.
    public init(prefix: String, noun: String, rule: String) {
        self.prefix = prefix
        self.noun = noun
        self.missingRule = rule
    }

    /// A kind whose ids are only served, never looked up by a request.
    public init(prefix: String) {
        self.init(prefix: prefix, noun: prefix, rule: "")
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

    /// The entity `id` names, read by `fetch` from its row number: INVALID_ARGUMENT (rule
    /// `id.format`) for an id of another kind, NOT_FOUND (the kind's rule) naming `field` when
    /// `fetch` finds nothing.
    public func require<Entity>(_ id: String, field: String, _ fetch: (Int64) throws -> Entity?) throws -> Entity {
        precondition(!self.missingRule.isEmpty, "ids of kind \(self.prefix) are looked up only when the kind names its rule")
        guard let entity = try fetch(self.row(id, field: field)) else {
            throw RPCError(.notFound, "\(self.noun) \(id) does not exist", field: field, rule: self.missingRule)
        }
        return entity
    }
}
