import Foundation
import Logging
import ThiduaModuleKit

/// The core shared by every campaign: the organisation tree, members, API keys, the audit trail,
/// the change feed and the reports; and the pipeline every mutating call goes through.
public final class Core: ModuleRuntime {
    /// The id the core's services and permissions are registered under.
    public static let id = "core"

    /// The core's schema.
    public static var migrations: [Migration] { CoreSchema.migrations }
    /// The core's permissions.
    public static var permissions: [PermissionDescription] { Permissions.core }

    private let pipeline: CorePipeline
    private let registry: KeyRegistry
    private let notifier = ChangeNotifier()
    private let knownPermissions: Set<String>
    private let campaignModules: Set<String>
    private let logger: Logger

    /// What modules are given to reach the core.
    public var access: any CoreAccess { self.pipeline }
    /// Checks the API key of every handshake.
    public var authenticator: any HelloAuthenticator { self.registry }

    /// - Parameters:
    ///   - moduleIDs: the enabled modules, which campaigns may name.
    ///   - modulePermissions: the enabled modules' permissions, so keys can be given them.
    public init(
        storage: Storage,
        moduleIDs: [String],
        modulePermissions: [PermissionDescription],
        logger: Logger,
        clock: @escaping @Sendable () -> Date
    ) throws {
        let registry = KeyRegistry()
        self.registry = registry
        self.pipeline = CorePipeline(storage: storage, clock: clock, keys: registry)
        self.knownPermissions = Set((Permissions.core + modulePermissions).map(\.name))
        self.campaignModules = Set(moduleIDs + [CampaignsService.generalModule])
        self.logger = logger
        try storage.readNow { db in try self.registry.load(db) }
        try storage.writeNow { db in try AwardStore.fillAchievementKeys(in: db) }
        let notifier = self.notifier
        storage.writer.onCommit { notifier.committed() }
        // The decision of a person's registration confers the titles it commits to: their
        // conditions hold there as on a grant.
        let (conditions, clock) = (self.pipeline.titleConditions, clock)
        self.pipeline.observeReviews(of: ReviewsService.registrationSubject) { review, db in
            guard review.state == .decided else { return }
            try conditions.requireRegistration(review.subjectID, on: CalendarDate(clock()), in: db)
        }
    }

    /// On the first start, when no key exists: creates the root unit (unless there is one), valid
    /// from `rootFoundedOn`, and an admin key holding every permission on it, and writes the key
    /// to `adminKeyPath`, readable by its owner only. Returns true when it did.
    public func bootstrapIfEmpty(rootUnitName: String, rootFoundedOn: CalendarDate, adminKeyPath: String) async throws -> Bool {
        guard self.registry.isEmpty else { return false }
        let secret = ApiKeySecret.generate()
        // The file first: if the commit then fails, the next start bootstraps again and overwrites it.
        try Self.writeOwnerOnly(secret.presented + "\n", to: adminKeyPath)
        let now = self.pipeline.clock().unixMilliseconds
        let root = try await self.pipeline.storage.write { db -> UnitRecord in
            let existing = try db.fetchOne("SELECT * FROM core_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1", as: UnitRecord.self)
            let root = try existing ?? UnitStore.insert(
                parent: nil, name: rootUnitName, kind: .confederation, sector: .unspecified, code: nil,
                validFrom: rootFoundedOn, fullyStateFunded: false, in: db
            )
            try db.execute("""
                    INSERT INTO core_api_key (id, label, secret_hash, unit_id, permissions, created_at, created_by)
                    VALUES (\(secret.keyID), 'first admin key', \(secret.hash), \(root.row), '*', \(now), 'bootstrap')
                    """)
            try db.execute("""
                    INSERT INTO core_audit (at, key_id, method, target_type, target_id, unit_id, old_value, new_value, reason)
                    VALUES (\(now), 'bootstrap', 'bootstrap', \(ApiKeyInfo.protoMessageName), \(secret.keyID),
                        \(root.row), '', \(try root.message.jsonString()), 'first start: root unit and admin key')
                    """)
            return root
        }
        self.registry.add(
            keyID: secret.keyID,
            entry: .init(hash: secret.hash, principal: Principal(keyID: secret.keyID, scopeUnitID: root.id, permissions: [Permissions.all]), revoked: false)
        )
        self.logger.notice("first start: created the admin key", metadata: ["file": "\(adminKeyPath)", "unit": "\(root.id)"])
        return true
    }

    /// The last runtime the server cleans up, after every module's: the storage's folder goes
    /// free for the next server or a restore.
    public func cleanup() async {
        self.pipeline.storage.releaseFolder()
    }

    public func register(into registrar: inout ServiceRegistrar) {
        registrar.addDescriptorSet(base64: CoreProtoFiles.descriptorSetBase64)
        registrar.register(KeysService(core: self.pipeline, registry: self.registry, knownPermissions: self.knownPermissions))
        registrar.register(UnitsService(core: self.pipeline))
        registrar.register(MembersService(core: self.pipeline))
        registrar.register(ChangesService(core: self.pipeline, notifier: self.notifier))
        registrar.register(AuditService(core: self.pipeline))
        registrar.register(CampaignsService(core: self.pipeline, modules: self.campaignModules))
        registrar.register(ReviewsService(core: self.pipeline))
        registrar.register(AwardsService(core: self.pipeline))
        registrar.register(ReportsService(core: self.pipeline))
        registrar.register(ImportService(core: self.pipeline))
    }

    private static func writeOwnerOnly(_ text: String, to path: String) throws {
        let temporary = path + ".tmp"
        try? FileManager.default.removeItem(atPath: temporary)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw StorageError("cannot write the admin key to \(temporary)")
        }
        // rename(2) replaces the destination atomically: a reader sees the old key or the new one.
        guard rename(temporary, path) == 0 else {
            throw StorageError("cannot move the admin key into \(path): errno \(errno)")
        }
    }
}
