import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Innovation

/// Filing into a unit's register over the wire, with every rule and its refusal.
@Suite struct FilingTests {
    @Test func aFilingEntersTheUnitsRegisterNumberedInOrder() async throws {
        try await InnovationFixture.with { f, org in
            let first = try await f.file(org.filing(authors: [(org.teacherID, 70), (org.teamMemberID, 30)]))
            #expect(first.id.hasPrefix("in"))
            #expect(first.state == .filed)
            #expect(first.registerNumber == 1)
            #expect(first.filedOn == InnovationFixture.today)
            #expect(first.authors.map(\.fullName) == ["Hoàng Thị Minh", "Trần Thị Lan"])
            #expect(first.authors.map(\.sharePercent) == [70, 30])
            #expect(first.history.map(\.action) == ["filed"])
            #expect(!first.history[0].keyID.isEmpty)
            #expect(!first.counted)

            let second = try await f.file(org.filing("Sổ tay điện tử chủ nhiệm lớp"))
            #expect(second.registerNumber == 2)
            let elsewhere = try await f.file(.with {
                $0 = org.filing("Thư viện số")
                $0.unitID = org.otherSchoolID
                $0.authors[0].memberID = org.otherTeacherID
            })
            #expect(elsewhere.registerNumber == 1)

            #expect(try await f.initiative(first.id) == first)
            let register = try await f.call(
                Methods.Innovation.Initiatives.listInitiatives, .with { $0.unitID = org.schoolID }
            )
            #expect(register.initiatives.map(\.id) == [first.id, second.id])
            #expect(register.initiatives.allSatisfy { $0.history.isEmpty })
            let district = try await f.call(
                Methods.Innovation.Initiatives.listInitiatives,
                .with {
                    $0.unitID = org.districtID
                    $0.includeSubtree = true
                    $0.includeHistory = true
                }
            )
            #expect(district.initiatives.map(\.id) == [first.id, second.id, elsewhere.id])
            #expect(district.initiatives.allSatisfy { $0.history.count == 1 })
        }
    }

