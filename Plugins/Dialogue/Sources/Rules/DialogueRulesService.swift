import Foundation
import DialogueAPI
import ThiduaModuleKit

/// `thidua.dialogue.v1.DialogueRules`: the versions of the rules, keyed to their regulation.
struct DialogueRulesService: DialogueRulesHandlers, ModuleService {
    let context: ModuleContext
    let rules: RuleBook

    func getDialogueRules(_ request: GetDialogueRulesRequest, _ call: CallContext) async throws -> DialogueRuleSet {
        let date = try Fields.date(request.on, field: "on", default: self.today)
        return try await self.core.read(call) { db, _ in
            try self.rules.rules(on: date, in: db)
        }
    }

    func listDialogueRules(_ request: ListDialogueRulesRequest, _ call: CallContext) async throws -> ListDialogueRulesResponse {
        try await self.core.read(call) { db, _ in
            let versions = try self.rules.versions(in: db)
            return ListDialogueRulesResponse.with {
                $0.versions = versions
                $0.builtInDefault = self.rules.builtIn
            }
        }
    }

    func setDialogueRules(_ request: DialogueRuleSet, _ call: CallContext) async throws -> DialogueRuleSet {
        try request.validate()
        var trimmed = request
        trimmed.regulation = request.regulation.trimmingCharacters(in: .whitespaces)
        let ruleSet = trimmed
        let core = self.core
        return try await core.mutate(call, request: request) { db, principal in
            let root = try core.requireRootKey(principal, setting: "the dialogue rules", in: db)
            try self.rules.add(ruleSet, in: db)
            return Mutation.change(ruleSet, id: ruleSet.effectiveFrom, unitID: root.id, reason: ruleSet.regulation)
        }
    }
}
