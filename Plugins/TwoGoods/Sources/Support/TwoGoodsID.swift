import ThiduaModuleKit

/// The module's ids: two letters naming the kind of entity, then the row number. "tp17" is
/// participation 17; an id of another kind is refused, not looked up.
enum TwoGoodsID: String {
    case participation = "tp"
    case teacherRecord = "tr"
    case commendation = "tc"

    func id(_ row: Int64) -> String { "\(self.rawValue)\(row)" }

    /// The row number in `id`, or INVALID_ARGUMENT (rule `id.format`) naming `field`.
    func row(_ id: String, field: String) throws(RPCError) -> Int64 {
        let digits = id.dropFirst(self.rawValue.count)
        guard id.hasPrefix(self.rawValue), digits.allSatisfy({ ("0"..."9").contains($0) }), let row = Int64(digits), row > 0 else {
            let what = id.isEmpty ? "is empty" : "\"\(id)\" is not one"
            throw RPCError(.invalidArgument, "\(field) must be an id such as \(self.rawValue)17; \(what)", field: field, rule: "id.format")
        }
        return row
    }
}
