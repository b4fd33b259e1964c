import Foundation
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaHost
import ThiduaModuleKit
import ThiduaTesting
import ThiduaWire

@Suite struct UnitsTests {
    /// The root's start date is a setting (`--root-founded-on`, `rootFoundedOn`), by default the
    /// founding day of the trade unions: never the day of the first start, which would make the
    /// root younger than the units recorded under it.
    @Test func theRootIsValidFromTheFoundingDateNotFromTheFirstStart() async throws {
        let firstStart: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_796_256_000) }  // 2026-12-03
        for (configured, expected) in [(nil, "1929-07-28"), (CalendarDate(year: 1990, month: 1, day: 1), "1990-01-01")] {
            let server = try await TestServer.start(clock: firstStart) { configuration in
                if let configured { configuration.rootFoundedOn = configured }
            }
            let admin = try await server.connectAsAdmin()
            let me = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
            let root = try await admin.unary(Methods.Core.Units.getUnit, GetUnitRequest.with { $0.id = me.unitID })
            #expect(root.parentID.isEmpty && root.validFrom == expected)
            let child = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
                $0.parentID = root.id; $0.name = "Liên đoàn Lao động tỉnh Thanh Hóa"; $0.kind = .provincialFederation; $0.validFrom = "1990-01-01"
            })
            #expect(root.validFrom <= child.validFrom)
            await admin.close()
            try await server.stop()
        }
    }

    @Test func listsASubtreeInTreeOrderAcrossPages() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let province = try await fixture.createUnit("LĐLĐ tỉnh Thanh Hóa", under: root, kind: .provincialFederation)
            let district = try await fixture.createUnit("LĐLĐ huyện Triệu Sơn", under: province.id, kind: .districtFederation)
            var created: [String] = []
            for index in 0..<7 {
                created.append(try await fixture.createUnit("Trường \(index)", under: district.id, sector: .school).id)
            }
            var seen: [Unit] = []
            var token = ""
            repeat {
                let page = try await fixture.admin.unary(
                    Methods.Core.Units.listUnits,
                    ListUnitsRequest.with { $0.rootID = province.id; $0.page.pageSize = 3; $0.page.pageToken = token }
                )
                #expect(page.units.count <= 3)
                seen += page.units
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(seen.map(\.id) == [province.id, district.id] + created.sorted { "\($0)/" < "\($1)/" })
            #expect(seen.map(\.depth) == [1, 2] + Array(repeating: 3, count: 7))
        }
    }

    @Test func badInputIsRefusedPreciselyAndStoresNothing() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let before = try fixture.count("core_unit")
            let cases: [(CreateUnitRequest, String, String)] = [
                (.with { $0.parentID = root; $0.kind = .grassrootsUnion }, "name", "field.required"),
                (.with { $0.parentID = root; $0.name = "X" }, "kind", "field.enum"),
                (.with { $0.parentID = root; $0.name = "X"; $0.kind = .grassrootsUnion; $0.validFrom = "2024-02-30" }, "valid_from", "date.format"),
                (.with { $0.parentID = "m3"; $0.name = "X"; $0.kind = .grassrootsUnion }, "parent_id", "id.format"),
                (.with { $0.parentID = root; $0.name = "X"; $0.kind = .confederation }, "kind", "unit.root_kind"),
            ]
            for (request, field, rule) in cases {
                let error = await expectRefusal(.invalidArgument, rule: rule) {
                    _ = try await fixture.admin.unary(Methods.Core.Units.createUnit, request)
                }
                #expect(error?.details.first?.field == field)
            }
            await expectRefusal(.notFound, rule: "unit.exists") {
                try await fixture.createUnit("X", under: "u424242")
            }
            try await fixture.createUnit("CĐCS A", under: root, code: "A-1")
            await expectRefusal(.alreadyExists, rule: "unit.code_unique") {
                try await fixture.createUnit("CĐCS B", under: root, code: "A-1")
            }
            #expect(try fixture.count("core_unit") == before + 1)
        }
    }

    @Test func moveCarriesTheSubtreeAndRefusesACycle() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let district = try await fixture.createUnit("LĐLĐ huyện", under: root, kind: .districtFederation)
            let school = try await fixture.createUnit("Trường", under: district.id)
            let club = try await fixture.createUnit("Tổ", under: school.id)
            let commune = try await fixture.createUnit("Công đoàn xã", under: root, kind: .communeUnion)

            await expectRefusal(.failedPrecondition, rule: "unit.move_cycle") {
                _ = try await fixture.admin.unary(Methods.Core.Units.moveUnit, MoveUnitRequest.with {
                    $0.id = district.id; $0.newParentID = club.id
                })
            }
            let moved = try await fixture.admin.unary(Methods.Core.Units.moveUnit, MoveUnitRequest.with {
                $0.id = school.id; $0.newParentID = commune.id; $0.effectiveOn = "2025-07-01"; $0.decision = "QĐ 123"
            })
            #expect(moved.parentID == commune.id)
            let under = try await ScopeTests.subtree(of: commune.id, using: fixture)
            #expect(under == [commune.id, school.id, club.id])
            let clubNow = try await fixture.admin.unary(Methods.Core.Units.getUnit, GetUnitRequest.with { $0.id = club.id })
            #expect(clubNow.depth == 3)
        }
    }

    @Test func dissolvingMovesMembersAndKeepsTheirHistory() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let school = try await fixture.createUnit("Trường công lập", under: root, sector: .school)
            let child = try await fixture.createUnit("Tổ", under: school.id)
            let commune = try await fixture.createUnit("Công đoàn xã", under: root, kind: .communeUnion)
            let teacher = try await fixture.addMember("Lê Thị Hoa", to: school.id)

            await expectRefusal(.failedPrecondition, rule: "unit.no_live_children") {
                _ = try await fixture.admin.unary(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                    $0.id = school.id; $0.reason = "fully state-funded"
                })
            }
            _ = try await fixture.admin.unary(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = child.id; $0.reason = "merged into the school"; $0.effectiveOn = "2025-06-30"
            })
            let dissolved = try await fixture.admin.unary(Methods.Core.Units.dissolveUnit, DissolveUnitRequest.with {
                $0.id = school.id; $0.reason = "fully state-funded since 1 July 2025"; $0.effectiveOn = "2025-07-01"
                $0.transferMembersTo = commune.id
            })
            #expect(dissolved.validTo == "2025-07-01")
            let moved = try await fixture.admin.unary(Methods.Core.Members.getMember, GetMemberRequest.with { $0.id = teacher.id })
            #expect(moved.unitID == commune.id)
            let history = try await fixture.admin.unary(
                Methods.Core.Members.getMemberHistory, GetMemberHistoryRequest.with { $0.id = teacher.id }
            )
            #expect(history.periods.map(\.unitID) == [school.id, commune.id])
            #expect(history.periods.first?.to == "2025-07-01")
            await expectRefusal(.failedPrecondition, rule: "unit.live") {
                try await fixture.createUnit("Under a dissolved unit", under: school.id)
            }
            let events = try await fixture.admin.unary(
                Methods.Core.Units.listUnitEvents, ListUnitEventsRequest.with { $0.rootID = root }
            )
            let dissolution = try #require(events.events.first { $0.kind == "dissolved" && $0.unitID == school.id })
            #expect(dissolution.membersMoved == 1)
            #expect(dissolution.toUnitID == commune.id)
        }
    }

    @Test func mergeMovesEveryMemberIntoTheTarget() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let first = try await fixture.createUnit("CĐCS 1", under: root)
            let second = try await fixture.createUnit("CĐCS 2", under: root)
            let target = try await fixture.createUnit("CĐCS mới", under: root)
            for name in ["A", "B"] { try await fixture.addMember(name, to: first.id) }
            try await fixture.addMember("C", to: second.id)
            _ = try await fixture.admin.unary(Methods.Core.Units.mergeUnits, MergeUnitsRequest.with {
                $0.sourceIds = [first.id, second.id]; $0.targetID = target.id; $0.effectiveOn = "2025-07-01"
            })
            let members = try await fixture.admin.unary(
                Methods.Core.Members.listMembers, ListMembersRequest.with { $0.unitID = target.id }
            )
            #expect(members.members.map(\.fullName).sorted() == ["A", "B", "C"])
            let live = try await fixture.admin.unary(Methods.Core.Units.listUnits, ListUnitsRequest())
            #expect(!live.units.contains { $0.id == first.id || $0.id == second.id })
        }
    }
}

