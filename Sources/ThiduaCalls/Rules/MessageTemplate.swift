/// A rule's message in one language, with named parameters in braces:
/// `"{approving} of all {total} employees in favour"`. A parameter's name is lower-case ASCII
/// letters, digits and `_`; braces are used for nothing else.
public struct MessageTemplate: Sendable, Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// One piece of the text: written as it is, or a parameter's value.
    private enum Piece: Sendable, Equatable {
        case text(String)
        case parameter(String)
    }

    /// The template as written.
    public let text: String
    private let pieces: [Piece]
    /// The names of the parameters, in order of first use.
    public let parameters: [String]
    /// What is wrong with how the text is written (a lone brace, a malformed name), or nil.
    public let syntaxProblem: String?

    public init(_ text: String) {
        self.text = text
        var pieces: [Piece] = []
        var parameters: [String] = []
        var problem: String?
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            pieces.append(.text(String(rest[..<open])))
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                problem = problem ?? "a brace that opens or closes no parameter"
                pieces.append(.text(String(rest[open...])))
                rest = rest[rest.endIndex...]
                break
            }
            let name = String(rest[rest.index(after: open)..<close])
            if !Self.isParameterName(name) {
                problem = problem ?? "the parameter name \"\(name)\" is not lower-case ASCII letters, digits and _"
            }
            pieces.append(.parameter(name))
            if !parameters.contains(name) { parameters.append(name) }
            rest = rest[rest.index(after: close)...]
        }
        pieces.append(.text(String(rest)))
        self.pieces = pieces.filter { $0 != .text("") }
        self.parameters = parameters
        self.syntaxProblem = problem
    }

    public init(stringLiteral text: String) {
        self.init(text)
    }

    public var description: String { self.text }

    /// The message with every parameter replaced by its value; nil when `values` lacks one, so
    /// that a caller never shows a message with a hole in it.
    public func render(_ values: [String: String]) -> String? {
        var message = ""
        for piece in self.pieces {
            switch piece {
            case .text(let text):
                message += text
            case .parameter(let name):
                guard let value = values[name] else { return nil }
                message += value
            }
        }
        return message
    }

    private static func isParameterName(_ name: String) -> Bool {
        !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }
}
