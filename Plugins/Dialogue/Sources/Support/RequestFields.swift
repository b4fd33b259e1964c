import Foundation
import SwiftProtobuf
import ThiduaModuleKit

/// Checks of request fields shared by the module's services. Every refusal names the field.
enum RequestFields {
    /// A required text field: trimmed, non-empty, at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int = 300) throws(RPCError) -> String {
        guard let text = try Self.optionalText(value, field: field, maxLength: maxLength) else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "dialogue.field_required")
        }
        return text
    }

    /// An optional text field: nil when empty once trimmed.
    static func optionalText(_ value: String, field: String, maxLength: Int = 300) throws(RPCError) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(trimmed.count) characters; the most allowed is \(maxLength)",
                field: field,
                rule: "dialogue.field_max_length"
            )
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A required date.
    static func date(_ value: String, field: String) throws(RPCError) -> CalendarDate {
        guard !value.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "dialogue.field_required")
        }
        return try CalendarDate.parse(value, field: field)
    }

    /// A date, or `fallback` when the field is empty.
    static func date(_ value: String, field: String, default fallback: CalendarDate) throws(RPCError) -> CalendarDate {
        value.isEmpty ? fallback : try CalendarDate.parse(value, field: field)
    }

    /// A date of something that happened: a required date, not after `today`.
    static func pastDate(_ value: String, field: String, today: CalendarDate) throws(RPCError) -> CalendarDate {
        let date = try Self.date(value, field: field)
        try Self.notAfterToday(date, field: field, today: today)
        return date
    }

    /// INVALID_ARGUMENT unless `date` is today or earlier: the module records what happened.
    static func notAfterToday(_ date: CalendarDate, field: String, today: CalendarDate) throws(RPCError) {
        guard date <= today else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(date), after today (\(today)); only what has happened can be recorded",
                field: field,
                rule: "dialogue.date_in_future"
            )
        }
    }

    /// An enum field that must hold a known value other than the unspecified one.
    static func known<E: SwiftProtobuf.Enum & CaseIterable>(_ value: E, field: String) throws(RPCError) -> E {
        guard value.rawValue > 0, E.allCases.contains(value) else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "dialogue.field_enum")
        }
        return value
    }

    /// The fields an update request names, each one of `allowed`; at least one.
    static func updateMask(_ mask: [String], allowed: Set<String>) throws(RPCError) -> Set<String> {
        guard !mask.isEmpty else {
            throw RPCError(.invalidArgument, "update_mask must name the fields to change", field: "update_mask", rule: "dialogue.field_required")
        }
        for (index, name) in mask.enumerated() where !allowed.contains(name) {
            throw RPCError(
                .invalidArgument,
                "update_mask[\(index)] is \"\(name)\"; it may name \(allowed.sorted().joined(separator: ", "))",
                field: "update_mask[\(index)]",
                rule: "dialogue.update_mask"
            )
        }
        return Set(mask)
    }
}
