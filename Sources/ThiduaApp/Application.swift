import Foundation
import Logging
import ThiduaCore
import ThiduaHost
import ThiduaModuleKit

/// Puts a server together: storage, migrated before anything listens; the core; the enabled
/// campaign modules, provisioned and validated; the host in front of them.
public enum Application {
    /// The name of the file, in the data directory, that receives the first admin key.
    public static let adminKeyFileName = "admin.key"

    public static func makeServer(
        configuration: ServerConfiguration,
        modules available: [any CampaignModule],
        logger: Logger,
        clock: @escaping @Sendable () -> Date = Date.init,
        customize: (inout HostBuilder) -> Void = { _ in }
    ) async throws -> Server {
        try configuration.validate()
        let modules = try self.enabled(available, by: configuration)
        try ModuleContract.check(modules)

        var schema = Schema()
        try schema.add(owner: "core", Core.migrations)
        for module in modules {
            try schema.add(owner: module.id, module.migrations)
        }
        let storage = try Storage(
            directory: configuration.dataDirectory,
            durability: configuration.durability,
            maxBatchedWrites: configuration.maxBatchedWrites,
            schema: schema,
            exclusive: true,
            logger: logger
        )
        let core = try Core(
            storage: storage, moduleIDs: modules.map(\.id), modulePermissions: modules.flatMap(\.permissions), logger: logger, clock: clock
        )
        _ = try await core.bootstrapIfEmpty(
            rootUnitName: configuration.rootUnitName,
            rootFoundedOn: configuration.rootFoundedOn,
            adminKeyPath: (configuration.dataDirectory as NSString).appendingPathComponent(Self.adminKeyFileName)
        )

        let context = ModuleContext(core: core.access, logger: logger, clock: clock)
        var runtimes = [HostedRuntime(id: Core.id, version: ThiduaVersion.current, runtime: core)]
        for module in modules {
            runtimes.append(HostedRuntime(id: module.id, version: module.version, runtime: try await module.provision(context)))
        }
        for hosted in runtimes {
            try await hosted.runtime.validate()
        }

        var builder = HostBuilder(configuration: configuration, runtimes: runtimes, logger: logger)
        builder.authenticator = core.authenticator
        builder.declaredPermissions[Core.id] = Set(Core.permissions.map(\.name))
        for module in modules {
            builder.declaredPermissions[module.id] = Set(module.permissions.map(\.name))
        }
        builder.rules = KitRuleCatalogue.all + Core.rules + modules.flatMap(\.rules)
        customize(&builder)
        return try builder.makeServer()
    }

    /// The modules the configuration enables, in its order; throws for an unknown id.
    static func enabled(_ available: [any CampaignModule], by configuration: ServerConfiguration) throws -> [any CampaignModule] {
        guard let wanted = configuration.enabledModules else { return available }
        return try wanted.map { id in
            guard let module = available.first(where: { $0.id == id }) else {
                let known = available.map(\.id).joined(separator: ", ")
                throw ConfigurationError("unknown module \"\(id)\"; this build has: \(known.isEmpty ? "none" : known)")
            }
            return module
        }
    }
}
