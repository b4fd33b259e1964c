import Foundation
import SwiftProtobuf

/// Checks of single request fields, the same for the core and every module: each refusal is
/// INVALID_ARGUMENT naming the field (its `.proto` path) and one of these rules.
///
/// | rule | refusal |
/// |---|---|
/// | `field.required` | an empty required field, or an empty `update_mask` |
/// | `field.max_length` | text longer than the field allows, in characters |
/// | `field.enum` | an enum left unset or set to a value the server does not know |
/// | `field.max_items` | a list longer than the field allows |
/// | `date.future` | a date of something that happened, after today |
/// | `period.order` | a period whose start is after its end |
/// | `update_mask.field` | an `update_mask` naming a field the method does not update |
///
/// Dates that do not parse are refused by ``CalendarDate/parse(_:field:)`` (rule `date.format`).
public enum Fields {
    /// A required text field: trimmed, not empty, at most `maxLength` characters.
    public static func text(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String {
        guard let text = try Self.optionalText(value, field: field, maxLength: maxLength) else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return text
    }

    /// An optional text field: trimmed, at most `maxLength` characters; nil when empty.
    public static func optionalText(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(trimmed.count) characters; the most allowed is \(maxLength)",
                field: field,
                rule: "field.max_length",
                values: ["length": "\(trimmed.count)", "limit": "\(maxLength)"]
            )
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A note that may be empty: trimmed, at most `maxLength` characters.
    public static func note(_ value: String, field: String, maxLength: Int = 1000) throws(RPCError) -> String {
        try Self.optionalText(value, field: field, maxLength: maxLength) ?? ""
    }

    /// A required reason, at most 1,000 characters.
    public static func reason(_ value: String, field: String = "reason") throws(RPCError) -> String {
        try Self.text(value, field: field, maxLength: 1000)
    }

    /// A required date.
    public static func date(_ value: String, field: String) throws(RPCError) -> CalendarDate {
        guard !value.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return try CalendarDate.parse(value, field: field)
    }

    /// A date, or `fallback` when the field is empty.
    public static func date(_ value: String, field: String, default fallback: CalendarDate) throws(RPCError) -> CalendarDate {
        value.isEmpty ? fallback : try CalendarDate.parse(value, field: field)
    }

    /// The date of something that happened: required, and not after `today`.
    public static func pastDate(_ value: String, field: String, today: CalendarDate) throws(RPCError) -> CalendarDate {
        let date = try Self.date(value, field: field)
        try Self.notAfterToday(date, field: field, today: today)
        return date
    }

    /// Refuses a date after `today`: only what has happened can be recorded.
    public static func notAfterToday(_ date: CalendarDate, field: String, today: CalendarDate) throws(RPCError) {
        guard date <= today else {
            throw RPCError(
                .invalidArgument,
                "\(field) is \(date), after today (\(today)); only what has happened can be recorded",
                field: field,
                rule: "date.future",
                values: ["date": "\(date)", "today": "\(today)"]
            )
        }
    }

    /// A period `from`...`to`, both required, `from` not after `to`.
    public static func period(from: String, to: String, fromField: String = "from", toField: String = "to") throws(RPCError) -> ClosedRange<CalendarDate> {
        let start = try Self.date(from, field: fromField)
        let end = try Self.date(to, field: toField)
        guard start <= end else {
            throw RPCError(
                .invalidArgument,
                "the period runs from \(start) to \(end): \(fromField) must not be after \(toField)",
                field: toField,
                rule: "period.order",
                values: ["start": "\(start)", "end": "\(end)"]
            )
        }
        return start...end
    }

    /// An enum field set to a value this server knows, other than the unspecified one.
    public static func known<E: SwiftProtobuf.Enum & CaseIterable>(_ value: E, field: String) throws(RPCError) -> E {
        guard value.rawValue > 0, E.allCases.contains(value) else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "field.enum")
        }
        return value
    }

    /// An enum field set to one of `allowed`.
    public static func known<E: Equatable>(_ value: E, among allowed: [E], field: String) throws(RPCError) -> E {
        guard allowed.contains(value) else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "field.enum")
        }
        return value
    }

    /// A list of at most `maxItems` items.
    public static func list<T>(_ items: [T], field: String, maxItems: Int) throws(RPCError) -> [T] {
        guard items.count <= maxItems else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(items.count) items; the most allowed is \(maxItems)",
                field: field,
                rule: "field.max_items",
                values: ["limit": "\(maxItems)"]
            )
        }
        return items
    }

    /// The fields an update request names, each one of `allowed`; at least one.
    public static func updateMask(_ mask: [String], allowed: Set<String>) throws(RPCError) -> Set<String> {
        guard !mask.isEmpty else {
            throw RPCError(.invalidArgument, "update_mask must name the fields to change", field: "update_mask", rule: "field.required")
        }
        for (index, name) in mask.enumerated() where !allowed.contains(name) {
            throw RPCError(
                .invalidArgument,
                "update_mask[\(index)] is \"\(name)\"; it may name \(allowed.sorted().joined(separator: ", "))",
                field: "update_mask[\(index)]",
                rule: "update_mask.field",
                values: ["name": name]
            )
        }
        return Set(mask)
    }
}
