import Foundation

/// How two initiative titles are compared for novelty within a unit.
///
/// Two titles are the same initiative when they differ only in case, Vietnamese diacritics
/// (including đ), spacing or punctuation: "Cải tiến quy trình  nhập kho." and "cai tien quy trinh
/// nhap kho" are one title, and the later filing is refused.
enum InitiativeTitle {
    /// The comparison form: lower case, no diacritics, words of letters and digits separated by
    /// one space.
    static func normalised(_ title: String) -> String {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in title.decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark {
                continue
            }
            if scalar == "\u{0111}" || scalar == "\u{0110}" {
                word.append("d")
            } else if properties.isAlphabetic || properties.numericType != nil {
                word.append(contentsOf: properties.lowercaseMapping.unicodeScalars)
            } else if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { words.append(String(word)) }
        return words.joined(separator: " ")
    }
}
