import Foundation

/// Values as JSON text: a list as the array `json_each` reads, and a row as the object a
/// protobuf message decodes from.
package enum JSONText {
    package static func array(of values: [SQLValue]) -> String {
        var text = "["
        for (index, value) in values.enumerated() {
            if index > 0 { text += "," }
            Self.append(value, to: &text)
        }
        return text + "]"
    }

    /// The object `{"name": value, …}` of these names and values. A blob is written as base64, as
    /// protobuf's JSON writes bytes.
    package static func object(names: [String], values: [SQLValue]) -> String {
        var text = "{"
        for (index, (name, value)) in zip(names, values).enumerated() {
            if index > 0 { text += "," }
            Self.appendQuoted(name, to: &text)
            text += ":"
            if case .blob(let bytes) = value {
                Self.appendQuoted(bytes.base64EncodedString(), to: &text)
            } else {
                Self.append(value, to: &text)
            }
        }
        return text + "}"
    }

    private static func append(_ value: SQLValue, to text: inout String) {
        switch value {
        case .null: text += "null"
        case .integer(let number): text += String(number)
        case .real(let number): text += number.isFinite ? "\(number)" : "null"
        case .text(let string): Self.appendQuoted(string, to: &text)
        case .blob(let bytes): Self.appendQuoted(String(decoding: bytes, as: UTF8.self), to: &text)
        }
    }

    private static func appendQuoted(_ string: String, to text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case _ where scalar.value < 0x20: text += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: text.unicodeScalars.append(scalar)
            }
        }
        text += "\""
    }
}
