import Foundation
import ThiduaModuleKit

/// Checks of request fields, with the same rule names as the core's.
enum FieldCheck {
    /// A required text field: trimmed, non-empty, at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String {
        guard let text = try Self.optionalText(value, field: field, maxLength: maxLength) else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return text
    }

    /// An optional text field: trimmed, empty when not given.
    static func optionalText(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(trimmed.count) characters; the most allowed is \(maxLength)",
                field: field,
                rule: "field.max_length"
            )
        }
        return trimmed.isEmpty ? nil : trimmed
    }

    /// A date field, or `fallback` when it is empty.
    static func date(_ value: String, field: String, default fallback: CalendarDate) throws(RPCError) -> CalendarDate {
        value.isEmpty ? fallback : try CalendarDate.parse(value, field: field)
    }

    /// An enum field set to one of `allowed`.
    static func known<E: RawRepresentable & Equatable>(_ value: E, among allowed: [E], field: String) throws(RPCError) -> E {
        guard allowed.contains(value) else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "field.enum")
        }
        return value
    }

    /// A list of at most `maxItems` items.
    static func list<T>(_ items: [T], field: String, maxItems: Int) throws(RPCError) -> [T] {
        guard items.count <= maxItems else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(items.count) items; the most allowed is \(maxItems)",
                field: field,
                rule: "field.max_items"
            )
        }
        return items
    }

    /// The fields an update request names, each one of `allowed`; at least one.
    static func updateMask(_ mask: [String], allowed: Set<String>) throws(RPCError) -> Set<String> {
        guard !mask.isEmpty else {
            throw RPCError(.invalidArgument, "update_mask must name the fields to change", field: "update_mask", rule: "field.required")
        }
        for (index, name) in mask.enumerated() where !allowed.contains(name) {
            throw RPCError(
                .invalidArgument,
                "update_mask[\(index)] is \"\(name)\"; it may name \(allowed.sorted().joined(separator: ", "))",
                field: "update_mask[\(index)]",
                rule: "update_mask.field"
            )
        }
        return Set(mask)
    }
}
