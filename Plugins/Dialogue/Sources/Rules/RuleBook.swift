import DialogueAPI
import SwiftProtobuf
import ThiduaModuleKit

/// The versions of the rules: those a deployment added (table `dialogue_rule_set`, never edited)
/// and the built-in default, which applies on any date no added version covers.
struct RuleBook: Sendable {
    let builtIn: DialogueRuleSet

    /// The rules in force on `date`: the latest added version effective on or before it.
    func rules(on date: CalendarDate, in db: Database) throws -> DialogueRuleSet {
        let json = try db.fetchValue(
            "SELECT rules FROM dialogue_rule_set WHERE effective_from <= \(date) ORDER BY effective_from DESC LIMIT 1",
            as: String.self
        )
        return try json.map { try DialogueRuleSet(jsonString: $0) } ?? self.builtIn
    }

    /// Every added version, oldest first.
    func versions(in db: Database) throws -> [DialogueRuleSet] {
        try db.fetchValues("SELECT rules FROM dialogue_rule_set ORDER BY effective_from", as: String.self)
            .map { try DialogueRuleSet(jsonString: $0) }
    }

    /// Adds a version; ALREADY_EXISTS when one starts on the same day.
    func add(_ rules: DialogueRuleSet, in db: Database) throws {
        let exists = try db.fetchOne("SELECT 1 FROM dialogue_rule_set WHERE effective_from = \(rules.effectiveFrom)") != nil
        guard !exists else {
            throw RPCError(
                .alreadyExists,
                "a version of the rules already takes effect on \(rules.effectiveFrom); versions never change, so add one from another day",
                field: "effective_from",
                rule: "dialogue.rules_version_exists"
            )
        }
        try db.execute("""
            INSERT INTO dialogue_rule_set (effective_from, regulation, rules)
            VALUES (\(rules.effectiveFrom), \(rules.regulation), \(try rules.jsonString()))
            """)
    }
}
