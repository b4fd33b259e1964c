import Foundation
import Testing
import ThiduaCoreAPI
import ThiduaTesting

/// The test kit's own guarantees: a snapshot sees every change, so a test that a refusal changed
/// nothing can fail.
@Suite struct TestKitTests {
    @Test func aCallThatStoresSomethingShowsEveryTableItChanged() async throws {
        try await CoreFixture.with { f in
            let unit = try await f.createUnit("CĐCS Công ty Điện", under: try await f.rootID)
            let stored = try await f.server.refusal { _ = try await f.addMember("Trần Văn Nam", to: unit.id) }
            #expect(stored.error == nil)
            #expect(stored.changedTables == ["core_audit", "core_change", "core_member", "core_membership"])
        }
    }
}
