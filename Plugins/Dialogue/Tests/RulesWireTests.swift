import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Versions of the rules, set over the wire and applied by the date of each step.
@Suite struct RulesWireTests {
    func lenient(from date: String) -> DialogueRuleSet {
        var rules = DialogueRuleSet.labourCode2019
        rules.regulation = "Quy định thí điểm của thành phố"
        rules.effectiveFrom = date
        rules.periodicQuorumPercent = 50
        return rules
    }

    @Test func theBuiltInRulesApplyUntilAVersionIsAdded() async throws {
        try await DialogueFixture.with { f, org in
            let current = try await f.call(Methods.Dialogue.DialogueRules.getDialogueRules, GetDialogueRulesRequest())
            #expect(current == .labourCode2019)
            let added = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, self.lenient(from: "2025-05-01"))
            #expect(added.regulation == "Quy định thí điểm của thành phố")
            let before = try await f.call(Methods.Dialogue.DialogueRules.getDialogueRules, .with { $0.on = "2025-04-30" })
            #expect(before.periodicQuorumPercent == 70)
            let after = try await f.call(Methods.Dialogue.DialogueRules.getDialogueRules, .with { $0.on = "2025-05-01" })
            #expect(after.periodicQuorumPercent == 50)
            let listed = try await f.call(Methods.Dialogue.DialogueRules.listDialogueRules, ListDialogueRulesRequest())
            #expect(listed.versions.map(\.effectiveFrom) == ["2025-05-01"])
            #expect(listed.builtInDefault == .labourCode2019)

            // Six of ten representatives: too few in March, enough from May.
            let march = try await f.planPeriodic(org.garmentID, on: "2025-03-14")
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.periodic_quorum") {
                _ = try await f.hold(march.id, on: "2025-03-14", present: 6)
            }
            let june = try await f.planPeriodic(org.garmentID, on: "2025-06-02")
            #expect(try await f.hold(june.id, on: "2025-06-02", present: 6).state == .held)
            #expect(try await f.audit(of: "2025-05-01").count == 1)
        }
    }

    @Test func versionsAreCheckedNeverChangedAndSetFromTheRoot() async throws {
        try await DialogueFixture.with { f, org in
            var broken = self.lenient(from: "2025-05-01")
            broken.voteMajorityPercent = 0
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.rules_invalid") {
                _ = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, broken)
            }
            _ = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, self.lenient(from: "2025-05-01"))
            try await f.expectRefusal(.alreadyExists, rule: "dialogue.rules_version_exists") {
                _ = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, self.lenient(from: "2025-05-01"))
            }
            let province = try await f.client(scopedTo: org.provinceID, permissions: [DialoguePermissions.configure])
            try await f.expectRefusal(.permissionDenied, rule: "scope.root") {
                _ = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, self.lenient(from: "2025-06-01"), as: province)
            }
            let writer = try await f.client(scopedTo: f.rootUnitID, permissions: [DialoguePermissions.write])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.call(Methods.Dialogue.DialogueRules.setDialogueRules, self.lenient(from: "2025-06-01"), as: writer)
            }
        }
    }

    @Test func aServerRefusesToStartWithInvalidBuiltInRules() async throws {
        var invalid = DialogueRuleSet.labourCode2019
        invalid.delegationBands.removeFirst()
        await #expect(throws: (any Error).self) {
            let server = try await TestServer.start(modules: [DialogueModule(builtInRules: invalid)])
            try await server.stop()
        }
    }
}
