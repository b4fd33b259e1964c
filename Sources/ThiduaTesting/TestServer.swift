import Foundation
import Logging
import NIOCore
import NIOPosix
import ThiduaClient
import ThiduaHost
import ThiduaModuleKit

/// A real server on 127.0.0.1 and a free port, with its own temporary data directory, for tests
/// of this package and of campaign modules.
///
/// ```swift
/// let server = try await TestServer.start(modules: [MyModule()])
/// defer { Task { await server.stop() } }  // or: try await server.stop() at the end
/// let client = try await server.connect()
/// ```
public final class TestServer: Sendable {
    public let server: Server
    public let host: String
    public let port: Int
    public let dataDirectory: URL
    private let runTask: Task<Void, any Error>

    private init(server: Server, host: String, port: Int, dataDirectory: URL, runTask: Task<Void, any Error>) {
        self.server = server
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.runTask = runTask
    }

    /// Starts a server. `configure` may change the configuration (limits, modules) before it starts;
    /// host, port and data directory are chosen here.
    public static func start(
        modules: [any CampaignModule] = [],
        logLevel: Logger.Level = .warning,
        configure: (inout HostBuilder) -> Void = { _ in }
    ) async throws -> TestServer {
        let dataDirectory = FileManager.default.temporaryDirectory
            .appendingPathComponent("thidua-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        var configuration = ServerConfiguration()
        configuration.host = "127.0.0.1"
        configuration.port = 0
        configuration.dataDirectory = dataDirectory.path
        var logger = Logger(label: "thidua-test")
        logger.logLevel = logLevel
        var builder = HostBuilder(configuration: configuration, availableModules: modules, logger: logger)
        configure(&builder)
        let server = try builder.makeServer()
        let runTask = Task { try await server.run() }
        let address = try await server.listeningAddress()
        return TestServer(
            server: server,
            host: "127.0.0.1",
            port: address.port ?? 0,
            dataDirectory: dataDirectory,
            runTask: runTask
        )
    }

    /// A connected, handshaken client.
    public func connect(apiKey: String = "", clientName: String = "thidua-tests") async throws -> ThiduaClient {
        try await ThiduaClient.connect(host: self.host, port: self.port, clientName: clientName, apiKey: apiKey)
    }

    /// Drains the server, waits for it to stop, and removes its data directory.
    public func stop() async throws {
        self.server.beginShutdown()
        try await self.runTask.value
        try? FileManager.default.removeItem(at: self.dataDirectory)
    }
}
