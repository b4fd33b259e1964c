import ArgumentParser
import Foundation
import ThiduaClient
import ThiduaWire

/// Where the server is and how to authenticate; shared by every subcommand.
struct ConnectionOptions: ParsableArguments {
    @Option(name: .long, help: "HOST:PORT of the server (default: $THIDUA_SERVER or 127.0.0.1:7878).")
    var server: String?

    @Option(name: .long, help: "API key (default: $THIDUA_API_KEY).")
    var apiKey: String?

    @Option(name: .long, help: "Read the API key from this file, such as data/admin.key.")
    var apiKeyFile: String?

    @Option(name: .customLong("format-error"), help: "How a failure is printed on stderr: text, or json (one object: code, status, message, details).")
    var errorFormat: ErrorFormat = .text

    @Option(name: .long, help: "Give up on a call after this many milliseconds.")
    var timeoutMs: Int?

    @Option(
        name: .customLong("lang"),
        help: "Language of the server's refusals: en or vi, or an Accept-Language list such as \"vi, en\". (default: $THIDUA_LANG, else English)"
    )
    var language: String?

    /// The languages to ask the server for, from `--lang` or the environment; empty for English.
    var acceptLanguage: String {
        self.language ?? ProcessInfo.processInfo.environment["THIDUA_LANG"] ?? ""
    }

    /// Host and port from `--server` or the environment.
    func endpoint() throws -> (host: String, port: Int) {
        let text = self.server ?? ProcessInfo.processInfo.environment["THIDUA_SERVER"] ?? "127.0.0.1:7878"
        guard let address = ServerAddress(text) else {
            throw ValidationError("--server must be HOST:PORT, such as 127.0.0.1:7878; got \"\(text)\"")
        }
        return (address.host, address.port)
    }

    func resolvedAPIKey() throws -> String {
        if let apiKey { return apiKey }
        if let apiKeyFile {
            do {
                return try String(contentsOfFile: apiKeyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            } catch {
                throw ValidationError("cannot read the API key file \(apiKeyFile): \(error.localizedDescription)")
            }
        }
        return ProcessInfo.processInfo.environment["THIDUA_API_KEY"] ?? ""
    }

    var timeout: Duration? { self.timeoutMs.map { .milliseconds($0) } }

    /// Connects, runs `body`, closes; reports failures the way every subcommand does.
    func withClient<T>(_ body: (ThiduaClient) async throws -> T) async throws -> T {
        let (host, port) = try self.endpoint()
        let client: ThiduaClient
        do {
            client = try await ThiduaClient.connect(
                host: host,
                port: port,
                clientName: "thidua-cli/\(ThiduaVersion.current)",
                apiKey: try self.resolvedAPIKey(),
                acceptLanguage: self.acceptLanguage
            )
        } catch let error as RPCError {
            throw CLIFailure.status(error)
        } catch {
            throw CLIFailure.connection("cannot connect to \(host):\(port): \(ConnectFailure.describe(error))")
        }
        do {
            let result = try await body(client)
            await client.close()
            return result
        } catch {
            await client.close()
            throw CLIFailure(error)
        }
    }
}
