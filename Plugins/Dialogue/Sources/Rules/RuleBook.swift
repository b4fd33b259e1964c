import DialogueAPI
import SwiftProtobuf
import ThiduaModuleKit

/// The versions of the rules: those a deployment added (table `dialogue_rule_set`, never edited)
/// and the built-in default, which applies on any date no added version covers.
struct RuleBook: Sendable {
    let builtIn: DialogueRuleSet

    /// The rules in force on `date`: the latest added version effective on or before it.
    func rules(on date: CalendarDate, in db: Database) throws -> DialogueRuleSet {
        let json = try String.fetchOne(
            db.cachedStatement(sql: "SELECT rules FROM dialogue_rule_set WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1"),
            arguments: [date.description]
        )
        return try json.map { try DialogueRuleSet(jsonString: $0) } ?? self.builtIn
    }

    /// Every added version, oldest first.
    func versions(in db: Database) throws -> [DialogueRuleSet] {
        try String.fetchAll(db.cachedStatement(sql: "SELECT rules FROM dialogue_rule_set ORDER BY effective_from"))
            .map { try DialogueRuleSet(jsonString: $0) }
    }

    /// Adds a version; ALREADY_EXISTS when one starts on the same day.
    func add(_ rules: DialogueRuleSet, in db: Database) throws {
        let exists = try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM dialogue_rule_set WHERE effective_from = ?)"), arguments: [rules.effectiveFrom]
        ) ?? false
        guard !exists else {
            throw RPCError(
                .alreadyExists,
                "a version of the rules already takes effect on \(rules.effectiveFrom); versions never change, so add one from another day",
                field: "effective_from",
                rule: "dialogue.rules_version_exists"
            )
        }
        try db.cachedStatement(sql: "INSERT INTO dialogue_rule_set (effective_from, regulation, rules) VALUES (?, ?, ?)").execute(
            arguments: [rules.effectiveFrom, rules.regulation, try rules.jsonString()]
        )
    }
}
