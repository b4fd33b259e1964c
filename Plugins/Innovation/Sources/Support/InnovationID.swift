import ThiduaModuleKit

/// Initiative ids on the wire: "in" and the row number, "in17". The prefix is the module's own,
/// so an initiative id can never be taken for one of the core's ids ("u17", "m17"...).
enum InnovationID {
    static let initiativePrefix = "in"

    static func initiative(_ row: Int64) -> String { "\(Self.initiativePrefix)\(row)" }

    /// The row number of an initiative id, or INVALID_ARGUMENT (rule `id.format`) naming `field`.
    static func initiativeRow(_ id: String, field: String) throws(RPCError) -> Int64 {
        guard id.hasPrefix(Self.initiativePrefix), let row = Int64(id.dropFirst(Self.initiativePrefix.count)), row > 0 else {
            let what = id.isEmpty ? "is empty" : "\"\(id)\" is not one"
            throw RPCError(.invalidArgument, "\(field) must be an initiative id such as in17; \(what)", field: field, rule: "id.format")
        }
        return row
    }

    /// The number in one of the core's ids ("m17" is 17), for ordering; 0 when there is none.
    static func number(of coreID: String) -> Int64 {
        Int64(coreID.drop { !$0.isNumber }) ?? 0
    }
}
