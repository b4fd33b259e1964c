import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire
import TwoGoods

/// The rule sets, over the wire: shipped defaults, set from the root, applied by school year.
@Suite struct RuleSetTests {
    static func training(_ hours: Double, from date: String) -> TwoGoodsRuleSet {
        .with {
            $0.regulation = "Hướng dẫn bồi dưỡng của Sở GD&ĐT"
            $0.effectiveFrom = date
            $0.requiredTrainingHours = hours
            $0.maxHoursPerYear = 800
            $0.collectiveCommendationMinimum = .outstanding
            $0.individualCommendationNeedsAchievement = true
        }
    }

    @Test func theShippedRuleSetsAreStored() async throws {
        try await Organisation.with { f, _ in
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listRuleSets, ListRuleSetsRequest())
            #expect(listed.ruleSets == TwoGoodsRules.defaults.map(\.message))
        }
    }

    @Test func aNewRuleSetAppliesToTheSchoolYearsFromItsDate() async throws {
        try await Organisation.with { f, org in
            let campaign = try await f.schoolYearCampaign(launchedBy: org.district)
            let school = try await f.school("Trường Tiểu học Triệu Thành", under: org.district)
            let id = try await f.enrol(school, in: campaign).id
            let teacher = try await f.teacher("Lương Thị Linh", of: school)
            _ = try await f.recordTeacher(teacher, in: id, training: 110)
            #expect(try await f.report().teachersMeetingTrainingRequirement == 0)

            // From the 2022-2023 school year: not yet in force for 2021-2022.
            try await f.setRuleSet(Self.training(100, from: "2022-08-01"))
            #expect(try await f.report().requiredTrainingHours == 120)
            #expect(try await f.report(year: 2022).requiredTrainingHours == 100)

            // From the 2021-2022 school year, with a lower bound on hours too.
            let saved = try await f.setRuleSet(Self.training(100, from: "2021-08-01"))
            #expect(saved.effectiveFrom == "2021-08-01")
            let report = try await f.report()
            #expect(report.requiredTrainingHours == 100)
            #expect(report.teachersMeetingTrainingRequirement == 1)
            let other = try await f.teacher("Bùi Thị Hằng", of: school)
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.hours_range", field: "training_hours") {
                _ = try await f.recordTeacher(other, in: id, training: 850)
            }

            // Replacing the set of a date keeps one set per date, and the audit has both.
            try await f.setRuleSet(Self.training(90, from: "2021-08-01"))
            let listed = try await f.call(Methods.TwoGoods.TwoGoods.listRuleSets, ListRuleSetsRequest())
            #expect(listed.ruleSets.map(\.effectiveFrom) == ["2000-01-01", "2021-08-01", "2022-08-01", "2025-07-01"])
            #expect(listed.ruleSets[1].requiredTrainingHours == 90)
            let audits = try await f.auditRecords().filter {
                $0.targetType == "thidua.two_goods.v1.TwoGoodsRuleSet" && $0.targetID == "2021-08-01"
            }
            #expect(audits.count == 2)
        }
    }

    @Test func ruleSetsAreSetFromTheRootWithValidFigures() async throws {
        try await Organisation.with { f, org in
            let province = try await f.client(scopedTo: org.province, permissions: ["two_goods.manage"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.root") {
                try await f.setRuleSet(Self.training(100, from: "2021-08-01"), as: province)
            }
            let reader = try await f.client(scopedTo: f.rootUnitID, permissions: ["two_goods.read"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await f.setRuleSet(Self.training(100, from: "2021-08-01"), as: reader)
            }
            try await f.expectRefusal(.invalidArgument, rule: "two_goods.rule_set_hours", field: "required_training_hours") {
                try await f.setRuleSet(Self.training(900, from: "2021-08-01"))
            }
            var noRegulation = Self.training(100, from: "2021-08-01")
            noRegulation.regulation = ""
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "regulation") {
                try await f.setRuleSet(noRegulation)
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format", field: "effective_from") {
                try await f.setRuleSet(Self.training(100, from: ""))
            }
        }
    }
}
