import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// A title's conditions hold wherever the title is conferred: "Chiến sĩ thi đua cơ sở" needs
/// "Lao động tiên tiến" of the year and a recognised initiative [Law 06/2022/QH15, Art. 23], on a
/// grant as on the decision of a person's registration; and its 15% cap is a share of the
/// recipient unit's "Lao động tiên tiến", whoever issued them.
@Suite struct TitleConditionsTests {
    static let tables = ["core_award", "core_review", "core_review_step"]
    /// 20 December 2025, 10:00 in Vietnam: registrations are decided on this day.
    static let decisionDay = Date(timeIntervalSince1970: 1_766_199_600)

    static func grant(_ form: String, by issuer: String, to member: Member, for achievement: String, on date: String = "2025-12-20", using client: ThiduaClient) async throws -> Award {
        try await AwardsTests.grant(form, by: issuer, to: member.unitID, member: member.id, for: achievement, on: date, using: client)
    }

    @Test func chienSiThiDuaCoSoNeedsLaoDongTienTienAndARecognisedInitiativeOnAGrant() async throws {
        let evidence = RecordedEvidence()
        try await CoreFixture.with(modules: [EvidenceModule(evidence: evidence)], clock: { Self.decisionDay }) { fixture in
            let tree = try await CampaignTree.make(fixture)
            let school = tree.grassroots[1]
            var staff: [Member] = [tree.members[1]]
            for index in 0..<7 { staff.append(try await fixture.addMember("Giáo viên \(index)", to: school.id)) }
            let soldier = "chien_si_thi_dua_co_so"
            // Neither condition: no Lao động tiên tiến, no initiative.
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant(soldier, by: school.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            }
            // An initiative but no Lao động tiên tiến.
            evidence.add([staff[0].id])
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant(soldier, by: school.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            }
            // Lao động tiên tiến of 2025 for everyone but the last; an initiative only for the first.
            for (index, member) in staff.dropLast().enumerated() {
                _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: member, for: "LĐTT 2025 #\(index)", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant(soldier, by: school.id, to: staff[1], for: "CSTĐCS 2025", using: fixture.admin)
            }
            // A title of another year is not this year's condition.
            _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: staff[7], for: "LĐTT 2024", on: "2024-12-20", using: fixture.admin)
            evidence.add([staff[7].id])
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant(soldier, by: school.id, to: staff[7], for: "CSTĐCS 2025", using: fixture.admin)
            }
            // Both conditions: granted, by the school or (for a person of its subtree) the district.
            let granted = try await Self.grant(soldier, by: tree.district.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            #expect(granted.formCode == soldier && granted.recipientMemberID == staff[0].id)
            // A revoked Lao động tiên tiến is no condition.
            let revoked = try await Self.grant("lao_dong_tien_tien", by: school.id, to: staff[7], for: "LĐTT 2025 #7", using: fixture.admin)
            _ = try await fixture.admin.unary(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with {
                $0.id = revoked.id; $0.reason = "hồ sơ không trung thực"
            })
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant(soldier, by: school.id, to: staff[7], for: "CSTĐCS 2025", using: fixture.admin)
            }
        }
    }

    @Test func theDecisionOfAPersonsRegistrationConfersItsTitlesOnlyWhenTheirConditionsHold() async throws {
        let evidence = RecordedEvidence()
        try await CoreFixture.with(modules: [EvidenceModule(evidence: evidence)], clock: { Self.decisionDay }) { fixture in
            let tree = try await CampaignTree.make(fixture)
            let school = tree.grassroots[1]
            var staff: [Member] = [tree.members[1]]
            for index in 0..<7 { staff.append(try await fixture.addMember("Giáo viên \(index)", to: school.id)) }
            let campaign = try await fixture.createCampaign(launchedBy: tree.district.id, year: 2025)
            func decide(_ member: Member, titles: [String]) async throws -> String {
                let registration = try await fixture.register(school.id, member: member.id, titles: titles, in: campaign.id)
                let review = try await fixture.admin.unary(Methods.Core.Reviews.submitReview, SubmitReviewRequest.with {
                    $0.registrationID = registration.id
                })
                #expect(review.levels == [tree.district.id])
                return review.id
            }
            func approve(_ id: String) async throws -> Review {
                try await ReviewsTests.call("ApproveReview", id, using: fixture.admin)
            }
            // No condition met: the deciding level cannot decide it.
            let bare = try await decide(staff[0], titles: ["chien_si_thi_dua_co_so"])
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await approve(bare)
            }
            // An initiative, still no Lao động tiên tiến.
            evidence.add([staff[0].id, staff[1].id])
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await approve(bare)
            }
            // Both: decided.
            _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: staff[0], for: "LĐTT 2025", using: fixture.admin)
            #expect(try await approve(bare).state == .decided)
            // Lao động tiên tiến decided together with Chiến sĩ thi đua cơ sở counts as held; the
            // initiative still does not come with the registration.
            let both = try await decide(staff[1], titles: ["lao_dong_tien_tien", "chien_si_thi_dua_co_so"])
            #expect(try await approve(both).state == .decided)
            let noInitiative = try await decide(staff[2], titles: ["lao_dong_tien_tien", "chien_si_thi_dua_co_so"])
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await approve(noInitiative)
            }
            // Lao động tiên tiến alone has no such conditions.
            #expect(try await approve(try await decide(staff[3], titles: ["lao_dong_tien_tien"])).state == .decided)
        }
    }

    /// The conditions are data keyed to the regulation in force, listed and changed from the
    /// root like the caps. Without a module recording initiatives, the default conditions cannot
    /// be met; a deployment whose regulation asks otherwise sets its own version.
    @Test func conditionsAreVersionedByRegulationAndSetFromTheRoot() async throws {
        try await CoreFixture.with(clock: { Self.decisionDay }) { fixture in
            let tree = try await CampaignTree.make(fixture)
            let school = tree.grassroots[1]
            var staff: [Member] = [tree.members[1]]
            for index in 0..<6 { staff.append(try await fixture.addMember("Giáo viên \(index)", to: school.id)) }
            let listed = try await fixture.admin.unary(Methods.Core.Awards.listTitleConditions, ListTitleConditionsRequest())
            #expect(listed.sets.map { "\($0.formCode)@\($0.effectiveFrom): \($0.requiredTitles) \($0.requiredEvidence)" } == [
                "chien_si_thi_dua_co_so@1900-01-01: [\"lao_dong_tien_tien\"] [\"recognised_initiative\"]",
                "chien_si_thi_dua_co_so@2024-01-01: [\"lao_dong_tien_tien\"] [\"recognised_initiative\"]",
            ])
            for (index, member) in staff.enumerated() {
                for year in ["2025", "2026"] {
                    _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: member, for: "LĐTT \(year) #\(index)", on: "\(year)-02-01", using: fixture.admin)
                }
            }
            // No enabled module records initiatives: the title cannot be conferred, and the refusal says why.
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            }
            do {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            } catch let error as RPCError {
                #expect(error.message.contains("no enabled module records"), "\(error)")
            }

            let version = TitleConditionSet.with {
                $0.regulation = "Quy định thử nghiệm 2026"
                $0.effectiveFrom = "2026-01-01"
                $0.formCode = "chien_si_thi_dua_co_so"
                $0.requiredTitles = ["lao_dong_tien_tien"]
            }
            let tables = Self.tables + ["core_title_condition"]
            let (districtKey, _) = try await fixture.connect(scopedTo: tree.district.id, permissions: ["*"])
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.root", tables: tables) {
                _ = try await districtKey.unary(Methods.Core.Awards.setTitleConditions, version)
            }
            await districtKey.close()
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "award.title_conditions_empty", tables: tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.setTitleConditions, TitleConditionSet.with {
                    $0 = version; $0.requiredTitles = []
                })
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions_form", tables: tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.setTitleConditions, TitleConditionSet.with {
                    $0 = version; $0.formCode = "tap_the_lao_dong_xuat_sac"
                })
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions_form", tables: tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.setTitleConditions, TitleConditionSet.with {
                    $0 = version; $0.requiredTitles = ["giay_khen"]
                })
            }
            let set = try await fixture.admin.unary(Methods.Core.Awards.setTitleConditions, version)
            #expect(set == version)
            // Decisions from 2026 follow the new version; those of 2025 still the law's.
            _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: staff[0], for: "CSTĐCS 2026", on: "2026-03-01", using: fixture.admin)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.title_conditions", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: staff[1], for: "CSTĐCS 2025", using: fixture.admin)
            }
            let after = try await fixture.admin.unary(Methods.Core.Awards.listTitleConditions, ListTitleConditionsRequest())
            #expect(after.sets.map(\.effectiveFrom) == ["1900-01-01", "2024-01-01", "2026-01-01"])
        }
    }

    /// The regulation caps Chiến sĩ thi đua cơ sở at 15% of the people of a unit who hold Lao động
    /// tiên tiến that year: counted in the recipient's unit, whichever level issued either title.
    @Test func theShareCapCountsInTheRecipientsUnitWhoeverIssued() async throws {
        let evidence = RecordedEvidence()
        try await CoreFixture.with(modules: [EvidenceModule(evidence: evidence)], clock: { Self.decisionDay }) { fixture in
            let tree = try await CampaignTree.make(fixture)
            let school = tree.grassroots[1]
            let otherSchool = tree.grassroots[2]
            var staff: [Member] = [tree.members[1]]
            for index in 0..<6 { staff.append(try await fixture.addMember("Giáo viên \(index)", to: school.id)) }
            var others: [Member] = [tree.members[2]]
            for index in 0..<6 { others.append(try await fixture.addMember("Giáo viên khác \(index)", to: otherSchool.id)) }
            evidence.add((staff + others).map(\.id))
            // The school confers Lao động tiên tiến on its 7; the district confers Chiến sĩ thi đua cơ
            // sở: 15% of 7 is 1, counted in the school although the district issued none of the 7.
            for (index, member) in staff.enumerated() {
                _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: member, for: "LĐTT 2025 #\(index)", using: fixture.admin)
            }
            _ = try await Self.grant("chien_si_thi_dua_co_so", by: tree.district.id, to: staff[0], for: "CSTĐCS 2025", using: fixture.admin)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.cap", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: staff[1], for: "CSTĐCS 2025", using: fixture.admin)
            }
            // The other school's people hold theirs from the district; its one is its own, and its
            // second is refused: the two schools' bases are not pooled.
            for (index, member) in others.enumerated() {
                _ = try await Self.grant("lao_dong_tien_tien", by: tree.district.id, to: member, for: "LĐTT 2025 #\(index)", using: fixture.admin)
            }
            _ = try await Self.grant("chien_si_thi_dua_co_so", by: tree.district.id, to: others[0], for: "CSTĐCS 2025", using: fixture.admin)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.cap", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: tree.district.id, to: others[1], for: "CSTĐCS 2025", using: fixture.admin)
            }
        }
    }
}
