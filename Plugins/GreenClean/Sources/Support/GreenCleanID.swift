import ThiduaModuleKit

/// The module's kinds of entity on the wire: "gc12" is registration 12, "gf7" safety fact 7.
enum GreenCleanID {
    static let registration = EntityKind(prefix: "gc", noun: "registration", rule: "green_clean.registration_exists")
    static let fact = EntityKind(prefix: "gf", noun: "safety fact", rule: "green_clean.fact_exists")
}
