import ThiduaModuleKit
import TwoGoodsAPI

/// Reads and writes of the rule sets, inside a caller's transaction.
enum RuleSetStore {
    /// The rules in force on `date`: the latest set whose effective date is not after it, or the
    /// earliest set for a date before them all.
    static func inForce(on date: CalendarDate, in db: Database) throws -> TwoGoodsRules {
        let row = try db.fetchOne("SELECT * FROM two_goods_rule_set WHERE effective_from <= \(date) ORDER BY effective_from DESC LIMIT 1")
            ?? db.fetchOne("SELECT * FROM two_goods_rule_set ORDER BY effective_from LIMIT 1")
        guard let row else {
            throw RPCError(.internal, "no two-goods rule set is stored", field: "", rule: "two_goods.rule_set_missing")
        }
        return try Self.rules(row)
    }

    /// Every set, oldest first.
    static func all(in db: Database) throws -> [TwoGoodsRules] {
        try db.fetchAll("SELECT * FROM two_goods_rule_set ORDER BY effective_from").map(Self.rules)
    }

    static func find(effectiveFrom date: CalendarDate, in db: Database) throws -> TwoGoodsRules? {
        try db.fetchOne("SELECT * FROM two_goods_rule_set WHERE effective_from = \(date)").map(Self.rules)
    }

    /// Adds the set, or replaces the one of the same effective date.
    static func save(_ rules: TwoGoodsRules, in db: Database) throws {
        try db.execute("""
            INSERT INTO two_goods_rule_set (effective_from, regulation, required_training_hours, max_hours_per_year,
                exclude_fully_state_funded, collective_commendation_minimum, individual_commendation_needs_achievement)
            VALUES (
                \(rules.effectiveFrom), \(rules.regulation), \(rules.requiredTrainingHours), \(rules.maxHoursPerYear),
                \(rules.excludeFullyStateFunded), \(rules.collectiveCommendationMinimum.rawValue), \(rules.individualCommendationNeedsAchievement)
            )
            ON CONFLICT (effective_from) DO UPDATE SET regulation = excluded.regulation,
                required_training_hours = excluded.required_training_hours, max_hours_per_year = excluded.max_hours_per_year,
                exclude_fully_state_funded = excluded.exclude_fully_state_funded,
                collective_commendation_minimum = excluded.collective_commendation_minimum,
                individual_commendation_needs_achievement = excluded.individual_commendation_needs_achievement
            """)
    }

    private static func rules(_ row: SQLRow) throws -> TwoGoodsRules {
        try TwoGoodsRules(
            regulation: row["regulation"],
            effectiveFrom: row["effective_from"],
            requiredTrainingHours: row["required_training_hours"],
            maxHoursPerYear: row["max_hours_per_year"],
            excludeFullyStateFunded: row["exclude_fully_state_funded"],
            collectiveCommendationMinimum: SchoolClassification(rawValue: row["collective_commendation_minimum"]) ?? .outstanding,
            individualCommendationNeedsAchievement: row["individual_commendation_needs_achievement"]
        )
    }
}
