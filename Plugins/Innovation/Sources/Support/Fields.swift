import Foundation
import ThiduaModuleKit

/// Checks of single request fields, each throwing INVALID_ARGUMENT that names the field and rule.
enum Fields {
    /// A required text: trimmed, not empty, at most `maxLength` characters.
    static func text(_ value: String, field: String, maxLength: Int) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return try Self.optionalText(trimmed, field: field, maxLength: maxLength)
    }

    /// An optional text: trimmed, at most `maxLength` characters; empty when not given.
    static func optionalText(_ value: String, field: String, maxLength: Int) throws(RPCError) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count <= maxLength else {
            throw RPCError(
                .invalidArgument,
                "\(field) has \(trimmed.count) characters; the most allowed is \(maxLength)",
                field: field,
                rule: "field.max_length"
            )
        }
        return trimmed
    }

    /// An enum set to a known value other than the zero one.
    static func known<E: RawRepresentable & Equatable>(_ value: E, field: String) throws(RPCError) -> E where E.RawValue == Int {
        guard value.rawValue > 0, E(rawValue: value.rawValue) != nil, !"\(value)".hasPrefix("UNRECOGNIZED") else {
            throw RPCError(.invalidArgument, "\(field) must be set to a known value", field: field, rule: "field.enum")
        }
        return value
    }

    /// A required date.
    static func date(_ value: String, field: String) throws(RPCError) -> CalendarDate {
        guard !value.isEmpty else {
            throw RPCError(.invalidArgument, "\(field) must not be empty", field: field, rule: "field.required")
        }
        return try CalendarDate.parse(value, field: field)
    }

    /// A period `from`...`to`, both required, `from` not after `to`.
    static func period(from: String, to: String) throws(RPCError) -> ClosedRange<CalendarDate> {
        let start = try Self.date(from, field: "from")
        let end = try Self.date(to, field: "to")
        guard start <= end else {
            throw RPCError(.invalidArgument, "the period runs from \(start) to \(end): from must not be after to", field: "to", rule: "period.order")
        }
        return start...end
    }

    /// The fields an update request names, each one of `allowed`, at least one.
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
