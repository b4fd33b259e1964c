import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Headcounts and enterprise profiles, through the wire.
@Suite struct EnterprisesWireTests {
    @Test func headcountsAreRecordedByDateAndAudited() async throws {
        try await DialogueFixture.with { f in
            let first = try await f.recordHeadcount(f.electronicsID, 180, asOf: "2025-02-01")
            #expect(first.employees == 180)
            // The same date again is a correction: replaced, with the old value in the audit trail.
            _ = try await f.recordHeadcount(f.electronicsID, 184, asOf: "2025-02-01")
            _ = try await f.recordHeadcount(f.electronicsID, 140, asOf: "2024-01-01")
            let profile: EnterpriseProfile = try await f.call("Enterprises/GetEnterpriseProfile", GetEnterpriseProfileRequest.with {
                $0.unitID = f.electronicsID
            })
            #expect(profile.asOf == DialogueFixture.today)
            #expect(profile.headcount.employees == 184)
            #expect(profile.history.map(\.asOf) == ["2025-02-01", "2024-01-01"])
            #expect(profile.delegationBand.minDelegates == 9)
            #expect(profile.delegationBand.maxDelegates == 13)
            #expect(profile.sector == 6)
            let earlier: EnterpriseProfile = try await f.call("Enterprises/GetEnterpriseProfile", GetEnterpriseProfileRequest.with {
                $0.unitID = f.electronicsID
                $0.asOf = "2024-06-01"
            })
            #expect(earlier.headcount.employees == 140)
            #expect(earlier.delegationBand.maxDelegates == 8)
            let audit = try await f.audit(of: "\(f.electronicsID)@2025-02-01")
            #expect(audit.count == 2)
            #expect(audit[1].oldValueJson.contains("180"))
            #expect(audit[1].newValueJson.contains("184"))
        }
    }

    @Test func headcountsAreRefusedForWhatIsNotAnEnterpriseOrNotAFact() async throws {
        try await DialogueFixture.with { f in
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.enterprise_unit") {
                try await f.recordHeadcount(f.schoolID, 40, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.enterprise_unit") {
                try await f.recordHeadcount(f.districtID, 40, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.headcount_positive") {
                try await f.recordHeadcount(f.electronicsID, 0, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future") {
                try await f.recordHeadcount(f.electronicsID, 180, asOf: "2025-07-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format") {
                try await f.recordHeadcount(f.electronicsID, 180, asOf: "2025-02-30")
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required") {
                try await f.recordHeadcount("", 180, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.notFound, rule: "unit.exists") {
                try await f.recordHeadcount("u999", 180, asOf: "2025-01-01")
            }
        }
    }

    @Test func keysActOnlyInTheirSubtreeWithTheirPermissions() async throws {
        try await DialogueFixture.with { f in
            let district = try await f.connect(scopedTo: f.districtID, permissions: [DialoguePermissions.read, DialoguePermissions.write])
            let reader = try await f.connect(scopedTo: f.districtID, permissions: [DialoguePermissions.read])
            #expect(try await f.recordHeadcount(f.electronicsID, 180, asOf: "2025-01-01", using: district).employees == 180)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                try await f.recordHeadcount(f.elsewhereID, 180, asOf: "2025-01-01", using: district)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                let _: EnterpriseProfile = try await f.call(
                    "Enterprises/GetEnterpriseProfile", GetEnterpriseProfileRequest.with { $0.unitID = f.elsewhereID }, using: district
                )
            }
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await f.recordHeadcount(f.electronicsID, 181, asOf: "2025-01-01", using: reader)
            }
            await district.close()
            await reader.close()
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyChangesNothing() async throws {
        try await DialogueFixture.with { f in
            let request = RecordHeadcountRequest.with {
                $0.unitID = f.electronicsID
                $0.employees = 180
                $0.asOf = "2025-02-01"
            }
            let first: EnterpriseHeadcount = try await f.call("Enterprises/RecordHeadcount", request, idempotencyKey: "hc-1")
            let before = try f.server.snapshot()
            let again: EnterpriseHeadcount = try await f.call("Enterprises/RecordHeadcount", request, idempotencyKey: "hc-1")
            #expect(again == first)
            #expect(try f.server.snapshot() == before)
            #expect(try await f.audit(of: "\(f.electronicsID)@2025-02-01").count == 1)
        }
    }
}
