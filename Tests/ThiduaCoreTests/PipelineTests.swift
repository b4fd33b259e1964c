import Foundation
import GRDB
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaWire

@Suite struct PipelineTests {
    @Test func aRetryWithTheSameIdempotencyKeyCreatesNothingNew() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let request = CreateUnitRequest.with { $0.parentID = root; $0.name = "CĐCS Nhà máy"; $0.kind = .grassrootsUnion }
            let units = try fixture.count("core_unit")
            let audits = try fixture.count("core_audit")
            let first = try await fixture.admin.unary(Methods.Core.Units.createUnit, request, metadata: ["idempotency-key": "create-42"])
            let retry = try await fixture.admin.unary(Methods.Core.Units.createUnit, request, metadata: ["idempotency-key": "create-42"])
            #expect(retry == first)
            #expect(try fixture.count("core_unit") == units + 1)
            #expect(try fixture.count("core_audit") == audits + 1)

            var different = request
            different.name = "Another"
            await expectRefusal(.failedPrecondition, rule: "idempotency.key_reused") {
                _ = try await fixture.admin.unary(Methods.Core.Units.createUnit, different, metadata: ["idempotency-key": "create-42"])
            }
            #expect(try fixture.count("core_unit") == units + 1)
        }
    }

    @Test func everyMutatingCallLeavesExactlyOneAuditRecord() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            var audits = try fixture.count("core_audit")
            func expectOneMore(_ what: String) throws {
                let now = try fixture.count("core_audit")
                #expect(now == audits + 1, "\(what) left \(now - audits) audit records")
                audits = now
            }
            let unit = try await fixture.createUnit("CĐCS", under: root)
            try expectOneMore("CreateUnit")
            let other = try await fixture.createUnit("CĐCS 2", under: root)
            try expectOneMore("CreateUnit")
            _ = try await fixture.admin.unary(Methods.Core.Units.updateUnit, UpdateUnitRequest.with {
                $0.id = unit.id; $0.name = "CĐCS Công ty May"; $0.reason = "renamed"; $0.updateMask = ["name"]
            })
            try expectOneMore("UpdateUnit")
            let member = try await fixture.addMember("Phạm Thị Lan", to: unit.id)
            try expectOneMore("AddMember")
            _ = try await fixture.admin.unary(Methods.Core.Members.transferMember, TransferMemberRequest.with {
                $0.id = member.id; $0.toUnitID = other.id
            })
            try expectOneMore("TransferMember")
            _ = try await fixture.admin.unary(Methods.Core.Units.createCluster, CreateClusterRequest.with {
                $0.name = "Cụm 1"; $0.year = 2022; $0.headUnitID = unit.id; $0.unitIds = [unit.id, other.id]
            })
            try expectOneMore("CreateCluster")
            _ = try await fixture.admin.unary(Methods.Core.Units.mergeUnits, MergeUnitsRequest.with {
                $0.sourceIds = [other.id]; $0.targetID = unit.id
            })
            try expectOneMore("MergeUnits")
            // A refused call leaves none.
            await expectRefusal(.invalidArgument) { try await fixture.createUnit("", under: root) }
            #expect(try fixture.count("core_audit") == audits)

            let records = try await fixture.admin.unary(
                Methods.Core.Audit.listAuditRecords, ListAuditRecordsRequest.with { $0.unitID = unit.id }
            )
            let rename = try #require(records.records.first { $0.method == Methods.Core.Units.updateUnit.path })
            #expect(rename.oldValueJson.contains("\"name\":\"CĐCS\""))
            #expect(rename.newValueJson.contains("CĐCS Công ty May"))
            #expect(rename.reason == "renamed")
            #expect(rename.keyID == (try await fixture.whoAmI(fixture.admin)).keyID)
        }
    }

    @Test func auditRecordsCannotBeChangedOrDeleted() async throws {
        try await CoreFixture.with { fixture in
            let path = fixture.server.dataDirectory.appendingPathComponent("thidua.sqlite").path
            let queue = try DatabaseQueue(path: path)
            #expect(throws: (any Error).self) {
                try queue.write { try $0.execute(sql: "UPDATE core_audit SET reason = 'rewritten'") }
            }
            #expect(throws: (any Error).self) {
                try queue.write { try $0.execute(sql: "DELETE FROM core_audit") }
            }
        }
    }
}

@Suite struct ChangeFeedTests {
    @Test func watchDeliversTheBacklogThenNewChangesAsTheyCommit() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let early = try await fixture.createUnit("Before watching", under: root)
            var changes = try fixture.admin.serverStreaming(
                Methods.Core.Changes.watch, WatchChangesRequest()
            ).makeAsyncIterator()
            let first = try #require(try await changes.next())
            #expect(first.entityID == early.id)
            #expect(first.operation == "created")
            #expect(try Unit(serializedBytes: first.entity) == early)

            let later = try await fixture.createUnit("While watching", under: root)
            let second = try #require(try await changes.next())
            #expect(second.entityID == later.id)
            #expect(second.cursor > first.cursor)

            let page = try await fixture.admin.unary(
                Methods.Core.Changes.listChanges, ListChangesRequest.with { $0.afterCursor = first.cursor }
            )
            #expect(page.changes.map(\.entityID) == [later.id])
            #expect(page.nextCursor == second.cursor)
        }
    }
}

@Suite struct ReportTests {
    @Test func organisationSummaryCountsUnitsMembersAndWomen() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let district = try await fixture.createUnit("LĐLĐ huyện", under: root, kind: .districtFederation)
            let school = try await fixture.createUnit("Trường", under: district.id, sector: .school)
            let firm = try await fixture.createUnit("Công ty", under: district.id, sector: .nonStateEnterprise)
            try await fixture.createUnit("Trường 2", under: district.id, sector: .school)
            try await fixture.addMember("A", to: school.id, gender: .female)
            try await fixture.addMember("B", to: school.id, gender: .female)
            try await fixture.addMember("C", to: firm.id, gender: .male)
            try await fixture.addMember("D", to: firm.id, gender: .female, unionMember: false)
            let summary = try await fixture.admin.unary(
                Methods.Core.Reports.organisationSummary, OrganisationSummaryRequest.with { $0.unitID = district.id }
            )
            #expect(summary.grassrootsUnions == 3)
            #expect(summary.grassrootsUnionsBySector.map { "\($0.sector):\($0.count)" } == ["nonStateEnterprise:1", "school:2"])
            #expect(summary.workers == 4)
            #expect(summary.womenWorkers == 3)
            #expect(summary.unionMembers == 3)
            #expect(summary.womenUnionMembers == 2)
            #expect(summary.womenMemberSharePermille == 666)
        }
    }
}
