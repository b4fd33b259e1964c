import Foundation

/// The rule names written in the server's Swift sources (Sources/ and Plugins/*/Sources, not the
/// generated code), found by reading the text as a test must: every `rule: "…"` argument with the
/// call it is passed to, and every other rule-shaped string on a line that speaks of a `rule`
/// (`let rule = … ? "a.b" : "c.d"`, `?? "x.y"`).
struct RuleNamesInSources {
    /// One `rule: "…"` argument.
    struct Site {
        let file: String
        let line: Int
        /// The literal's text; it may interpolate (`echo.\(field).max`).
        let name: String
        /// The function or initializer it is passed to, such as "RPCError" or "ErrorDetail".
        let callee: String
        /// The whole argument list of that call, from its "(" to its ")".
        let arguments: String

        var isInterpolated: Bool { self.name.contains("\\(") }

        /// The status of an `RPCError(.code, …)`, as its case name; nil for other calls.
        var statusCaseName: String? {
            guard self.callee == "RPCError" else { return nil }
            let first = self.arguments.dropFirst().drop { $0.isWhitespace }
            guard first.first == "." else { return nil }
            return String(first.dropFirst().prefix { $0.isLetter || $0.isNumber })
        }

        /// Whether an interpolated name stands for `rule`: each interpolation one dotted word.
        func matches(_ rule: String) -> Bool {
            let parts = self.name.split(separator: #/\\\([^)]*\)/#, omittingEmptySubsequences: false)
            let pattern = "^" + parts.map { NSRegularExpression.escapedPattern(for: String($0)) }.joined(separator: "[a-z0-9_]+") + "$"
            return rule.range(of: pattern, options: .regularExpression) != nil
        }
    }

    let root: URL
    private(set) var sites: [Site] = []
    /// Rule-shaped strings on lines that name a rule without `rule:` before them.
    private(set) var otherNames: Set<String> = []

    /// Reads every Swift source file of the server under `root`, the repository.
    init(root: URL) throws {
        self.root = root
        for file in try Self.sourceFiles(under: root) {
            try self.read(file)
        }
    }

    /// Every literal name, `rule:` arguments and others, without the interpolated ones.
    var names: Set<String> {
        Set(self.sites.filter { !$0.isInterpolated }.map(\.name)).union(self.otherNames)
    }

    private static func sourceFiles(under root: URL) throws -> [URL] {
        let fileManager = FileManager.default
        let plugins = try fileManager.contentsOfDirectory(atPath: root.appendingPathComponent("Plugins").path)
            .map { root.appendingPathComponent("Plugins/\($0)/Sources") }
        var files: [URL] = []
        for folder in [root.appendingPathComponent("Sources")] + plugins where fileManager.fileExists(atPath: folder.path) {
            guard let walker = fileManager.enumerator(at: folder, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "swift" && !file.path.contains("/Generated/") {
                files.append(file)
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    private mutating func read(_ file: URL) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        guard text.contains("rule") else { return }
        let characters = Array(text)
        let parens = SwiftParens(characters)
        let path = String(file.path.dropFirst(self.root.path.count + 1))
        let source = String(characters)
        for match in source.matches(of: #/rule:\s*"((?:[^"\\]|\\.)*)"/#) {
            let name = String(match.output.1)
            guard !name.isEmpty else { continue }
            let offset = source.distance(from: source.startIndex, to: match.range.lowerBound)
            let line = characters[..<offset].count { $0 == "\n" } + 1
            guard let (open, close) = parens.enclosing(offset) else { continue }
            let callee = String(characters[..<open].reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
            self.sites.append(Site(file: path, line: line, name: name, callee: callee, arguments: String(characters[open...close])))
        }
        for line in source.split(separator: "\n") where !line.drop(while: \.isWhitespace).hasPrefix("//") {
            guard line.contains("rule"), line.contains(#/\brule\b/#) else { continue }
            for literal in line.matches(of: #/"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)"/#) {
                self.otherNames.insert(String(literal.output.1))
            }
        }
    }
}

/// The parentheses of Swift code, matched, outside string literals and comments (string
/// interpolations are code; raw strings are read as text): enough to find the argument list a
/// literal is passed in.
struct SwiftParens {
    /// For each "(" of code, its ")"; and for each character of code, the innermost "(" open there.
    private var closing: [Int: Int] = [:]
    private var innermost: [Int?]

    init(_ characters: [Character]) {
        self.innermost = Array(repeating: nil, count: characters.count)
        var open: [Int] = []
        /// For each string being read: its closing delimiter, whether it is raw, and the depth of
        /// `open` at which its text (not an interpolation) is read.
        var strings: [(delimiter: String, raw: Bool, depth: Int)] = []
        var index = 0
        func starts(with text: String, at position: Int) -> Bool {
            let needed = Array(text)
            return position + needed.count <= characters.count && Array(characters[position..<position + needed.count]) == needed
        }
        while index < characters.count {
            let character = characters[index]
            if let string = strings.last, open.count == string.depth {
                // Inside a string's text.
                if character == "\\", !string.raw, index + 1 < characters.count {
                    if characters[index + 1] == "(" {
                        open.append(index + 1)
                    }
                    index += 2
                    continue
                }
                if starts(with: string.delimiter, at: index) {
                    strings.removeLast()
                    index += string.delimiter.count
                    continue
                }
                index += 1
                continue
            }
            self.innermost[index] = open.last
            if starts(with: "//", at: index) {
                while index < characters.count, characters[index] != "\n" { index += 1 }
                continue
            }
            if starts(with: "/*", at: index) {
                index += 2
                while index < characters.count, !starts(with: "*/", at: index) { index += 1 }
                index += 2
                continue
            }
            switch character {
            case "#" where starts(with: "#\"", at: index):
                let delimiter = starts(with: "#\"\"\"", at: index) ? "\"\"\"#" : "\"#"
                strings.append((delimiter, true, open.count))
                index += delimiter.count
                continue
            case "\"":
                let delimiter = starts(with: "\"\"\"", at: index) ? "\"\"\"" : "\""
                strings.append((delimiter, false, open.count))
                index += delimiter.count
                continue
            case "(":
                open.append(index)
            case ")":
                if let start = open.popLast() { self.closing[start] = index }
            default:
                break
            }
            index += 1
        }
    }

    /// The "(" and ")" of the innermost argument list around the code at `offset`.
    func enclosing(_ offset: Int) -> (open: Int, close: Int)? {
        guard let open = self.innermost[offset], let close = self.closing[open] else { return nil }
        return (open, close)
    }
}