    @Test func theFirstToFileWinsWithinAUnit() async throws {
        try await InnovationFixture.with { f, org in
            let first = try await f.file(org.filing("Ứng dụng bảng tương tác trong dạy Toán"))
            var refusal: RPCError?
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "title") {
                do { try await f.file(org.filing("  ỨNG DUNG bang tương-tác trong dạy toán. ")) } catch { refusal = error as? RPCError; throw error }
            }
            // The refusal names the earlier filing.
            #expect(refusal?.message.contains(first.id) == true)

            // Another unit's register is its own.
            try await f.file(.with {
                $0 = org.filing("Ứng dụng bảng tương tác trong dạy Toán")
                $0.unitID = org.otherSchoolID
                $0.authors[0].memberID = org.otherTeacherID
            })

            // A withdrawn filing gives its title back.
            _ = try await f.call(
                Methods.Innovation.Initiatives.withdrawInitiative,
                .with { $0.id = first.id; $0.reason = "trùng với đề tài cấp huyện" }
            )
            let again = try await f.file(org.filing("ung dung bang tuong tac trong day toan"))
            #expect(again.registerNumber == 2)

            // Renaming onto a live title is refused too.
            let other = try await f.file(org.filing("Sổ tay điện tử"))
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "title") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.updateInitiative,
                    .with { $0.id = other.id; $0.updateMask = ["title"]; $0.title = "Ứng dụng bảng tương tác trong dạy toán" }
                )
            }
        }
    }

    @Test func badFieldsAreRefusedTogetherAndStoreNothing() async throws {
        try await InnovationFixture.with { f, org in
            var request = org.filing("")
            request.kind = .unspecified
            request.authors[0].sharePercent = 90
            request.firstAppliedOn = "2022-07-01"
            var refusal: RPCError?
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "title") {
                do { try await f.file(request) } catch { refusal = error as? RPCError; throw error }
            }
            #expect(refusal?.details.map(\.rule) == ["field.required", "field.enum", "innovation.author_shares", "innovation.first_applied_future"])

            let cases: [(FileInitiativeRequest, StatusCode, String, String)] = [
                (.with { $0 = org.filing(); $0.campaignID = "c1" }, .invalidArgument, "id.format", "campaign_id"),
                (.with { $0 = org.filing(); $0.campaignID = "p999" }, .notFound, "campaign.exists", "campaign_id"),
                (.with { $0 = org.filing(); $0.unitID = "u999" }, .notFound, "unit.exists", "unit_id"),
                (.with { $0 = org.filing(); $0.authors[0].memberID = "m999" }, .notFound, "member.exists", "authors[0].member_id"),
                (.with { $0 = org.filing(); $0.authors[0].memberID = org.otherTeacherID }, .failedPrecondition, "innovation.author_in_unit", "authors[0].member_id"),
                (.with { $0 = org.filing(); $0.application = .notApplied }, .invalidArgument, "innovation.first_applied_unexpected", "first_applied_on"),
            ]
            for (request, code, rule, field) in cases {
                try await f.expectRefusal(code, rule: rule, field: field) { try await f.file(request) }
            }
        }
    }

    @Test func authorsMayComeFromUnitsBelowButMustStillBeMembers() async throws {
        try await InnovationFixture.with { f, org in
            try await f.file(org.filing(authors: [(org.teamMemberID, 100)]))
            _ = try await f.call(Methods.Core.Members.updateMember, .with {
                $0.id = org.secondTeacherID
                $0.updateMask = ["left_on"]
                $0.leftOn = "2022-05-31"
            })
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.author_current", field: "authors[1].member_id") {
                try await f.file(org.filing("Khác", authors: [(org.teacherID, 50), (org.secondTeacherID, 50)]))
            }
        }
    }

    @Test func theCampaignMustBeThisModulesRunningAndCoverTheUnit() async throws {
        try await InnovationFixture.with { f, org in
            let general = try await f.campaign(module: "general", launchedBy: org.districtID, year: 2022)
            let draft = try await f.campaign(module: "innovation", launchedBy: org.districtID, year: 2022, launched: false)
            let otherScope = try await f.campaign(module: "innovation", launchedBy: org.districtID, scope: org.otherSchoolID, year: 2022)
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                try await f.file(.with { $0 = org.filing(); $0.campaignID = general })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                try await f.file(.with { $0 = org.filing(); $0.campaignID = draft })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "unit_id") {
                try await f.file(.with { $0 = org.filing(); $0.campaignID = otherScope })
            }

            let filedBeforeClosing = try await f.file(org.filing())
            for step: CampaignState in [.inProgress, .interimReviewed, .closed] {
                _ = try await f.call(Methods.Core.Campaigns.advanceCampaign, .with {
                    $0.id = org.campaignID
                    $0.to = step
                })
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                try await f.file(org.filing("Sau tổng kết"))
            }
            try await f.expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") {
                _ = try await f.submit(filedBeforeClosing.id)
            }
        }
    }

    @Test func aDissolvedUnitsRegisterIsClosed() async throws {
        try await InnovationFixture.with { f, org in
            _ = try await f.call(Methods.Core.Units.dissolveUnit, .with {
                $0.id = org.otherSchoolID
                $0.effectiveOn = "2022-06-01"
                $0.reason = "sáp nhập trường"
                $0.transferMembersTo = org.schoolID
            })
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.unit_live", field: "unit_id") {
                try await f.file(.with { $0 = org.filing(); $0.unitID = org.otherSchoolID })
            }
        }
    }

    @Test func aKeySeesAndFilesOnlyInsideItsSubtree() async throws {
        try await InnovationFixture.with { f, org in
            let initiative = try await f.file(org.filing())
            let other = try await f.client(scopedTo: org.otherSchoolID, permissions: ["innovation.read", "innovation.file"])
            let reader = try await f.client(scopedTo: org.schoolID, permissions: ["innovation.read"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                try await f.file(org.filing("Khác"), as: other)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.initiative(initiative.id, as: other)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "member_id") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.listAuthorInitiatives,
                    .with { $0.memberID = org.teacherID },
                    as: other
                )
            }
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await f.file(org.filing("Khác"), as: reader)
            }
            #expect(try await f.initiative(initiative.id, as: reader) == initiative)
        }
    }

    @Test func concurrentFilingsOfOneTitleLeaveExactlyOneWinner() async throws {
        try await InnovationFixture.with { f, org in
            let spellings = ["Sổ tay số", "SỔ TAY SỐ", "so tay so", "Sổ  tay số.", "sổ-tay số", "Sổ tay Số!", "SO TAY SO", "sổ tay số"]
            let outcomes = await withTaskGroup(of: String.self) { group in
                for title in spellings {
                    group.addTask {
                        do {
                            return try await f.file(org.filing(title)).id
                        } catch let error as RPCError {
                            return error.details.first?.rule ?? "\(error)"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0.hasPrefix("in") && Int($0.dropFirst(2)) != nil }.count == 1)
            #expect(outcomes.filter { $0 == "innovation.novel_in_unit" }.count == spellings.count - 1)
            let stored = try await f.allInitiatives()
            #expect(stored.count == 1)
        }
    }

    @Test func anAuthorsKeyDoesNotSeeFilingsAboveItsSubtree() async throws {
        try await InnovationFixture.with { f, org in
            let own = try await f.file(org.filing())
            let above = try await f.file(.with {
                $0 = org.filing("Sáng kiến liên trường", authors: [(org.teacherID, 50), (org.otherTeacherID, 50)])
                $0.unitID = org.districtID
            })
            let school = try await f.client(scopedTo: org.schoolID, permissions: ["innovation.read"])
            let seen = try await f.call(
                Methods.Innovation.Initiatives.listAuthorInitiatives,
                .with { $0.memberID = org.teacherID },
                as: school
            )
            #expect(seen.initiatives.map(\.id) == [own.id])
            let all = try await f.call(
                Methods.Innovation.Initiatives.listAuthorInitiatives, .with { $0.memberID = org.teacherID }
            )
            #expect(all.initiatives.map(\.id) == [above.id, own.id])
        }
    }

    @Test func registersArePagedInFilingOrder() async throws {
        try await InnovationFixture.with { f, org in
            var filed: [String] = []
            for index in 1...5 {
                filed.append(try await f.file(org.filing("Sáng kiến số \(index)")).id)
            }
            var seen: [String] = []
            var token = ""
            repeat {
                let page = try await f.call(
                    Methods.Innovation.Initiatives.listInitiatives,
                    .with { $0.unitID = org.schoolID; $0.pageSize = 2; $0.pageToken = token }
                )
                #expect(page.initiatives.count <= 2)
                seen += page.initiatives.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == filed)
            try await f.expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.listInitiatives, .with { $0.pageSize = 1001 }
                )
            }
            try await f.expectRefusal(.invalidArgument, rule: "page.token", field: "page_token") {
                _ = try await f.call(
                    Methods.Innovation.Initiatives.listInitiatives, .with { $0.pageToken = "bm9wZQ==" }
                )
            }
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyFilesOnce() async throws {
        try await InnovationFixture.with { f, org in
            let metadata = ["idempotency-key": "filing-1"]
            let first = try await f.admin.unary(Methods.Innovation.Initiatives.fileInitiative, org.filing(), metadata: metadata)
            let retry = try await f.admin.unary(Methods.Innovation.Initiatives.fileInitiative, org.filing(), metadata: metadata)
            #expect(first == retry)
            #expect(try await f.allInitiatives().count == 1)
            #expect(try await f.auditRecords().filter { $0.method == Methods.Innovation.Initiatives.fileInitiative.path }.count == 1)
        }
    }
}
