import ThiduaModuleKit

/// Which unions take part in two-goods teaching: school unions that still have a union. Pure.
public enum SchoolEligibility {
    /// FAILED_PRECONDITION unless `unit` may take part in a school year under `rules`: a
    /// grassroots union of the school sector (rule `two_goods.school_sector`) that still has a
    /// union (rule `two_goods.school_has_union`): not dissolved, and not fully state-funded when
    /// the rules exclude those (from the July 2025 reorganisation on).
    public static func check(_ unit: UnitReference, rules: TwoGoodsRules, field: String) throws(RPCError) {
        guard unit.kind == .grassrootsUnion, unit.sector == .school else {
            throw RPCError(
                .failedPrecondition,
                "unit \(unit.id) (\(unit.name)) is not a grassroots union of the school sector; two-goods teaching is for school unions",
                field: field,
                rule: "two_goods.school_sector"
            )
        }
        guard unit.isLive else {
            throw RPCError(
                .failedPrecondition,
                "the union of \(unit.id) (\(unit.name)) was dissolved; only schools that still have a union take part",
                field: field,
                rule: "two_goods.school_has_union"
            )
        }
        if unit.fullyStateFunded, rules.excludeFullyStateFunded {
            throw RPCError(
                .failedPrecondition,
                "\(unit.id) (\(unit.name)) is fully state-funded: such schools have no union from \(rules.effectiveFrom) (\(rules.regulation)), so they do not take part",
                field: field,
                rule: "two_goods.school_has_union"
            )
        }
    }

    /// Whether `unit` may take part; see ``check(_:rules:field:)``.
    public static func isEligible(_ unit: UnitReference, rules: TwoGoodsRules) -> Bool {
        (try? Self.check(unit, rules: rules, field: "")) != nil
    }
}
