/// A strict JSON parser (RFC 8259) that keeps number literals as text and limits nesting.
///
/// Foundation's `JSONSerialization` turns numbers into `Double`s, which would round an int64 such
/// as 9007199254740993; this parser hands the literal to the codec instead.
struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private let maxDepth: Int

    /// Parses one JSON value, optionally surrounded by whitespace, from UTF-8 text.
    ///
    /// - Parameters:
    ///   - bytes: The UTF-8 text. A leading byte order mark is ignored.
    ///   - maxDepth: The most arrays and objects that may be nested in one another.
    static func parse(_ bytes: [UInt8], maxDepth: Int) throws(DynamicMessageError) -> JSONValue {
        var parser = JSONParser(bytes: bytes, maxDepth: maxDepth)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        parser.skipWhitespace()
        let value = try parser.parseValue(depth: 0)
        parser.skipWhitespace()
        if parser.position < bytes.count {
            throw parser.error("unexpected \(parser.describeCurrent()) after the JSON value")
        }
        return value
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: Errors

    private func error(_ what: String, at offset: Int? = nil) -> DynamicMessageError {
        DynamicMessageError(message: "invalid JSON at byte \(offset ?? position): \(what)")
    }

    private func describeCurrent() -> String {
        guard position < bytes.count else { return "end of input" }
        let byte = bytes[position]
        if byte >= 0x21, byte < 0x7F {
            return "character '\(Character(Unicode.Scalar(byte)))'"
        }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    // MARK: Values

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue(depth: Int) throws(DynamicMessageError) -> JSONValue {
        guard position < bytes.count else { throw error("expected a value, found end of input") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth + 1)
        case UInt8(ascii: "["): return try parseArray(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("expected a value, found \(describeCurrent())")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(DynamicMessageError) {
        let start = position
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in text {
            guard position < bytes.count, bytes[position] == expected else {
                throw error("expected \(literal)", at: start)
            }
            position += 1
        }
    }

    private mutating func parseObject(depth: Int) throws(DynamicMessageError) -> JSONValue {
        if depth > maxDepth { throw error("objects and arrays nested more than \(maxDepth) deep") }
        position += 1
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a string key, found \(describeCurrent())")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after key, found \(describeCurrent())")
            }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue(depth: depth)))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated object") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return .object(members)
            default: throw error("expected ',' or '}' in object, found \(describeCurrent())")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(DynamicMessageError) -> JSONValue {
        if depth > maxDepth { throw error("objects and arrays nested more than \(maxDepth) deep") }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue(depth: depth))
            skipWhitespace()
            guard position < bytes.count else { throw error("unterminated array") }
            switch bytes[position] {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw error("expected ',' or ']' in array, found \(describeCurrent())")
            }
        }
    }

    // MARK: Numbers

    /// Reads a number literal: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func parseNumber() throws(DynamicMessageError) -> String {
        let start = position
        guard let end = Self.numberEnd(in: bytes, from: position) else {
            throw error("malformed number", at: start)
        }
        position = end
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where the JSON number literal that starts at `start` ends, or nil when none starts there.
    static func numberEnd(in bytes: [UInt8], from start: Int) -> Int? {
        func byte(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }
        func isDigit(_ index: Int) -> Bool {
            guard let value = byte(index) else { return false }
            return value >= UInt8(ascii: "0") && value <= UInt8(ascii: "9")
        }
        var index = start
        if byte(index) == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { return nil }
        if byte(index) == UInt8(ascii: "0") {
            index += 1
        } else {
            while isDigit(index) { index += 1 }
        }
        if byte(index) == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        if byte(index) == UInt8(ascii: "e") || byte(index) == UInt8(ascii: "E") {
            index += 1
            if byte(index) == UInt8(ascii: "+") || byte(index) == UInt8(ascii: "-") { index += 1 }
            guard isDigit(index) else { return nil }
            while isDigit(index) { index += 1 }
        }
        return index
    }

    /// Whether `text` is exactly one JSON number literal.
    static func isNumberLiteral(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        return numberEnd(in: utf8, from: 0) == utf8.count
    }

    // MARK: Strings

    private mutating func parseString() throws(DynamicMessageError) -> String {
        let start = position
        position += 1
        var utf8: [UInt8] = []
        while true {
            guard position < bytes.count else { throw error("unterminated string", at: start) }
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw error("string is not valid UTF-8", at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                position += 1
                try parseEscape(into: &utf8)
            case 0x00..<0x20:
                throw error("unescaped control character in string")
            default:
                utf8.append(byte)
                position += 1
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(DynamicMessageError) {
        guard position < bytes.count else { throw error("unterminated escape sequence") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): utf8.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            let escapeStart = position - 2
            var scalar = try parseHex4()
            if (0xD800..<0xDC00).contains(scalar) {
                guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                    bytes[position + 1] == UInt8(ascii: "u")
                else {
                    throw error("unpaired surrogate in \\u escape", at: escapeStart)
                }
                position += 2
                let low = try parseHex4()
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("unpaired surrogate in \\u escape", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00..<0xE000).contains(scalar) {
                throw error("unpaired surrogate in \\u escape", at: escapeStart)
            }
            guard let unicodeScalar = Unicode.Scalar(scalar) else {
                throw error("invalid \\u escape", at: escapeStart)
            }
            UTF8.encode(unicodeScalar) { utf8.append($0) }
        default:
            throw error("invalid escape sequence", at: position - 2)
        }
    }

    private mutating func parseHex4() throws(DynamicMessageError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hexadecimal digit in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            position += 1
        }
        return value
    }
}
