import Foundation

/// The form in which achievements are compared: one achievement earns one award, however its text
/// is typed. "Hoàn thành xuất sắc nhiệm vụ năm 2025", "hoàn thành xuất sắc nhiệm vụ  năm 2025"
/// and "Hoàn thành xuất sắc nhiệm vụ năm 2025." are one achievement.
///
/// The key is the text in Unicode NFC, case-folded, with every run of white space and punctuation
/// made one space and none at either end. Diacritics are kept: in Vietnamese they tell words apart
/// ("năm" is not "nam").
enum AchievementKey {
    static func of(_ text: String) -> String {
        let folded = text.precomposedStringWithCanonicalMapping.lowercased().precomposedStringWithCanonicalMapping
        var key = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in folded.unicodeScalars {
            if Self.separates(scalar) {
                pendingSeparator = !key.isEmpty
                continue
            }
            if pendingSeparator {
                key.append(" ")
                pendingSeparator = false
            }
            key.append(scalar)
        }
        return String(key)
    }

    /// White space, control characters and punctuation (dashes, quotes, brackets, full stops...).
    private static func separates(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            scalar.properties.isWhitespace
        }
    }
}
