/// A parsed JSON value. Numbers keep their literal text, so an int64 beyond 2^53 loses no digit.
indirect enum JSONValue: Sendable {
    case null
    case bool(Bool)
    /// A number, exactly as written: it matches the JSON number grammar.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object's members, in the order written (duplicates kept, for the codec to refuse).
    case object([(key: String, value: JSONValue)])

    /// What kind of value this is, with its article, for error messages: "a string", "an object".
    var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A short rendering of the value for error messages: a scalar as written, a container by kind.
    var excerpt: String {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let text): text
        case .string(let text):
            text.count > 40 ? JSONWriter.quoted(String(text.prefix(40)) + "…") : JSONWriter.quoted(text)
        case .array: "an array"
        case .object: "an object"
        }
    }
}
