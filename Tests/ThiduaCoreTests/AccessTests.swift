import Foundation
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaTesting
import ThiduaWire

@Suite struct AccessTests {
    @Test func firstStartWritesAnOwnerOnlyAdminKeyForTheRoot() async throws {
        try await CoreFixture.with { fixture in
            let path = fixture.server.dataDirectory.appendingPathComponent("admin.key").path
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let me = try await fixture.whoAmI(fixture.admin)
            #expect(me.permissions == ["*"])
            let root = try await fixture.admin.unary(Methods.Core.Units.getUnit, GetUnitRequest.with { $0.id = me.unitID })
            #expect(root.kind == .confederation)
            #expect(root.parentID.isEmpty)
        }
    }

    @Test func noKeyMayUseTheHostServicesButNotTheCore() async throws {
        try await CoreFixture.with { fixture in
            let anonymous = try await fixture.server.connect()
            let health = try await anonymous.unary(Methods.Host.Health.check, HealthCheckRequest())
            #expect(health.status == .serving)
            await expectRefusal(.unauthenticated, rule: "auth.key_required") {
                _ = try await anonymous.unary(Methods.Core.Units.listUnits, ListUnitsRequest())
            }
            await expectRefusal(.unauthenticated) {
                _ = try await anonymous.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
            }
            await anonymous.close()
        }
    }

    @Test func aWrongOrMalformedKeyIsRefusedAtTheHandshake() async throws {
        try await CoreFixture.with { fixture in
            var forged = fixture.server.adminKey
            let last = forged.removeLast()
            forged.append(last == "A" ? "B" : "A")
            for key in [forged, "not-a-key", "thd_k0000000000000000_" + String(repeating: "A", count: 43)] {
                await expectRefusal(.unauthenticated, rule: "handshake.api_key") {
                    _ = try await fixture.server.connect(apiKey: key)
                }
            }
        }
    }

    @Test func secretsAreStoredOnlyHashed() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let (client, _) = try await fixture.connect(scopedTo: root, permissions: ["units.read"])
            await client.close()
            let minted = try await fixture.admin.unary(
                Methods.Core.Keys.mintKey,
                MintKeyRequest.with { $0.label = "x"; $0.unitID = root; $0.permissions = ["units.read"] }
            )
            // The secret is everything after "thd_k<id>_"; base64url may itself hold "_".
            let secrets = [fixture.server.adminKey, minted.apiKey].map { String($0.split(separator: "_", maxSplits: 2)[2]) }
            // Every byte of the database and its WAL, as a dump would see them.
            let folder = fixture.server.dataDirectory
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix("thidua.sqlite") }
            #expect(!files.isEmpty)
            for file in files {
                let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
                for secret in secrets {
                    #expect(bytes.range(of: Data(secret.utf8)) == nil, "a raw secret is in \(file)")
                }
            }
        }
    }

    @Test func aKeyGrantsOnlyWhatItHoldsInsideItsSubtree() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let province = try await fixture.createUnit("LĐLĐ tỉnh Thanh Hóa", under: root, kind: .provincialFederation)
            let other = try await fixture.createUnit("LĐLĐ tỉnh Ninh Bình", under: root, kind: .provincialFederation)
            let (manager, _) = try await fixture.connect(scopedTo: province.id, permissions: ["keys.manage", "units.read"])

            let minted = try await manager.unary(
                Methods.Core.Keys.mintKey,
                MintKeyRequest.with { $0.label = "reader"; $0.unitID = province.id; $0.permissions = ["units.read"] }
            )
            #expect(minted.key.createdByKeyID != "")
            await expectRefusal(.permissionDenied, rule: "key.no_escalation") {
                _ = try await manager.unary(
                    Methods.Core.Keys.mintKey,
                    MintKeyRequest.with { $0.label = "writer"; $0.unitID = province.id; $0.permissions = ["units.write"] }
                )
            }
            await expectRefusal(.permissionDenied, rule: "key.no_escalation") {
                _ = try await manager.unary(
                    Methods.Core.Keys.mintKey,
                    MintKeyRequest.with { $0.label = "all"; $0.unitID = province.id; $0.permissions = ["*"] }
                )
            }
            await expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await manager.unary(
                    Methods.Core.Keys.mintKey,
                    MintKeyRequest.with { $0.label = "elsewhere"; $0.unitID = other.id; $0.permissions = ["units.read"] }
                )
            }
            await expectRefusal(.invalidArgument, rule: "key.permission_known") {
                _ = try await manager.unary(
                    Methods.Core.Keys.mintKey,
                    MintKeyRequest.with { $0.label = "typo"; $0.unitID = province.id; $0.permissions = ["units.raed"] }
                )
            }
            await manager.close()
        }
    }

    @Test func aRevokedKeyCanNoLongerConnect() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let minted = try await fixture.admin.unary(
                Methods.Core.Keys.mintKey,
                MintKeyRequest.with { $0.label = "temp"; $0.unitID = root; $0.permissions = ["units.read"] }
            )
            let client = try await fixture.server.connect(apiKey: minted.apiKey)
            await client.close()
            await expectRefusal(.invalidArgument, rule: "field.required") {
                _ = try await fixture.admin.unary(Methods.Core.Keys.revokeKey, RevokeKeyRequest.with { $0.keyID = minted.key.keyID })
            }
            let revoked = try await fixture.admin.unary(
                Methods.Core.Keys.revokeKey,
                RevokeKeyRequest.with { $0.keyID = minted.key.keyID; $0.reason = "staff left" }
            )
            #expect(revoked.revoked)
            await expectRefusal(.unauthenticated, rule: "handshake.api_key_revoked") {
                _ = try await fixture.server.connect(apiKey: minted.apiKey)
            }
        }
    }

    @Test func aPermissionTheKeyLacksIsDenied() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            let (reader, info) = try await fixture.connect(scopedTo: root, permissions: ["units.read"])
            let error = await expectRefusal(.permissionDenied, rule: "auth.permission") {
                try await fixture.createUnit("X", under: root, using: reader)
            }
            #expect(error?.message.contains(info.keyID) == true)
            #expect(error?.message.contains("units.write") == true)
            await reader.close()
        }
    }
}
