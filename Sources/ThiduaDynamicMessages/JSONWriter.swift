/// Writes JSON text, compact or pretty-printed (two-space indentation), one token at a time.
///
/// Callers write a key before each member value of an object; the writer places commas, newlines
/// and indentation.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// For each open object or array, whether nothing has been written in it yet.
    private var openContainersEmpty: [Bool] = []
    /// Whether a key was just written, so the next value needs no separator.
    private var afterKey = false

    /// Creates a writer.
    ///
    /// - Parameter pretty: Whether to put each member and element on its own indented line.
    init(pretty: Bool) {
        self.pretty = pretty
    }

    /// The text written so far.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func beginObject() {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        openContainersEmpty.append(true)
    }

    mutating func endObject() {
        endContainer()
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        openContainersEmpty.append(true)
    }

    mutating func endArray() {
        endContainer()
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an object member's key; the member's value must follow.
    mutating func key(_ key: String) {
        startItem()
        Self.appendQuoted(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    mutating func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// Writes a number given as text that already follows the JSON number grammar.
    mutating func number(_ text: String) {
        beginValue()
        bytes.append(contentsOf: text.utf8)
    }

    mutating func string(_ value: String) {
        beginValue()
        Self.appendQuoted(value, to: &bytes)
    }

    /// A JSON string literal for `value`: quotes, backslashes and control characters escaped,
    /// other characters (non-ASCII included) kept as they are.
    static func quoted(_ value: String) -> String {
        var result: [UInt8] = []
        appendQuoted(value, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: Layout

    private mutating func beginValue() {
        if afterKey {
            afterKey = false
        } else if !openContainersEmpty.isEmpty {
            startItem()
        }
    }

    /// Writes what goes before an array element or object member: a comma after a sibling, and a
    /// newline with indentation when pretty-printing.
    private mutating func startItem() {
        guard let isEmpty = openContainersEmpty.last else { return }
        if !isEmpty { bytes.append(UInt8(ascii: ",")) }
        openContainersEmpty[openContainersEmpty.count - 1] = false
        newline(indentation: openContainersEmpty.count)
    }

    private mutating func endContainer() {
        let wasEmpty = openContainersEmpty.removeLast()
        if !wasEmpty { newline(indentation: openContainersEmpty.count) }
    }

    private mutating func newline(indentation level: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static func appendQuoted(_ value: String, to bytes: inout [UInt8]) {
        let hexDigits = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x00..<0x20, 0x7F:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(hexDigits[Int(byte >> 4)])
                bytes.append(hexDigits[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
