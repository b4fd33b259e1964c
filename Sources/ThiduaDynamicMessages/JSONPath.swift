/// Builds the paths that locate a value in a JSON document for error messages:
/// `unit.members[2].gender`, `metadata["trace-id"]`.
enum JSONPath {
    /// The path of an object member: `parent.key`, or `parent["key"]` when the key is not a plain
    /// identifier.
    static func member(_ parent: String, _ key: String) -> String {
        guard isIdentifier(key) else { return "\(parent)[\(JSONWriter.quoted(key))]" }
        return parent.isEmpty ? key : "\(parent).\(key)"
    }

    /// The path of an array element: `parent[index]`.
    static func element(_ parent: String, _ index: Int) -> String {
        "\(parent)[\(index)]"
    }

    /// The path of a map value: `parent["key"]`.
    static func mapValue(_ parent: String, _ key: String) -> String {
        "\(parent)[\(JSONWriter.quoted(key))]"
    }

    private static func isIdentifier(_ key: String) -> Bool {
        guard let first = key.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return key.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "_")
        }
    }
}
