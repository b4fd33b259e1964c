import Foundation
import GRDB
import Logging
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaCoreAPI
import ThiduaStorage
import ThiduaWire

@Suite struct AwardsTests {
    static let tables = ["core_award", "core_award_form", "core_award_cap"]

    static func grant(
        _ form: String, by issuer: String, to unit: String, member: String = "", for achievement: String,
        on date: String = "2024-12-20", using client: ThiduaClient
    ) async throws -> Award {
        try await client.unary(Methods.Core.Awards.grantAward, GrantAwardRequest.with {
            $0.formCode = form
            $0.issuingUnitID = issuer
            $0.recipientUnitID = unit
            $0.recipientMemberID = member
            $0.achievement = achievement
            $0.decisionNumber = "99/QĐ-LĐLĐ"
            $0.decisionDate = date
        })
    }

    @Test func eachFormIsIssuedAtItsLevelToItsKindOfRecipientOncePerAchievement() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let unit = tree.grassroots[0]
            let award = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, for: "năm học 2021-2022", using: fixture.admin)
            #expect(award.id.hasPrefix("a") && award.recipientMemberID.isEmpty)

            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.one_per_achievement", tables: Self.tables) {
                _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, for: "năm học 2021-2022", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.issuing_level", tables: Self.tables) {
                _ = try await Self.grant("bang_khen_tinh", by: tree.district.id, to: unit.id, for: "xuất sắc 2022", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.recipient_kind", tables: Self.tables) {
                _ = try await Self.grant("co_thi_dua_tinh", by: tree.province.id, to: unit.id, member: tree.members[0].id, for: "x", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.issuer_above_recipient", tables: Self.tables) {
                _ = try await Self.grant("giay_khen", by: unit.id, to: tree.grassroots[1].id, for: "x", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.member_of_unit", tables: Self.tables) {
                _ = try await Self.grant("giay_khen", by: tree.district.id, to: tree.grassroots[1].id, member: tree.members[0].id, for: "x", using: fixture.admin)
            }
            try await fixture.expectRefusedUnchanged(.notFound, rule: "award.form_exists", tables: Self.tables) {
                _ = try await Self.grant("huan_chuong", by: tree.district.id, to: unit.id, for: "x", using: fixture.admin)
            }

            // Revoked with a reason, the achievement may be rewarded again.
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "field.required", tables: Self.tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with { $0.id = award.id })
            }
            let revoked = try await fixture.admin.unary(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with {
                $0.id = award.id; $0.reason = "hồ sơ không trung thực"
            })
            #expect(!revoked.revokedOn.isEmpty && revoked.revokeReason == "hồ sơ không trung thực")
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.revoked", tables: Self.tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with { $0.id = award.id; $0.reason = "again" })
            }
            _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, for: "năm học 2021-2022", using: fixture.admin)
            _ = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, member: tree.members[0].id, for: "năm học 2021-2022", using: fixture.admin)

            let summary = try await fixture.admin.unary(Methods.Core.Reports.awardSummary, AwardSummaryRequest.with {
                $0.unitID = tree.district.id
            })
            #expect(summary.collectiveAwards == 1 && summary.individualAwards == 1)
            #expect(summary.counts.map { "\($0.formCode)/\($0.issuingKind)/\($0.recipients)" } == [
                "bang_khen_tinh/provincialFederation/collective", "giay_khen/districtFederation/individual",
            ])
        }
    }

    /// Achievements are compared in a normal form (NFC, case, white space, punctuation), not as
    /// exact text: a second spelling of a rewarded achievement earns no second award.
    @Test func oneAchievementEarnsOneAwardHoweverItIsSpelt() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let unit = tree.grassroots[0]
            let member = tree.members[0].id
            let first = try await Self.grant(
                "giay_khen", by: tree.district.id, to: unit.id, member: member, for: "Hoàn thành xuất sắc nhiệm vụ năm 2025", on: "2025-12-20", using: fixture.admin
            )
            #expect(first.achievement == "Hoàn thành xuất sắc nhiệm vụ năm 2025")
            let spellings = [
                "hoàn thành xuất sắc nhiệm vụ  năm 2025",  // case and a double space
                "Hoàn thành xuất sắc nhiệm vụ năm 2025.",  // a trailing full stop
                " HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2025 ",
                "Hoàn thành xuất sắc nhiệm vụ năm 2025".decomposedStringWithCanonicalMapping,  // NFD
                "Hoàn thành xuất sắc nhiệm vụ – năm 2025!",
            ]
            for spelling in spellings {
                try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.one_per_achievement", tables: Self.tables) {
                    _ = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, member: member, for: spelling, on: "2025-12-21", using: fixture.admin)
                }
                try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.one_per_achievement", tables: Self.tables) {
                    _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, member: member, for: spelling, on: "2026-01-10", using: fixture.admin)
                }
            }
            // Another achievement, or the same one of another person, is rewarded; accents still tell words apart.
            _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, member: member, for: "Hoàn thành xuất sắc nhiệm vụ năm 2024", on: "2025-01-10", using: fixture.admin)
            _ = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, for: "hoàn thành xuất sắc nhiệm vụ năm 2025.", on: "2025-12-20", using: fixture.admin)
            _ = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, member: member, for: "Hoan thanh xuat sac nhiem vu nam 2025", on: "2025-12-20", using: fixture.admin)
            // Once revoked, the achievement may be rewarded again, in any spelling.
            _ = try await fixture.admin.unary(Methods.Core.Awards.revokeAward, RevokeAwardRequest.with {
                $0.id = first.id; $0.reason = "nhầm hình thức"
            })
            _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, member: member, for: "hoàn thành xuất sắc nhiệm vụ năm 2025.", on: "2026-01-10", using: fixture.admin)
        }
    }

    /// Awards stored before achievements had a key (migration core/0005) get it when the core
    /// starts, so the normal-form comparison holds for them too.
    @Test func awardsStoredBeforeTheKeyGetItAtStartUp() async throws {
        try await CoreFixture.with { fixture in
            let tree = try await CampaignTree.make(fixture)
            let unit = tree.grassroots[0]
            _ = try await Self.grant("giay_khen", by: tree.district.id, to: unit.id, for: "Hoàn thành xuất sắc nhiệm vụ năm 2025", using: fixture.admin)
            let directory = fixture.server.dataDirectory.path
            let queue = try DatabaseQueue(path: directory + "/thidua.sqlite")
            try await queue.write { try $0.execute(sql: "UPDATE core_award SET achievement_key = NULL") }
            // A second core over the same database, as on the next start of the server.
            var schema = Schema()
            try schema.add(owner: "core", Core.migrations)
            let storage = try Storage(directory: directory, durability: .normal, schema: schema, logger: Logger(label: "test"))
            _ = try Core(storage: storage, moduleIDs: [], modulePermissions: [], logger: Logger(label: "test"), clock: Date.init)
            let key = try await queue.read { try String.fetchOne($0, sql: "SELECT achievement_key FROM core_award") }
            #expect(key == "hoàn thành xuất sắc nhiệm vụ năm 2025")
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.one_per_achievement", tables: Self.tables) {
                _ = try await Self.grant("bang_khen_tinh", by: tree.province.id, to: unit.id, for: "hoàn thành xuất sắc nhiệm vụ năm 2025.", using: fixture.admin)
            }
        }
    }

    @Test func capsFollowTheRegulationInForceOnTheDecisionDate() async throws {
        let evidence = RecordedEvidence()
        try await CoreFixture.with(modules: [EvidenceModule(evidence: evidence)]) { fixture in
            let tree = try await CampaignTree.make(fixture)
            let school = tree.grassroots[1]
            var staff: [Member] = [tree.members[1]]
            for index in 0..<6 { staff.append(try await fixture.addMember("Giáo viên \(index)", to: school.id)) }
            // Everyone meets the conditions of Chiến sĩ thi đua cơ sở: the caps alone refuse.
            evidence.add(staff.map(\.id))
            for (index, member) in staff.enumerated() {
                for year in ["2023", "2024"] + (index < 2 ? ["2025"] : []) {
                    _ = try await Self.grant("lao_dong_tien_tien", by: school.id, to: school.id, member: member.id, for: "\(year) #\(index)", on: "\(year)-12-20", using: fixture.admin)
                }
            }
            // 15% of 7 is 1 under the 2022 law, in force from 2024; before it, no cap.
            _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: school.id, member: staff[0].id, for: "CSTĐ 2024", using: fixture.admin)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.cap", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: school.id, member: staff[1].id, for: "CSTĐ 2024", using: fixture.admin)
            }
            for member in staff.prefix(2) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: school.id, member: member.id, for: "CSTĐ 2023", on: "2023-12-20", using: fixture.admin)
            }

            // A later regulation, set by a root key, applies from its date; other keys cannot set caps.
            let (districtKey, _) = try await fixture.connect(scopedTo: tree.district.id, permissions: ["*"])
            let cap = AwardCap.with {
                $0.regulation = "Quy định thử nghiệm 2025"; $0.effectiveFrom = "2025-07-01"; $0.formCode = "chien_si_thi_dua_co_so"; $0.maxCount = 1
            }
            try await fixture.expectRefusedUnchanged(.permissionDenied, rule: "scope.root", tables: Self.tables) {
                _ = try await districtKey.unary(Methods.Core.Awards.setAwardCap, cap)
            }
            try await fixture.expectRefusedUnchanged(.invalidArgument, rule: "award.cap_basis", tables: Self.tables) {
                _ = try await fixture.admin.unary(Methods.Core.Awards.setAwardCap, AwardCap.with {
                    $0 = cap; $0.basisFormCode = "lao_dong_tien_tien"
                })
            }
            _ = try await fixture.admin.unary(Methods.Core.Awards.setAwardCap, cap)
            _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: school.id, member: staff[0].id, for: "CSTĐ 2025", on: "2025-12-20", using: fixture.admin)
            try await fixture.expectRefusedUnchanged(.failedPrecondition, rule: "award.cap", tables: Self.tables) {
                _ = try await Self.grant("chien_si_thi_dua_co_so", by: school.id, to: school.id, member: staff[1].id, for: "CSTĐ 2025", on: "2025-12-21", using: fixture.admin)
            }
            let caps = try await fixture.admin.unary(Methods.Core.Awards.listAwardCaps, ListAwardCapsRequest())
            #expect(caps.caps.map(\.effectiveFrom) == ["2024-01-01", "2025-07-01"])
            await districtKey.close()
        }
    }
}