/// A unit sits under a unit of a higher level, whichever way it gets there.
@Suite struct UnitHierarchyTests {
    @Test func aUnitSitsUnderAHigherLevelWhenCreatedMovedOrImported() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let province = try await fixture.createUnit("LĐLĐ tỉnh Thanh Hóa", under: root, kind: .provincialFederation)
            let district = try await fixture.createUnit("LĐLĐ huyện Triệu Sơn", under: province.id, kind: .districtFederation, code: "D1")
            let school = try await fixture.createUnit("CĐCS Trường THCS Dân Lực", under: district.id, code: "S1")
            // Union teams under a grassroots union, and a district's education union, are allowed.
            _ = try await fixture.createUnit("Tổ công đoàn Toán", under: school.id)
            _ = try await fixture.createUnit("Công đoàn ngành Giáo dục huyện", under: district.id, kind: .sectorUnion)

            let elsewhere = try await fixture.createUnit("CĐCS Sở Giáo dục", under: province.id)

            let units = try fixture.count("core_unit")
            let created = await expectRefusal(.failedPrecondition, rule: "unit.parent_kind") {
                try await fixture.createUnit("LĐLĐ huyện lạc chỗ", under: school.id, kind: .districtFederation)
            }
            #expect(created?.details.first?.field == "parent_id")
            await expectRefusal(.failedPrecondition, rule: "unit.parent_kind") {
                try await fixture.createUnit("LĐLĐ tỉnh lạc chỗ", under: district.id, kind: .provincialFederation)
            }
            let moved = await expectRefusal(.failedPrecondition, rule: "unit.parent_kind") {
                _ = try await fixture.admin.unary(Methods.Core.Units.moveUnit, MoveUnitRequest.with {
                    $0.id = district.id
                    $0.newParentID = elsewhere.id
                })
            }
            #expect(moved?.details.first?.field == "new_parent_id")

            let csv = "code,parent_code,name,kind,sector\nX1,S1,Công đoàn xã dưới trường,commune_union,\n"
            let imported = await expectRefusal(.invalidArgument) {
                for try await _ in try fixture.admin.serverStreaming(
                    Methods.Core.Import.importUnits, ImportCsvRequest.with { $0.csv = Data(csv.utf8) }
                ) {}
            }
            #expect(imported?.details.first?.rule == "unit.parent_kind")
            #expect(try fixture.count("core_unit") == units)
        }
    }
}
