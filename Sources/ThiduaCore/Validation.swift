import Foundation
import ThiduaModuleKit

/// Checks of request fields that every service shares.
enum Validate {
    /// A required text field: trimmed, non-empty, at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int = 200) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return try Self.optionalText(trimmed, field: field, maxLength: maxLength)!
    }

    /// An optional text field: nil when empty.
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

    /// An enum field that must be set to a known value.
    static func known<E: RawRepresentable>(_ value: E, unspecified: E, field: String) throws(RPCError) -> E
    where E: Equatable, E.RawValue == Int {
        guard value != unspecified, value.rawValue > 0, "\(value)" != "UNRECOGNIZED(\(value.rawValue))" else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "field.enum")
        }
        return value
    }
}

extension Foundation.Date {
    var unixMilliseconds: Int64 { Int64(self.timeIntervalSince1970 * 1000) }
}
