/// A failure to load descriptors or to convert a message between protobuf JSON and the protobuf
/// binary encoding.
///
/// The error names where the problem is (`path`) and what it is (`message`), precisely enough for a
/// person to fix the input without reading the descriptors:
///
///     unit.members[2].gender: "MALEX" is not a value of enum thidua.core.v1.Gender
public struct DynamicMessageError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The JSON path of the offending value, such as `unit.members[2].gender` or
    /// `request.metadata["trace-id"]`; empty when the problem is with the input as a whole.
    ///
    /// Keys are written as the JSON spells them: the JSON key given in the input when encoding,
    /// the field's `json_name` when decoding binary.
    public var path: String

    /// What is wrong, in English, such as `unknown field "nmae" in thidua.core.v1.Unit` or
    /// `truncated varint at byte 17`. Byte offsets count from the start of the whole input.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - path: The JSON path of the offending value, empty for the input as a whole.
    ///   - message: What is wrong.
    public init(path: String = "", message: String) {
        self.path = path
        self.message = message
    }

    /// `"path: message"`, or the message alone when the path is empty.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }
}
