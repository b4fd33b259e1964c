import Crypto
import Foundation

/// An API key as a client holds it: "thd_<key id>_<secret>". The key id is public (it appears in
/// audit records); the secret is 256 random bits, shown once and stored only as its SHA-256.
struct ApiKeySecret: Sendable {
    let keyID: String
    let secret: String

    /// A new key with fresh randomness from the system's generator.
    static func generate() -> ApiKeySecret {
        var generator = SystemRandomNumberGenerator()
        let idBytes = (0..<8).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let secretBytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return ApiKeySecret(
            keyID: "k" + idBytes.map { String(format: "%02x", $0) }.joined(),
            secret: Data(secretBytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "")
        )
    }

    /// Splits a key a client sent; nil when it is not of the form "thd_<id>_<secret>".
    init?(presented: String) {
        let parts = presented.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "thd", parts[1].count == 17, parts[1].first == "k", parts[2].count == 43 else {
            return nil
        }
        self.keyID = String(parts[1])
        self.secret = String(parts[2])
    }

    private init(keyID: String, secret: String) {
        self.keyID = keyID
        self.secret = secret
    }

    /// What the client puts in `ClientHello.api_key`.
    var presented: String { "thd_\(self.keyID)_\(self.secret)" }

    /// The stored form of the secret.
    var hash: String { Self.hash(self.secret) }

    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares two hashes in time that does not depend on where they differ.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
