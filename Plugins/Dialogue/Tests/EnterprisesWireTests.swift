import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Headcounts and enterprise profiles, through the wire.
@Suite struct EnterprisesWireTests {
    @Test func headcountsAreRecordedByDateAndAudited() async throws {
        try await DialogueFixture.with { f, org in
            let first = try await f.recordHeadcount(org.electronicsID, 180, asOf: "2025-02-01")
            #expect(first.employees == 180)
            // The same date again is a correction: replaced, with the old value in the audit trail.
            _ = try await f.recordHeadcount(org.electronicsID, 184, asOf: "2025-02-01")
            _ = try await f.recordHeadcount(org.electronicsID, 140, asOf: "2024-01-01")
            let profile = try await f.call(Methods.Dialogue.Enterprises.getEnterpriseProfile, .with {
                $0.unitID = org.electronicsID
            })
            #expect(profile.asOf == DialogueFixture.today)
            #expect(profile.headcount.employees == 184)
            #expect(profile.history.map(\.asOf) == ["2025-02-01", "2024-01-01"])
            #expect(profile.delegationBand.minDelegates == 9)
            #expect(profile.delegationBand.maxDelegates == 13)
            #expect(profile.sector == 6)
            let earlier = try await f.call(Methods.Dialogue.Enterprises.getEnterpriseProfile, .with {
                $0.unitID = org.electronicsID
                $0.asOf = "2024-06-01"
            })
            #expect(earlier.headcount.employees == 140)
            #expect(earlier.delegationBand.maxDelegates == 8)
            let audit = try await f.audit(of: "\(org.electronicsID)@2025-02-01")
            #expect(audit.count == 2)
            #expect(audit[1].oldValueJson.contains("180"))
            #expect(audit[1].newValueJson.contains("184"))
        }
    }

    @Test func headcountsAreRefusedForWhatIsNotAnEnterpriseOrNotAFact() async throws {
        try await DialogueFixture.with { f, org in
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.enterprise_unit") {
                try await f.recordHeadcount(org.schoolID, 40, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.failedPrecondition, rule: "dialogue.enterprise_unit") {
                try await f.recordHeadcount(org.districtID, 40, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "dialogue.headcount_positive") {
                try await f.recordHeadcount(org.electronicsID, 0, asOf: "2025-01-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.future") {
                try await f.recordHeadcount(org.electronicsID, 180, asOf: "2025-07-01")
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format") {
                try await f.recordHeadcount(org.electronicsID, 180, asOf: "2025-02-30")
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
        try await DialogueFixture.with { f, org in
            let district = try await f.client(scopedTo: org.districtID, permissions: [DialoguePermissions.read, DialoguePermissions.write])
            let reader = try await f.client(scopedTo: org.districtID, permissions: [DialoguePermissions.read])
            #expect(try await f.recordHeadcount(org.electronicsID, 180, asOf: "2025-01-01", as: district).employees == 180)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                try await f.recordHeadcount(org.elsewhereID, 180, asOf: "2025-01-01", as: district)
            }
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await f.call(
                    Methods.Dialogue.Enterprises.getEnterpriseProfile, .with { $0.unitID = org.elsewhereID }, as: district
                )
            }
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await f.recordHeadcount(org.electronicsID, 181, asOf: "2025-01-01", as: reader)
            }
        }
    }

    @Test func aRetryWithTheSameIdempotencyKeyChangesNothing() async throws {
        try await DialogueFixture.with { f, org in
            let request = RecordHeadcountRequest.with {
                $0.unitID = org.electronicsID
                $0.employees = 180
                $0.asOf = "2025-02-01"
            }
            let first = try await f.admin.unary(Methods.Dialogue.Enterprises.recordHeadcount, request, metadata: ["idempotency-key": "hc-1"])
            let before = try f.server.snapshot()
            let again = try await f.admin.unary(Methods.Dialogue.Enterprises.recordHeadcount, request, metadata: ["idempotency-key": "hc-1"])
            #expect(again == first)
            #expect(try f.server.snapshot() == before)
            #expect(try await f.audit(of: "\(org.electronicsID)@2025-02-01").count == 1)
        }
    }
}
