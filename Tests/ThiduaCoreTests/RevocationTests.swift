import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// A revoked key stops working at once on every connection already open with it: its next call
/// is refused and its streams end, both with `auth.key_revoked`.
@Suite struct RevocationTests {
    @Test func aRevokedKeyIsRefusedOnItsNextCallAndItsWatchEnds() async throws {
        try await CoreFixture.with { f in
            let root = try await f.rootID
            let (client, key) = try await f.connect(scopedTo: root, permissions: ["units.write", "changes.read"])
            let (other, _) = try await f.connect(scopedTo: root, permissions: ["units.write"])
            _ = try await f.createUnit("CĐCS trước khi thu hồi", under: root, using: client)
            var watch = try client.serverStreaming(Methods.Core.Changes.watch, WatchChangesRequest())
                .makeAsyncIterator()
            #expect(try await watch.next() != nil)

            let revoked = try await f.admin.unary(Methods.Core.Keys.revokeKey, RevokeKeyRequest.with {
                $0.keyID = key.keyID
                $0.reason = "lộ khóa"
            })
            #expect(revoked.revoked)

            let units = try f.count("core_unit")
            let refusal = await expectRefusal(.unauthenticated, rule: "auth.key_revoked") {
                _ = try await f.createUnit("CĐCS sau khi thu hồi", under: root, using: client)
            }
            #expect(refusal?.message.contains(key.keyID) == true)
            #expect(try f.count("core_unit") == units)

            do {
                while try await watch.next() != nil {}
                Issue.record("the watch of a revoked key should end with UNAUTHENTICATED")
            } catch let error as RPCError {
                #expect(error.code == .unauthenticated)
                #expect(error.details.first?.rule == "auth.key_revoked")
            }

            // Other keys go on.
            _ = try await f.createUnit("CĐCS của khóa khác", under: root, using: other)
            await client.close()
            await other.close()
        }
    }
}
