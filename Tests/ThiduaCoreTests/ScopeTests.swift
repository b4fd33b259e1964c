import Foundation
import SwiftProtobuf
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaWire

/// A small deterministic generator, so a failing seed can be replayed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        self.state = self.state &* 6364136223846793005 &+ 1442695040888963407
        return self.state
    }
}

/// Every core method, called on a given target. Each returns normally or throws the call's error.
struct ScopeProbe: Sendable {
    let method: String
    let call: @Sendable (ThiduaClient, _ unitID: String, _ memberID: String) async throws -> Void
}

private func probe<Request, Response>(
    _ method: UnaryMethod<Request, Response>,
    _ request: @escaping @Sendable (String, String) -> Request
) -> ScopeProbe {
    ScopeProbe(method: method.path) { client, unit, member in
        _ = try await client.unary(method, request(unit, member))
    }
}

let everyUnitTargetedCall: [ScopeProbe] = [
    probe(Methods.Core.Units.getUnit) { unit, _ in GetUnitRequest.with { $0.id = unit } },
    probe(Methods.Core.Units.listUnits) { unit, _ in ListUnitsRequest.with { $0.rootID = unit } },
    probe(Methods.Core.Units.createUnit) { unit, _ in
        CreateUnitRequest.with { $0.parentID = unit; $0.name = "child"; $0.kind = .grassrootsUnion }
    },
    probe(Methods.Core.Units.updateUnit) { unit, _ in UpdateUnitRequest.with { $0.id = unit; $0.name = "renamed"; $0.updateMask = ["name"] } },
    probe(Methods.Core.Units.moveUnit) { unit, _ in MoveUnitRequest.with { $0.id = unit; $0.newParentID = unit } },
    probe(Methods.Core.Units.dissolveUnit) { unit, _ in DissolveUnitRequest.with { $0.id = unit; $0.reason = "probe" } },
    probe(Methods.Core.Units.mergeUnits) { unit, _ in MergeUnitsRequest.with { $0.sourceIds = ["u999999"]; $0.targetID = unit } },
    probe(Methods.Core.Units.listUnitEvents) { unit, _ in ListUnitEventsRequest.with { $0.rootID = unit } },
    probe(Methods.Core.Units.createCluster) { unit, _ in
        CreateClusterRequest.with { $0.name = "cụm"; $0.year = 2024; $0.headUnitID = unit; $0.unitIds = [unit] }
    },
    probe(Methods.Core.Members.addMember) { unit, _ in
        AddMemberRequest.with { $0.unitID = unit; $0.fullName = "Nguyễn Thị A"; $0.gender = .female }
    },
    probe(Methods.Core.Members.getMember) { _, member in GetMemberRequest.with { $0.id = member } },
    probe(Methods.Core.Members.listMembers) { unit, _ in ListMembersRequest.with { $0.unitID = unit } },
    probe(Methods.Core.Members.updateMember) { _, member in UpdateMemberRequest.with { $0.id = member; $0.role = "probe"; $0.updateMask = ["role"] } },
    probe(Methods.Core.Members.transferMember) { unit, member in TransferMemberRequest.with { $0.id = member; $0.toUnitID = unit } },
    probe(Methods.Core.Members.getMemberHistory) { _, member in GetMemberHistoryRequest.with { $0.id = member } },
    probe(Methods.Core.Keys.mintKey) { unit, _ in
        MintKeyRequest.with { $0.label = "probe"; $0.unitID = unit; $0.permissions = ["units.read"] }
    },
    probe(Methods.Core.Audit.listAuditRecords) { unit, _ in ListAuditRecordsRequest.with { $0.unitID = unit } },
    probe(Methods.Core.Reports.organisationSummary) { unit, _ in OrganisationSummaryRequest.with { $0.unitID = unit } },
]

@Suite(.serialized) struct ScopeTests {
    @Test(arguments: [UInt64(1), 2, 3])
    func noMethodReachesOutsideTheKeysSubtree(seed: UInt64) async throws {
        var random = SeededGenerator(state: seed)
        try await CoreFixture.with { fixture in
            // A random tree of three levels, with a member in every unit.
            let root = try await fixture.rootID
            var units: [Unit] = []
            var members: [String: String] = [:]
            for p in 0..<3 {
                let province = try await fixture.createUnit("Tỉnh \(seed)-\(p)", under: root, kind: .provincialFederation)
                units.append(province)
                for c in 0..<Int.random(in: 1...3, using: &random) {
                    let commune = try await fixture.createUnit("Xã \(p)-\(c)", under: province.id, kind: .communeUnion)
                    units.append(commune)
                    for g in 0..<Int.random(in: 1...2, using: &random) {
                        units.append(try await fixture.createUnit("CĐCS \(p)-\(c)-\(g)", under: commune.id, sector: .school))
                    }
                }
            }
            for unit in units { members[unit.id] = try await fixture.addMember("Người \(unit.id)", to: unit.id).id }

            // A key holding every permission, on a random province or commune.
            let candidates = units.filter { $0.kind != .grassrootsUnion }
            let scope = candidates.randomElement(using: &random)!
            let (client, _) = try await fixture.connect(scopedTo: scope.id, permissions: ["*"])
            let inside = try await Self.subtree(of: scope.id, using: fixture)
            let outside = units.filter { !inside.contains($0.id) }
            #expect(!outside.isEmpty)

            for probe in everyUnitTargetedCall {
                let target = outside.randomElement(using: &random)!
                await expectRefusal(.permissionDenied, rule: "scope.subtree") {
                    try await probe.call(client, target.id, members[target.id]!)
                }
            }
            // Listings without a root see only the subtree.
            let listed = try await client.unary(Methods.Core.Units.listUnits, ListUnitsRequest.with { $0.page.pageSize = 1000 })
            #expect(Set(listed.units.map(\.id)).isSubset(of: inside))
            let changes = try await client.unary(Methods.Core.Changes.listChanges, ListChangesRequest.with { $0.limit = 1000 })
            #expect(!changes.changes.isEmpty)
            #expect(changes.changes.allSatisfy { inside.contains($0.unitID) })
            let keys = try await client.unary(Methods.Core.Keys.listKeys, ListKeysRequest())
            #expect(keys.keys.allSatisfy { inside.contains($0.unitID) })
            let audit = try await client.unary(Methods.Core.Audit.listAuditRecords, ListAuditRecordsRequest())
            #expect(audit.records.allSatisfy { inside.contains($0.unitID) })
            await client.close()
        }
    }

    /// The ids of a unit and everything below it, as the admin sees them.
    static func subtree(of unitID: String, using fixture: CoreFixture) async throws -> Set<String> {
        let listed = try await fixture.admin.unary(
            Methods.Core.Units.listUnits,
            ListUnitsRequest.with { $0.rootID = unitID; $0.page.pageSize = 1000 }
        )
        return Set(listed.units.map(\.id))
    }
}
