import ArgumentParser
import Foundation
import NIOCore
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

            Exit status: 0 when every --slo was met, 3 when one was missed, 1 when the run failed.
            """
    )

    @Option(help: "Server address.") var host = "127.0.0.1"
    @Option(help: "Server port.") var port = 7878
    @Option(help: "Connections.") var connections = 1
    @Option(help: "Calls in flight at most on each connection.") var inFlight = 1
    @Option(help: "Measured time: 10, 10s, 500ms.") var duration = "10s"
    @Option(help: "Warm-up before it, not measured.") var warmup = "2s"
    @Option(help: "Open loop: calls per second across all connections. Without it, closed loop.") var rate: Double?
    @Option(help: "The method to call: package.Service/Method.") var method: String?
    @Option(help: "The request of --method in protobuf JSON, or @FILE.") var data = "{}"
    @Option(help: "A weighted method, WEIGHT:METHOD[:JSON]; repeat to mix several.") var mix: [String] = []
    @Option(help: "Threshold NAME=LIMIT (p50, p90, p99, p99.9, any pN, max, errors=N%); repeatable.") var slo: [String] = []
    @Option(help: "Each call's deadline, sent as timeout_ms: 500ms, 2s.") var timeout: String?
    @Option(help: "Request metadata KEY=VALUE; repeatable.") var metadata: [String] = []
    @Option(help: "API key for the handshake.") var apiKey = ""
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
        if !report.sloMet {
            throw ExitCode(3)
        }
    }

    /// The plan these options describe.
    func makePlan() throws -> LoadPlan {
        var plan = LoadPlan()
        plan.host = self.host
        plan.port = self.port
        plan.connections = self.connections
        plan.inFlight = self.inFlight
        guard let duration = TimeValue.seconds(self.duration) else { throw LoadError.usage("--duration: not a duration: \(self.duration)") }
        guard let warmup = TimeValue.seconds(self.warmup) else { throw LoadError.usage("--warmup: not a duration: \(self.warmup)") }
        plan.durationSeconds = duration
        plan.warmupSeconds = warmup
        plan.rate = self.rate
        plan.threads = self.threads
        plan.serverPID = self.serverPid
        plan.variants = self.variants
        plan.apiKey = self.apiKey
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
