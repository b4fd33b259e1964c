import ArgumentParser
import Foundation
import NIOCore
import ThiduaClient
import ThiduaWire

/// `thidua-load`: load for a thidua server, closed or open loop, with HdrHistogram percentiles.
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua-load",
        abstract: "Load generator for a thidua server.",
        discussion: """
            Closed loop (the default) keeps --in-flight calls outstanding on every connection. Open loop \
            (--rate) sends calls at a fixed rate across all connections and measures each call's latency \
            from when it was meant to be sent, so a stalled server is charged for the calls it delayed.

            Examples:
              thidua-load --port 7878 --method \(Methods.Host.Echo.unary.path) --data '{"payload":"AAAA"}' \\
                  --connections 4 --in-flight 16 --duration 10s --slo p99=2ms
              thidua-load --port 7878 --rate 20000 --connections 8 --in-flight 64 \\
                  --mix '9:\(Methods.Host.Echo.unary.path):{"payload":"AA=="}' --mix '1:\(Methods.Host.Health.check.path)' --json

            The rate counts only the calls that ended inside the measured interval; calls answered in \
            the drain after it (--drain) are reported apart, and those still unanswered then count as \
            UNAVAILABLE. Failed calls are reported first.

            Exit status: 0 when every call succeeded (or an --slo errors=N% allows the failures) and \
            every --slo was met; 3 otherwise; 1 when the run could not be made.
            """
    )

    @Option(help: "HOST:PORT of the server, as the CLI takes it. (default: --host and --port, else $THIDUA_SERVER, else 127.0.0.1:7878)") var server: String?
    @Option(help: "Server address, without --server. (default: 127.0.0.1)") var host: String?
    @Option(help: "Server port, without --server. (default: 7878)") var port: Int?
    @Option(help: "Connections.") var connections = 1
    @Option(help: "Calls in flight at most on each connection.") var inFlight = 1
    @Option(help: "Measured time: 10, 10s, 500ms.") var duration = "10s"
    @Option(help: "Warm-up before it, not measured.") var warmup = "2s"
    @Option(help: "After it, how long calls still in flight may take to answer; the rest count as UNAVAILABLE.") var drain = "5s"
    @Option(help: "Open loop: calls per second across all connections. Without it, closed loop.") var rate: Double?
    @Option(help: "The method to call: package.Service/Method.") var method: String?
    @Option(help: "The request of --method in protobuf JSON, or @FILE.") var data = "{}"
    @Option(help: "A weighted method, WEIGHT:METHOD[:JSON]; repeat to mix several.") var mix: [String] = []
    @Option(help: "Threshold NAME=LIMIT (p50, p90, p99, p99.9, any pN, max, errors=N%); repeatable.") var slo: [String] = []
    @Option(help: "Each call's deadline, sent as timeout_ms: 500ms, 2s.") var timeout: String?
    @Option(help: "Request metadata KEY=VALUE; repeatable.") var metadata: [String] = []
    @Option(help: "API key for the handshake. (default: $THIDUA_API_KEY)") var apiKey: String?
    @Option(help: "Read the API key from this file, such as data/admin.key.") var apiKeyFile: String?
    @Option(help: "Event loop threads of the tool.") var threads = System.coreCount
    @Option(help: "The server's process id, to report its CPU per request (Linux).") var serverPid: Int32?
    @Option(help: "Payloads made from a template holding {{seq}} (replaced by 0, 1, 2...); calls take them in turn.") var variants = 100_000
    @Flag(help: "Print the report as JSON.") var json = false

    mutating func run() async throws {
        let plan: LoadPlan
        do {
            plan = try self.makePlan()
            try plan.validate()
        } catch let error as LoadError {
            throw ValidationError(error.description)
        }
        let report: LoadReport
        do {
            report = try await LoadRunner(plan: plan).run()
        } catch {
            FileHandle.standardError.write(Data("thidua-load: \(error)\n".utf8))
            throw ExitCode.failure
        }
        if self.json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(ReportPrinter.render(report))
        }
        if !report.passed {
            throw ExitCode(3)
        }
    }

    /// The plan these options describe.
    func makePlan() throws -> LoadPlan {
        var plan = LoadPlan()
        // Flags win over the environment: --server, then --host/--port, then THIDUA_SERVER.
        let environment = ProcessInfo.processInfo.environment
        let flagsNameNoServer = self.host == nil && self.port == nil
        if let text = self.server ?? (flagsNameNoServer ? environment["THIDUA_SERVER"] : nil) {
            guard let address = ServerAddress(text) else { throw LoadError.usage("--server must be HOST:PORT, such as 127.0.0.1:7878; got \"\(text)\"") }
            plan.host = address.host
            plan.port = address.port
        } else {
            plan.host = self.host ?? "127.0.0.1"
            plan.port = self.port ?? 7878
        }
        plan.connections = self.connections
        plan.inFlight = self.inFlight
        guard let duration = TimeValue.seconds(self.duration) else { throw LoadError.usage("--duration: not a duration: \(self.duration)") }
        guard let warmup = TimeValue.seconds(self.warmup) else { throw LoadError.usage("--warmup: not a duration: \(self.warmup)") }
        guard let drain = TimeValue.seconds(self.drain) else { throw LoadError.usage("--drain: not a duration: \(self.drain)") }
        plan.durationSeconds = duration
        plan.warmupSeconds = warmup
        plan.drainSeconds = drain
        plan.rate = self.rate
        plan.threads = self.threads
        plan.serverPID = self.serverPid
        plan.variants = self.variants
        plan.apiKey = try self.resolvedAPIKey(environment)
        if let timeout = self.timeout {
            guard let nanos = TimeValue.nanoseconds(timeout), nanos >= 1_000_000 else {
                throw LoadError.usage("--timeout is a duration of at least 1ms; got \(timeout)")
            }
            plan.timeoutMilliseconds = nanos / 1_000_000
        }
        for pair in self.metadata {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw LoadError.usage("--metadata reads KEY=VALUE; got \"\(pair)\"") }
            plan.metadata[parts[0]] = parts[1]
        }
        if let method = self.method {
            guard self.mix.isEmpty else { throw LoadError.usage("use --method or --mix, not both") }
            try MethodMixEntry.checkPath(method)
            plan.entries = [MethodMixEntry(method: method, weight: 1, json: try Self.readTemplate(self.data))]
        } else {
            plan.entries = try self.mix.map { try MethodMixEntry(parsing: $0) }
        }
        plan.objectives = try self.slo.map { try ServiceLevelObjective(parsing: $0) }
        return plan
    }

    /// `--api-key`, else the file of `--api-key-file`, else `THIDUA_API_KEY`, else none.
    private func resolvedAPIKey(_ environment: [String: String]) throws -> String {
        if let apiKey = self.apiKey { return apiKey }
        if let file = self.apiKeyFile {
            guard let contents = FileManager.default.contents(atPath: file) else { throw LoadError.usage("cannot read the API key file \(file)") }
            return String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return environment["THIDUA_API_KEY"] ?? ""
    }

    /// The template itself, or the contents of the file after '@'.
    private static func readTemplate(_ text: String) throws -> String {
        guard text.hasPrefix("@") else { return text }
        let path = String(text.dropFirst())
        guard let contents = FileManager.default.contents(atPath: path) else {
            throw LoadError.usage("cannot read the template file \(path)")
        }
        return String(decoding: contents, as: UTF8.self)
    }
}
