import ThiduaModuleKit
import TwoGoodsAPI

/// The rule sets: the same for everyone, so set from the root of the tree.
extension TwoGoodsService {
    func setRuleSet(_ request: TwoGoodsRuleSet, _ context: CallContext) async throws -> TwoGoodsRuleSet {
        let rules = try TwoGoodsRules(checking: request)
        return try await self.core.mutate(context, request: request) { db, principal in
            let root = try self.core.requireRootKey(principal, setting: "the two-goods rule sets", in: db)
            let before = try RuleSetStore.find(effectiveFrom: rules.effectiveFrom, in: db)
            try RuleSetStore.save(rules, in: db)
            let id = rules.effectiveFrom.description
            return Mutation.change(rules.message, id: id, unitID: root.id, old: before?.message, reason: rules.regulation)
        }
    }

    func listRuleSets(_ request: ListRuleSetsRequest, _ context: CallContext) async throws -> ListRuleSetsResponse {
        try await self.core.read(context) { db, _ in
            let rules = try RuleSetStore.all(in: db)
            return ListRuleSetsResponse.with { $0.ruleSets = rules.map(\.message) }
        }
    }
}
