/// A set of unit ids passed to SQL as one JSON array (`unit_id IN (SELECT value FROM json_each(?))`),
/// so a subtree of any size is one bound argument.
enum UnitSet {
    static func json(_ unitIDs: [String]) -> String {
        // Unit ids are a letter and digits ("u17"): nothing in them needs escaping.
        "[" + unitIDs.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}
