import ThiduaModuleKit

/// Initiative ids on the wire: "in17". The prefix is the module's own, so an initiative id can
/// never be taken for one of the core's ids ("u17", "m17"...).
enum InnovationID {
    static let initiative = EntityKind(prefix: "in", noun: "initiative", rule: "innovation.exists")

    /// The number in one of the core's ids ("m17" is 17), for ordering; 0 when there is none.
    static func number(of coreID: String) -> Int64 {
        Int64(coreID.drop { !$0.isNumber }) ?? 0
    }
}
