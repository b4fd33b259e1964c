import Foundation
import SwiftProtobuf
import ThiduaModuleKit

/// Checks of request fields shared by the module's methods.
enum Fields {
    /// A required text field: trimmed, non-empty, at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String {
        guard let text = try Self.optionalText(value, field: field, maxLength: maxLength) else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "green_clean.field_required")
        }
        return text
    }

    /// An optional text field: trimmed, empty when absent, at most `maxLength` characters.
    static func optionalText(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(trimmed.count) characters; the most allowed is \(maxLength)",
                field: field,
                rule: "green_clean.field_max_length"
            )
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A reason or note that may be empty.
    static func note(_ value: String, field: String) throws(RPCError) -> String {
        try Self.optionalText(value, field: field, maxLength: 1000) ?? ""
    }

    /// A required reason.
    static func reason(_ value: String, field: String = "reason") throws(RPCError) -> String {
        try Self.text(value, field: field, maxLength: 1000)
    }

    /// A date that must not be after `today`.
    static func pastDate(_ value: String, field: String, today: CalendarDate) throws(RPCError) -> CalendarDate {
        let date = try CalendarDate.parse(value, field: field)
        guard date <= today else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(date), after today (\(today))",
                field: field,
                rule: "green_clean.date_future"
            )
        }
        return date
    }

    /// An enum field set to a value this server knows.
    static func known<E: SwiftProtobuf.Enum & CaseIterable>(_ value: E, field: String) throws(RPCError) -> E {
        guard value.rawValue > 0, E.allCases.contains(value) else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "green_clean.field_enum")
        }
        return value
    }
}
