import Foundation
import ThiduaModuleKit

/// docs/RULES.md, written from the rule catalogue: `thidua-server rules --markdown` prints it,
/// and Scripts/check-generated.sh fails when the committed file differs.
public enum RulesDocument {
    public static func markdown(_ sections: [RuleSection]) -> String {
        let count = sections.map(\.rules.count).reduce(0, +)
        var lines = [
            "<!-- Generated from the rule catalogue by `thidua-server rules --markdown` (Scripts/generate-rules.sh); do not edit.",
            "     Scripts/check-generated.sh fails when this file is stale. -->",
            "# Rules",
            "",
            "Every refusal names the rule it applies in `ErrorDetail.rule` (docs/PROTOCOL.md §4). Each rule is",
            "declared once, by the part of the server that raises it (the call layer, the host, the module kit,",
            "the core, or a campaign module for its own `<id>.*` rules), with the status of a call it refuses,",
            "its message in English and in Vietnamese, and the article of law or regulation it comes from.",
            "",
            "- A client chooses the language of refusals with `ClientHello.accept_language` or a call's",
            "  `accept-language` metadata (docs/PROTOCOL.md §2.1). A client that asks for English, or for",
            "  nothing, gets the server's own text, which often also names the ids involved; one that asks for",
            "  Vietnamese gets the message below.",
            "- `{name}` in a message is a parameter: the refusal carries its value in `ErrorDetail.values`.",
            "- A legal basis marked \"not verified\" could not be checked against the text of the law; rules",
            "  without one are the protocol's or the system's own.",
            "- The status is that of a call the rule refuses; a bulk call (an import) refuses as a whole with",
            "  INVALID_ARGUMENT and lists each row's rule as a detail.",
            "",
            "\(count) rules.",
            "",
        ]
        lines += sections.map { "- [\($0.title)](#\(Self.anchor($0.title))): \($0.rules.count)" }
        lines.append("- [When a refusal names no rule](#\(Self.anchor(Self.statusHeading)))")
        for section in sections {
            lines += ["", "## \(section.title)", "", "| rule | status | English | Tiếng Việt | legal basis |", "|---|---|---|---|---|"]
            for rule in section.rules.sorted(by: { $0.name < $1.name }) {
                let cells = ["`\(rule.name)`", rule.code.name, rule.english.text, rule.vietnamese.text, rule.citation ?? ""]
                lines.append("| " + cells.map(Self.cell).joined(separator: " | ") + " |")
            }
        }
        lines += [
            "", "## \(Self.statusHeading)", "",
            "A refusal without a rule (a deadline that passed, a server shutting down) is written in Vietnamese",
            "as its status's summary:", "",
            "| status | English | Tiếng Việt |", "|---|---|---|",
        ]
        for code in Self.statuses {
            lines.append("| " + [code.name, code.summary(in: .english), code.summary(in: .vietnamese)].map(Self.cell).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static let statusHeading = "When a refusal names no rule"

    /// The statuses of §6 of docs/PROTOCOL.md that end a call or a connection, OK (a GoAway in
    /// good order) included.
    private static let statuses: [StatusCode] = [
        .ok, .cancelled, .invalidArgument, .deadlineExceeded, .notFound, .alreadyExists, .permissionDenied, .resourceExhausted,
        .failedPrecondition, .aborted, .outOfRange, .unimplemented, .internal, .unavailable, .unauthenticated,
    ]

    /// Text that cannot end a table cell early.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }

    /// The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens.
    private static func anchor(_ heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }
}
