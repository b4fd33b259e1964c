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
        try await InnovationFixture.with { fixture in
            let first = try await fixture.file(fixture.filing(authors: [(fixture.teacherID, 70), (fixture.teamMemberID, 30)]))
            #expect(first.id.hasPrefix("in"))
            #expect(first.state == .filed)
            #expect(first.registerNumber == 1)
            #expect(first.filedOn == InnovationFixture.today)
            #expect(first.authors.map(\.fullName) == ["Hoàng Thị Minh", "Trần Thị Lan"])
            #expect(first.authors.map(\.sharePercent) == [70, 30])
            #expect(first.history.map(\.action) == ["filed"])
            #expect(!first.history[0].keyID.isEmpty)
            #expect(!first.counted)

            let second = try await fixture.file(fixture.filing("Sổ tay điện tử chủ nhiệm lớp"))
            #expect(second.registerNumber == 2)
            let elsewhere = try await fixture.file(.with {
                $0 = fixture.filing("Thư viện số")
                $0.unitID = fixture.otherSchoolID
                $0.authors[0].memberID = fixture.otherTeacherID
            })
            #expect(elsewhere.registerNumber == 1)

            #expect(try await fixture.get(first.id) == first)
            let register: ListInitiativesResponse = try await fixture.call(
                "thidua.innovation.v1.Initiatives/ListInitiatives", ListInitiativesRequest.with { $0.unitID = fixture.schoolID }
            )
            #expect(register.initiatives.map(\.id) == [first.id, second.id])
            #expect(register.initiatives.allSatisfy { $0.history.isEmpty })
            let district: ListInitiativesResponse = try await fixture.call(
                "thidua.innovation.v1.Initiatives/ListInitiatives",
                ListInitiativesRequest.with {
                    $0.unitID = fixture.districtID
                    $0.includeSubtree = true
                    $0.includeHistory = true
                }
            )
            #expect(district.initiatives.map(\.id) == [first.id, second.id, elsewhere.id])
            #expect(district.initiatives.allSatisfy { $0.history.count == 1 })
        }
    }

    @Test func theFirstToFileWinsWithinAUnit() async throws {
        try await InnovationFixture.with { fixture in
            let first = try await fixture.file(fixture.filing("Ứng dụng bảng tương tác trong dạy Toán"))
            let before = try fixture.server.snapshot()
            let error = await expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "title") {
                try await fixture.file(fixture.filing("  ỨNG DUNG bang tương-tác trong dạy toán. "))
            }
            #expect(error?.message.contains(first.id) == true)
            #expect(try fixture.server.snapshot() == before)

            // Another unit's register is its own.
            try await fixture.file(.with {
                $0 = fixture.filing("Ứng dụng bảng tương tác trong dạy Toán")
                $0.unitID = fixture.otherSchoolID
                $0.authors[0].memberID = fixture.otherTeacherID
            })

            // A withdrawn filing gives its title back.
            let _: Initiative = try await fixture.call(
                "thidua.innovation.v1.Initiatives/WithdrawInitiative",
                WithdrawInitiativeRequest.with { $0.id = first.id; $0.reason = "trùng với đề tài cấp huyện" }
            )
            let again = try await fixture.file(fixture.filing("ung dung bang tuong tac trong day toan"))
            #expect(again.registerNumber == 2)

            // Renaming onto a live title is refused too.
            let other = try await fixture.file(fixture.filing("Sổ tay điện tử"))
            await expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "title") {
                let _: Initiative = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/UpdateInitiative",
                    UpdateInitiativeRequest.with { $0.id = other.id; $0.updateMask = ["title"]; $0.title = "Ứng dụng bảng tương tác trong dạy toán" }
                )
            }
        }
    }

    @Test func badFieldsAreRefusedTogetherAndStoreNothing() async throws {
        try await InnovationFixture.with { fixture in
            let before = try fixture.server.snapshot()
            var request = fixture.filing("")
            request.kind = .unspecified
            request.authors[0].sharePercent = 90
            request.firstAppliedOn = "2022-07-01"
            let error = await expectRefusal(.invalidArgument, rule: "field.required", field: "title") {
                try await fixture.file(request)
            }
            #expect(error?.details.map(\.rule) == ["field.required", "field.enum", "innovation.author_shares", "innovation.first_applied_future"])

            let cases: [(FileInitiativeRequest, StatusCode, String, String)] = [
                (.with { $0 = fixture.filing(); $0.campaignID = "c1" }, .invalidArgument, "id.format", "campaign_id"),
                (.with { $0 = fixture.filing(); $0.campaignID = "p999" }, .notFound, "campaign.exists", "campaign_id"),
                (.with { $0 = fixture.filing(); $0.unitID = "u999" }, .notFound, "unit.exists", "unit_id"),
                (.with { $0 = fixture.filing(); $0.authors[0].memberID = "m999" }, .notFound, "member.exists", "authors[0].member_id"),
                (.with { $0 = fixture.filing(); $0.authors[0].memberID = fixture.otherTeacherID }, .failedPrecondition, "innovation.author_in_unit", "authors[0].member_id"),
                (.with { $0 = fixture.filing(); $0.application = .notApplied }, .invalidArgument, "innovation.first_applied_unexpected", "first_applied_on"),
            ]
            for (request, code, rule, field) in cases {
                await expectRefusal(code, rule: rule, field: field) { try await fixture.file(request) }
            }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func authorsMayComeFromUnitsBelowButMustStillBeMembers() async throws {
        try await InnovationFixture.with { fixture in
            try await fixture.file(fixture.filing(authors: [(fixture.teamMemberID, 100)]))
            let _: Member = try await fixture.call("thidua.core.v1.Members/UpdateMember", UpdateMemberRequest.with {
                $0.id = fixture.secondTeacherID
                $0.updateMask = ["left_on"]
                $0.leftOn = "2022-05-31"
            })
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.author_current", field: "authors[1].member_id") {
                try await fixture.file(fixture.filing("Khác", authors: [(fixture.teacherID, 50), (fixture.secondTeacherID, 50)]))
            }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func theCampaignMustBeThisModulesRunningAndCoverTheUnit() async throws {
        try await InnovationFixture.with { fixture in
            func campaign(module: String = "innovation", scope: String = "", launch: Bool = true) async throws -> String {
                let created: Campaign = try await fixture.call("thidua.core.v1.Campaigns/CreateCampaign", CreateCampaignRequest.with {
                    $0.module = module
                    $0.title = "Phong trào \(module)"
                    $0.launchingUnitID = fixture.districtID
                    $0.scopeUnitID = scope
                    $0.periodKind = .calendarYear
                    $0.year = 2022
                })
                if launch {
                    let _: Campaign = try await fixture.call("thidua.core.v1.Campaigns/LaunchCampaign", LaunchCampaignRequest.with {
                        $0.id = created.id
                        $0.decisionNumber = "1/QĐ"
                        $0.decisionDate = "2022-01-05"
                    })
                }
                return created.id
            }
            let general = try await campaign(module: "general")
            let draft = try await campaign(launch: false)
            let otherScope = try await campaign(scope: fixture.otherSchoolID)
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "campaign.module", field: "campaign_id") {
                try await fixture.file(.with { $0 = fixture.filing(); $0.campaignID = general })
            }
            await expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                try await fixture.file(.with { $0 = fixture.filing(); $0.campaignID = draft })
            }
            await expectRefusal(.failedPrecondition, rule: "campaign.scope", field: "unit_id") {
                try await fixture.file(.with { $0 = fixture.filing(); $0.campaignID = otherScope })
            }
            #expect(try fixture.server.snapshot() == before)

            let filedBeforeClosing = try await fixture.file(fixture.filing())
            for step: CampaignState in [.inProgress, .interimReviewed, .closed] {
                let _: Campaign = try await fixture.call("thidua.core.v1.Campaigns/AdvanceCampaign", AdvanceCampaignRequest.with {
                    $0.id = fixture.campaignID
                    $0.to = step
                })
            }
            await expectRefusal(.failedPrecondition, rule: "campaign.running", field: "campaign_id") {
                try await fixture.file(fixture.filing("Sau tổng kết"))
            }
            await expectRefusal(.failedPrecondition, rule: "campaign.running", field: "id") {
                _ = try await fixture.submit(filedBeforeClosing.id)
            }
        }
    }

    @Test func aDissolvedUnitsRegisterIsClosed() async throws {
        try await InnovationFixture.with { fixture in
            let _: ThiduaCoreAPI.Unit = try await fixture.call("thidua.core.v1.Units/DissolveUnit", DissolveUnitRequest.with {
                $0.id = fixture.otherSchoolID
                $0.effectiveOn = "2022-06-01"
                $0.reason = "sáp nhập trường"
                $0.transferMembersTo = fixture.schoolID
            })
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.unit_live", field: "unit_id") {
                try await fixture.file(.with { $0 = fixture.filing(); $0.unitID = fixture.otherSchoolID })
            }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func aKeySeesAndFilesOnlyInsideItsSubtree() async throws {
        try await InnovationFixture.with { fixture in
            let initiative = try await fixture.file(fixture.filing())
            let other = try await fixture.connect(scopedTo: fixture.otherSchoolID, permissions: ["innovation.read", "innovation.file"])
            let reader = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["innovation.read"])
            let before = try fixture.server.snapshot()
            await expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                try await fixture.file(fixture.filing("Khác"), using: other)
            }
            await expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await fixture.get(initiative.id, using: other)
            }
            await expectRefusal(.permissionDenied, rule: "scope.subtree", field: "member_id") {
                let _: ListInitiativesResponse = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/ListAuthorInitiatives",
                    ListAuthorInitiativesRequest.with { $0.memberID = fixture.teacherID },
                    using: other
                )
            }
            await expectRefusal(.permissionDenied) {
                try await fixture.file(fixture.filing("Khác"), using: reader)
            }
            #expect(try fixture.server.snapshot() == before)
            #expect(try await fixture.get(initiative.id, using: reader) == initiative)
            await other.close()
            await reader.close()
        }
    }

    @Test func concurrentFilingsOfOneTitleLeaveExactlyOneWinner() async throws {
        try await InnovationFixture.with { fixture in
            let spellings = ["Sổ tay số", "SỔ TAY SỐ", "so tay so", "Sổ  tay số.", "sổ-tay số", "Sổ tay Số!", "SO TAY SO", "sổ tay số"]
            let outcomes = await withTaskGroup(of: String.self) { group in
                for title in spellings {
                    group.addTask {
                        do {
                            return try await fixture.file(fixture.filing(title)).id
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
            let stored = try await fixture.allInitiatives()
            #expect(stored.count == 1)
        }
    }

    @Test func anAuthorsKeyDoesNotSeeFilingsAboveItsSubtree() async throws {
        try await InnovationFixture.with { fixture in
            let own = try await fixture.file(fixture.filing())
            let above = try await fixture.file(.with {
                $0 = fixture.filing("Sáng kiến liên trường", authors: [(fixture.teacherID, 50), (fixture.otherTeacherID, 50)])
                $0.unitID = fixture.districtID
            })
            let school = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["innovation.read"])
            let seen: ListInitiativesResponse = try await fixture.call(
                "thidua.innovation.v1.Initiatives/ListAuthorInitiatives",
                ListAuthorInitiativesRequest.with { $0.memberID = fixture.teacherID },
                using: school
            )
            #expect(seen.initiatives.map(\.id) == [own.id])
            let all: ListInitiativesResponse = try await fixture.call(
                "thidua.innovation.v1.Initiatives/ListAuthorInitiatives", ListAuthorInitiativesRequest.with { $0.memberID = fixture.teacherID }
            )
            #expect(all.initiatives.map(\.id) == [above.id, own.id])
            await school.close()
        }
    }

    @Test func registersArePagedInFilingOrder() async throws {
        try await InnovationFixture.with { fixture in
            var filed: [String] = []
            for index in 1...5 {
                filed.append(try await fixture.file(fixture.filing("Sáng kiến số \(index)")).id)
            }
            var seen: [String] = []
            var token = ""
            repeat {
                let page: ListInitiativesResponse = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/ListInitiatives",
                    ListInitiativesRequest.with { $0.unitID = fixture.schoolID; $0.pageSize = 2; $0.pageToken = token }
                )
                #expect(page.initiatives.count <= 2)
                seen += page.initiatives.map(\.id)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen == filed)
            await expectRefusal(.invalidArgument, rule: "page.size.max", field: "page_size") {
                let _: ListInitiativesResponse = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/ListInitiatives", ListInitiativesRequest.with { $0.pageSize = 1001 }
                )
            }
            await expectRefusal(.invalidArgument, rule: "page.token", field: "page_token") {
                let _: ListInitiativesResponse = try await fixture.call(
                    "thidua.innovation.v1.Initiatives/ListInitiatives", ListInitiativesRequest.with { $0.pageToken = "bm9wZQ==" }
                )
            }
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyFilesOnce() async throws {
        try await InnovationFixture.with { fixture in
            let payload = try fixture.filing().serializedBytes() as Data
            let metadata = ["idempotency-key": "filing-1"]
            let first = try Initiative(serializedBytes: try await fixture.admin.unary(
                "thidua.innovation.v1.Initiatives/FileInitiative", payload: payload, metadata: metadata
            ))
            let retry = try Initiative(serializedBytes: try await fixture.admin.unary(
                "thidua.innovation.v1.Initiatives/FileInitiative", payload: payload, metadata: metadata
            ))
            #expect(first == retry)
            #expect(try await fixture.allInitiatives().count == 1)
            #expect(try await fixture.auditRecords().filter { $0.method == "thidua.innovation.v1.Initiatives/FileInitiative" }.count == 1)
        }
    }
}
