import Foundation
import Synchronization

import ThiduaModuleKit

/// The API keys, held in memory so the handshake can check a key without a database read. Loaded
/// at start-up and updated as soon as a mint or revocation commits.
final class KeyRegistry: HelloAuthenticator, Sendable {
    struct Entry: Sendable {
        let hash: String
        let principal: Principal
        var revoked: Bool
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// Keys revoked since start-up; zero spares every call a lookup.
    private let revokedSinceStart = Atomic<Int>(0)
    private let revocationHandlers = Mutex<[@Sendable (String) -> Void]>([])

    func load(_ db: Database) throws {
        let rows = try db.fetchAll("SELECT id, secret_hash, unit_id, permissions, revoked_at FROM core_api_key")
        var loaded: [String: Entry] = [:]
        for row in rows {
            let keyID: String = try row["id"]
            loaded[keyID] = Entry(
                hash: try row["secret_hash"],
                principal: Principal(
                    keyID: keyID,
                    scopeUnitID: EntityID.unit(try row["unit_id"]),
                    permissions: Permissions.parse(try row["permissions"])
                ),
                revoked: (try row["revoked_at"] as Int64?) != nil
            )
        }
        self.entries.withLock { $0 = loaded }
    }

    func add(keyID: String, entry: Entry) {
        self.entries.withLock { $0[keyID] = entry }
    }

    /// Marks the key revoked. Called inside the revoking transaction, so every call the writer
    /// runs after it, and every call that starts after it commits, sees the key revoked.
    func revoke(keyID: String) {
        self.entries.withLock { $0[keyID]?.revoked = true }
        self.revokedSinceStart.add(1, ordering: .sequentiallyConsistent)
    }

    /// Tells the host, once the revocation has committed, to end the key's calls.
    func announceRevocation(keyID: String) {
        for handler in self.revocationHandlers.withLock({ $0 }) {
            handler(keyID)
        }
    }

    func isRevoked(keyID: String) -> Bool {
        guard self.revokedSinceStart.load(ordering: .sequentiallyConsistent) > 0 else { return false }
        return self.entries.withLock { $0[keyID]?.revoked ?? false }
    }

    func onRevocation(_ handler: @escaping @Sendable (String) -> Void) {
        self.revocationHandlers.withLock { $0.append(handler) }
    }

    var isEmpty: Bool { self.entries.withLock { $0.isEmpty } }

    func authenticate(_ hello: ClientHello, remoteAddress: String) throws(RPCError) -> Peer {
        guard !hello.apiKey.isEmpty else {
            return Peer(clientName: hello.clientName, remoteAddress: remoteAddress, principal: nil)
        }
        guard let presented = ApiKeySecret(presented: hello.apiKey),
            let entry = self.entries.withLock({ $0[presented.keyID] }),
            ApiKeySecret.constantTimeEqual(ApiKeySecret.hash(presented.secret), entry.hash)
        else {
            throw RPCError(.unauthenticated, "the API key is not valid", field: "api_key", rule: "handshake.api_key")
        }
        guard !entry.revoked else {
            throw RPCError(.unauthenticated, "the API key \(presented.keyID) was revoked", field: "api_key", rule: "handshake.api_key_revoked")
        }
        return Peer(clientName: hello.clientName, remoteAddress: remoteAddress, principal: entry.principal)
    }
}
