import Foundation

/// A language the server writes its refusals in. English is the default; a client chooses another
/// with `ClientHello.accept_language` or a call's `accept-language` metadata (docs/PROTOCOL.md §2.1).
public enum Language: String, Sendable, CaseIterable {
    /// The server's own text, written where the refusal is raised.
    case english = "en"
    /// The rule catalogue's Vietnamese messages, with the refusal's values filled in.
    case vietnamese = "vi"

    /// The language to use for an HTTP Accept-Language value such as "vi-VN, en;q=0.8": of the
    /// ranges it lists, the one with the highest weight this server offers (the first of equals),
    /// matched on the primary subtag, so "vi-VN" is Vietnamese. Nil when it names none this
    /// server offers; "*" names English.
    public init?(acceptLanguage: String) {
        var best: (language: Language, weight: Double)?
        for range in acceptLanguage.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let weight = Self.weight(of: parts.dropFirst())
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            guard weight > 0, let language = primary == "*" ? .english : Language(rawValue: primary) else { continue }
            if best == nil || weight > best!.weight {
                best = (language, weight)
            }
        }
        guard let best else { return nil }
        self = best.language
    }

    /// The "q" parameter of a language range (RFC 9110 §12.4.2): 1 when absent; 0, so that the
    /// range is ignored, when it is not a number from 0 to 1.
    private static func weight(of parameters: ArraySlice<String>) -> Double {
        for parameter in parameters {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
            guard let weight = Double(pair[1]), (0...1).contains(weight) else { return 0 }
            return weight
        }
        return 1
    }
}
