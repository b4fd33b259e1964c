import Foundation
import Logging
import NIOCore
import NIOPosix
import ThiduaApp
import ThiduaClient
import ThiduaHost
import ThiduaModuleKit

/// A real server on 127.0.0.1 and a free port, with its own temporary data directory, for tests
/// of this package and of campaign modules.
///
/// ```swift
/// let server = try await TestServer.start(modules: [MyModule()])
/// let admin = try await server.connectAsAdmin()
/// ...
/// try await server.stop()
/// ```
public final class TestServer: Sendable {
    public let server: Server
    public let host: String
    public let port: Int
    public let dataDirectory: URL
    /// The admin key the first start created: every permission on the root unit.
    public let adminKey: String
    private let runTask: Task<Void, any Error>
    /// Whether ``stop()`` removes the data directory: only one this server made for itself.
    private let ownsData: Bool

    private init(server: Server, host: String, port: Int, dataDirectory: URL, adminKey: String, runTask: Task<Void, any Error>, ownsData: Bool) {
        self.ownsData = ownsData
        self.server = server
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.adminKey = adminKey
        self.runTask = runTask
    }

    /// Starts a server with the core and `modules`. `configure` may change the configuration
    /// (limits, durability); host and port are chosen here, and so is the data directory unless
    /// `dataDirectory` names one, as a test that restarts a server on the same data does (that
    /// one outlives ``stop()``).
    public static func start(
        modules: [any CampaignModule] = [],
        logLevel: Logger.Level = .warning,
        clock: @escaping @Sendable () -> Date = Date.init,
        dataDirectory given: URL? = nil,
        configure: (inout ServerConfiguration) -> Void = { _ in }
    ) async throws -> TestServer {
        let dataDirectory = given ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("thidua-test-\(UUID().uuidString)", isDirectory: true)
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = dataDirectory.path
        configure(&configuration)
        var logger = Logger(label: "thidua-test")
        logger.logLevel = logLevel
        let server = try await Application.makeServer(configuration: configuration, modules: modules, logger: logger, clock: clock)
        let runTask = Task { try await server.run() }
        let address = try await server.listeningAddress()
        let keyFile = dataDirectory.appendingPathComponent(Application.adminKeyFileName)
        let adminKey = try String(contentsOf: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return TestServer(
            server: server,
            host: "127.0.0.1",
            port: address.port ?? 0,
            dataDirectory: dataDirectory,
            adminKey: adminKey,
            runTask: runTask,
            ownsData: given == nil
        )
    }

    /// A client holding the admin key.
    public func connectAsAdmin() async throws -> ThiduaClient {
        try await self.connect(apiKey: self.adminKey, clientName: "thidua-tests-admin")
    }

    /// A connected, handshaken client; `acceptLanguage` chooses the language of its refusals.
    public func connect(apiKey: String = "", clientName: String = "thidua-tests", acceptLanguage: String = "") async throws -> ThiduaClient {
        try await ThiduaClient.connect(host: self.host, port: self.port, clientName: clientName, apiKey: apiKey, acceptLanguage: acceptLanguage)
    }

    /// Drains the server, waits for it to stop, and removes its data directory.
    public func stop() async throws {
        self.server.beginShutdown()
        try await self.runTask.value
        if self.ownsData {
            try? FileManager.default.removeItem(at: self.dataDirectory)
        }
    }
}
