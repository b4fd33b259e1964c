import ThiduaWire

/// One rule a refusal can name in `ErrorDetail.rule`, declared once by whoever raises it (the
/// call layer, the host, the module kit, the core, or a campaign module for `<id>.*` rules).
///
/// ```swift
/// RuleDescription(
///     "dialogue.vote_majority", .failedPrecondition,
///     en: "The vote did not pass: {approving} of all {total} employees in favour is not more than {percent}%",
///     vi: "Biểu quyết không đạt: {approving} trên tổng số {total} người lao động tán thành, chưa quá {percent}%",
///     citation: "Bộ luật Lao động 2019, Điều 76"
/// )
/// ```
///
/// The refusal passes the parameters' values (`RPCError(…, rule:, values:)`); docs/RULES.md is
/// generated from the declarations.
public struct RuleDescription: Sendable, Equatable {
    /// Stable and dotted, such as "field.required" or "dialogue.vote_majority".
    public let name: String
    /// The status of a call this rule refuses.
    public let code: StatusCode
    /// The rule in English, for docs/RULES.md; on the wire English clients get the text written
    /// where the refusal is raised, which often says more (the ids involved).
    public let english: MessageTemplate
    /// What a client that reads Vietnamese is shown.
    public let vietnamese: MessageTemplate
    /// The article of law or regulation the rule comes from, such as "Bộ luật Lao động 2019,
    /// Điều 76"; nil for a rule of the protocol or of the system's own design.
    public let citation: String?

    public init(_ name: String, _ code: StatusCode, en english: MessageTemplate, vi vietnamese: MessageTemplate, citation: String? = nil) {
        self.name = name
        self.code = code
        self.english = english
        self.vietnamese = vietnamese
        self.citation = citation
    }

    /// The message in `language`.
    public func message(in language: Language) -> MessageTemplate {
        switch language {
        case .english: self.english
        case .vietnamese: self.vietnamese
        }
    }

    /// The parameters the messages take, in order of first use in the English one.
    public var parameters: [String] { self.english.parameters }

    /// What is wrong with the declaration: a malformed name, the status OK, an empty or malformed
    /// message, messages that disagree on their parameters.
    public var problems: [String] {
        var problems: [String] = []
        if !Self.isValidName(self.name) {
            problems.append("rule \"\(self.name)\" is not dotted lower-case words, such as \"field.required\"")
        }
        if self.code == .ok {
            problems.append("rule \(self.name) refuses with OK")
        }
        for language in Language.allCases {
            let message = self.message(in: language)
            if message.text.allSatisfy(\.isWhitespace) {
                problems.append("rule \(self.name) has no \(language) message")
            }
            if let problem = message.syntaxProblem {
                problems.append("rule \(self.name)'s \(language) message has \(problem)")
            }
        }
        if Set(self.english.parameters) != Set(self.vietnamese.parameters) {
            problems.append(
                "rule \(self.name)'s messages take different parameters: "
                    + "{\(self.english.parameters.joined(separator: "}, {"))} in English, "
                    + "{\(self.vietnamese.parameters.joined(separator: "}, {"))} in Vietnamese"
            )
        }
        return problems
    }

    /// Two or more dot-separated words of lower-case ASCII letters, digits and `_`, the first
    /// starting with a letter.
    public static func isValidName(_ name: String) -> Bool {
        let words = name.split(separator: ".", omittingEmptySubsequences: false)
        return words.count >= 2
            && words[0].first.map { $0.isASCII && $0.isLetter } == true
            && words.allSatisfy { word in
                !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
            }
    }
}
