import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import ThiduaApp
import ThiduaHost
import ThiduaStorage

/// `thidua-server`: runs the protocol server on its embedded storage, with the campaign modules
/// the executable was built with (``ThiduaServer/main(modules:)``).
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua-server",
        abstract: "Serve thidua's core and campaign modules over the thidua protocol.",
        usage: """
            thidua-server [<options>]
            thidua-server rules [--markdown]
            thidua-server backup [--data-dir <data-dir>] --to <file>
            thidua-server restore [--data-dir <data-dir>] --from <file>
            """,
        discussion: """
            Opens (or creates) the SQLite database in the data directory and applies its migrations \
            before listening. On the first start it creates the root unit and an admin key, written \
            to DATA-DIR/admin.key (readable by its owner only). Prints exactly one line, \
            "listening on HOST:PORT", on standard output once it accepts connections; logs go to \
            standard error. SIGTERM or SIGINT drains: calls in flight finish, \
            new ones get UNAVAILABLE. Every setting can also come from the configuration file \
            (--config) and from an environment variable (THIDUA_PORT, THIDUA_DATA_DIR, \
            THIDUA_MAX_FRAME_BYTES…: THIDUA_ and the file's key in upper snake case); flags override \
            the environment, which overrides the file.
            """,
        subcommands: [RulesCommand.self, BackupCommand.self, RestoreCommand.self]
    )

    @Option(help: "Address to listen on.")
    var host: String?

    @Option(help: "Port to listen on; 0 picks any free port. (default: 7878)")
    var port: Int?

    @Option(name: .customLong("data-dir"), help: "Folder for the server's data, created if missing. (default: ./data)")
    var dataDirectory: String?

    @Option(help: "A JSON configuration file; see README.md, \"Configuration\".")
    var config: String?

    @Option(help: "Comma-separated ids of the campaign modules to load. (default: all)")
    var modules: String?

    @Option(help: "Largest frame body accepted, in bytes. (default: 4194304)")
    var maxFrameBytes: Int?

    @Option(help: "Calls in flight at once per connection. (default: 256)")
    var maxConcurrentCalls: Int?

    @Option(help: "Connections open at once. (default: 16384)")
    var maxConnections: Int?

    @Option(help: "Milliseconds from connecting to the ClientHello. (default: 5000)")
    var handshakeTimeoutMs: Int64?

    @Option(help: "Milliseconds from the first byte of a frame to its last. (default: 10000)")
    var frameTimeoutMs: Int64?

    @Option(help: "Milliseconds without a call before a connection is closed. (default: 300000)")
    var idleTimeoutMs: Int64?

    @Option(help: "Milliseconds a peer may read nothing while answers wait before its connection is closed. (default: 30000)")
    var writeStallTimeoutMs: Int64?

    @Option(help: "Milliseconds a shutdown waits for calls in flight. (default: 30000)")
    var drainTimeoutMs: Int64?

    @Option(help: "full: an acknowledged write survives a power loss (default); normal: only a crash of the process.")
    var durability: String?

    @Option(help: "The most concurrent writes one transaction carries; 1 commits each write alone. (default: 512)")
    var maxBatchedWrites: Int?

    @Option(help: "The root unit's start date, YYYY-MM-DD, set on the first start only. (default: 1929-07-28, the founding of the Vietnamese trade unions)")
    var rootFoundedOn: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical. (default: info)")
    var logLevel: String?

    @Option(help: "text (for a terminal) or json (one object a line, for a log collector). (default: text)")
    var logFormat: String?

    func run() async throws {
        let (configuration, warnings) = try self.makeConfiguration()
        let level = configuration.logLevel
        switch configuration.logFormat {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in JSONLogHandler(label: label, level: level) }
        }
        let logger = Logger(label: "thidua")
        for warning in warnings {
            logger.warning("\(warning)")
        }
        raiseOpenFileLimit(logger: logger)
        try FileManager.default.createDirectory(atPath: configuration.dataDirectory, withIntermediateDirectories: true)

        let server = try await Application.makeServer(configuration: configuration, modules: ThiduaServer.modules, logger: logger)
        let services = ServiceGroup(
            configuration: .init(services: [server], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        )
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            let address = try await server.listeningAddress()
            let line = "listening on \(address.ipAddress ?? configuration.host):\(address.port ?? configuration.port)\n"
            // A closed standard output must not stop the server: the line is a courtesy.
            try? FileHandle.standardOutput.write(contentsOf: Data(line.utf8))
            try await group.waitForAll()
        }
    }

    /// The defaults, then the file, then the environment, then the flags; and the warnings about
    /// the environment.
    func makeConfiguration() throws -> (configuration: ServerConfiguration, warnings: [String]) {
        var configuration = ServerConfiguration()
        if let config { try configuration.apply(jsonFile: config) }
        let warnings = try configuration.apply(environment: ProcessInfo.processInfo.environment)
        if let host { configuration.host = host }
        if let port { configuration.port = port }
        if let dataDirectory { configuration.dataDirectory = dataDirectory }
        if let modules {
            configuration.enabledModules = modules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        if let maxFrameBytes { configuration.limits.maxFrameBytes = maxFrameBytes }
        if let maxConcurrentCalls { configuration.limits.maxConcurrentCalls = maxConcurrentCalls }
        if let maxConnections { configuration.limits.maxConnections = maxConnections }
        if let handshakeTimeoutMs { configuration.limits.handshakeTimeout = .milliseconds(handshakeTimeoutMs) }
        if let frameTimeoutMs { configuration.limits.frameTimeout = .milliseconds(frameTimeoutMs) }
        if let idleTimeoutMs { configuration.limits.idleTimeout = .milliseconds(idleTimeoutMs) }
        if let writeStallTimeoutMs { configuration.limits.writeStallTimeout = .milliseconds(writeStallTimeoutMs) }
        if let drainTimeoutMs { configuration.drainTimeout = .milliseconds(drainTimeoutMs) }
        if let durability {
            guard let value = Durability(rawValue: durability) else {
                throw ValidationError("--durability must be full or normal; got \"\(durability)\"")
            }
            configuration.durability = value
        }
        if let maxBatchedWrites { configuration.maxBatchedWrites = maxBatchedWrites }
        if let rootFoundedOn {
            do {
                configuration.rootFoundedOn = try ServerConfiguration.date(rootFoundedOn, setting: "--root-founded-on")
            } catch let error as ConfigurationError {
                throw ValidationError(error.description)
            }
        }
        if let logFormat {
            guard let format = LogFormat(rawValue: logFormat) else {
                throw ValidationError("unknown log format \"\(logFormat)\"; use text or json")
            }
            configuration.logFormat = format
        }
        if let logLevel {
            guard let level = Logger.Level(rawValue: logLevel) else {
                throw ValidationError("unknown log level \"\(logLevel)\"; use one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            configuration.logLevel = level
        }
        try configuration.validate()
        return (configuration, warnings)
    }
}

/// Many idle connections each hold a descriptor: lift the soft limit to the hard one.
private func raiseOpenFileLimit(logger: Logger) {
    #if os(Linux)
    let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    let resource = RLIMIT_NOFILE
    #endif
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
    limit.rlim_cur = limit.rlim_max
    if setrlimit(resource, &limit) != 0 {
        logger.warning("could not raise the open-file limit", metadata: ["errno": "\(errno)"])
    }
}
