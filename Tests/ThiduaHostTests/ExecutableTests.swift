import Foundation
import Testing
import ThiduaClient
import ThiduaWire

/// A built executable of this package, run as a user would.
struct Executable {
    let url: URL

    init(_ name: String) throws {
        // Test binaries sit next to the package's executables in the build folder.
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let candidates = [folder, folder.deletingLastPathComponent()].map { $0.appendingPathComponent(name) }
        guard let url = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw ExecutableMissing(name: name, searched: candidates.map(\.path))
        }
        self.url = url
    }

    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs to completion and returns what it printed.
    func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> Outcome {
        let child = try ChildProcess(self.url, arguments: arguments, environment: environment)
        async let out = readToEnd(child.stdout)
        async let err = readToEnd(child.stderr!)
        let status = await child.status()
        return Outcome(status: status, stdout: await out, stderr: await err)
    }
}

/// Reads a pipe to its end on a Dispatch thread, so the blocking reads never hold one of Swift
/// concurrency's few threads.
func readToEnd(_ handle: FileHandle) async -> String {
    await withCheckedContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(returning: String(decoding: handle.readDataToEndOfFile(), as: UTF8.self))
        }
    }
}

struct ExecutableMissing: Error, CustomStringConvertible {
    let name: String
    let searched: [String]
    var description: String { "\(self.name) is not built; looked in \(self.searched)" }
}

/// `thidua-server` running as its own process.
final class ServerProcess: Sendable {
    let address: String
    let dataDirectory: URL
    private let child: ChildProcess

    /// - Parameters:
    ///   - dataDirectory: the data folder; a new temporary one by default. Either way
    ///     ``terminate()`` removes it.
    ///   - keepingLog: whether to keep what the server writes on stderr, for ``terminateReadingLog()``.
    init(arguments: [String] = [], environment: [String: String] = [:], dataDirectory: URL? = nil, keepingLog: Bool = false) async throws {
        self.dataDirectory = dataDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("thidua-proc-\(UUID().uuidString)")
        self.child = try ChildProcess(
            try Executable("thidua-server").url,
            arguments: ["--host", "127.0.0.1", "--port", "0", "--data-dir", self.dataDirectory.path] + arguments,
            environment: environment,
            keepStderr: keepingLog
        )
        let reader = self.child.stdout
        let line: String = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes = Data()
                while true {
                    let chunk = reader.readData(ofLength: 1)
                    if chunk.isEmpty || chunk == Data("\n".utf8) { break }
                    bytes.append(chunk)
                }
                continuation.resume(returning: String(decoding: bytes, as: UTF8.self))
            }
        }
        self.address = line.hasPrefix("listening on ") ? String(line.dropFirst("listening on ".count)) : ""
        if self.address.isEmpty {
            self.child.terminate()
            throw ExecutableMissing(name: "a listening line from thidua-server", searched: [line])
        }
    }

    var pid: pid_t { self.child.pid }
    var host: String { String(self.address.split(separator: ":").first ?? "") }
    var port: Int { Int(self.address.split(separator: ":").last ?? "") ?? 0 }

    /// The admin key the server wrote on its first start.
    var adminKey: String {
        get throws {
            try String(contentsOf: self.dataDirectory.appendingPathComponent("admin.key"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    }

    /// The server's resident memory, from /proc.
    func residentBytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(self.pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "")
        else { throw ExecutableMissing(name: "VmRSS of \(self.pid)", searched: [status]) }
        return kibibytes * 1024
    }

    /// Sends SIGTERM and returns the exit status and everything the server wrote on stderr; the
    /// server must have been started `keepingLog`.
    func terminateReadingLog() async -> (status: Int32, log: String) {
        self.child.terminate()
        async let log = readToEnd(self.child.stderr!)
        _ = await readToEnd(self.child.stdout)
        let status = await self.child.status()
        try? FileManager.default.removeItem(at: self.dataDirectory)
        return (status, await log)
    }

    /// Sends SIGTERM and returns the exit status and anything more it printed on stdout.
    func terminate() async -> (status: Int32, laterOutput: String) {
        self.child.terminate()
        let rest = await readToEnd(self.child.stdout)
        let status = await self.child.status()
        try? FileManager.default.removeItem(at: self.dataDirectory)
        return (status, rest)
    }
}

@Suite(.serialized) struct ExecutableTests {
    @Test func serverAnnouncesItselfServesTheCLIAndDrainsOnSIGTERM() async throws {
        let server = try await ServerProcess()
        #expect(server.address.hasPrefix("127.0.0.1:"))
        let cli = try Executable("thidua")
        let at = ["--server", server.address]

        let health = try await cli.run(["health"] + at)
        #expect(health.status == 0)
        #expect(health.stdout == "{\"status\":\"SERVING\"}\n")

        let before = try await cli.run(at + ["services"])
        #expect(before.stdout.split(separator: "\n").prefix(5) == [
            "thidua.host.v1.Health", "thidua.host.v1.Reflection", "thidua.host.v1.ServerInfo", "thidua.host.v1.Echo",
            "thidua.core.v1.Keys",
        ])

        // With --methods, each method and the permission it needs, as the server enforces it.
        let key = try server.adminKey
        let listed = try await cli.run(at + ["--api-key", key, "services", "--methods"])
        let lines = listed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("  thidua.core.v1.Units/CreateUnit ") && $0.hasSuffix("  needs units.write") }, "\(listed.stdout)")
        #expect(lines.contains { $0.hasPrefix("  thidua.innovation.v1.Initiatives/FileInitiative ") && $0.hasSuffix("  needs innovation.file") })
        #expect(lines.contains { $0.hasPrefix("  thidua.host.v1.Health/Check ") && $0.hasSuffix("  no permission") })

        let describe = try await cli.run(["describe", "thidua.host.v1.Echo"] + at)
        #expect(describe.stdout.contains("rpc Stream(thidua.host.v1.EchoStreamRequest) returns (stream thidua.host.v1.EchoReply);"))
        #expect(describe.stdout.contains("uint32 delay_ms = 2;"))

        let unary = try await cli.run(["call", Methods.Host.Echo.unary.path, "--json", #"{"payload":"Y2jDoG8="}"#, "--compact"] + at)
        #expect(unary.status == 0, "\(unary.stderr)")
        #expect(unary.stdout == "{\"payload\":\"Y2jDoG8=\"}\n")

        let stream = try await cli.run(["call", Methods.Host.Echo.stream.path, "--json", #"{"payload":"eA==","count":3}"#] + at)
        #expect(stream.stdout == String(repeating: "{\"payload\":\"eA==\"}\n", count: 3))

        let refused = try await cli.run(["call", Methods.Host.Echo.unary.path, "--json", #"{"delay_ms":70000}"#] + at)
        #expect(refused.status == 64 + 3)
        #expect(refused.stderr.hasPrefix("INVALID_ARGUMENT: delay_ms is 70000; the most allowed is 60000"))
        #expect(refused.stderr.contains("field delay_ms: rule echo.delay_ms.max"))

        let unknownService = try await cli.run(["call", "thidua.nope.v1.Nope/Do"] + at)
        #expect(unknownService.status == 64 + 5)
        #expect(unknownService.stderr.hasPrefix("NOT_FOUND:"))

        let badJSON = try await cli.run(["call", Methods.Host.Echo.unary.path, "--json", #"{"payloud":"eA=="}"#] + at)
        #expect(badJSON.status == 64)
        #expect(badJSON.stderr.contains(#"unknown field "payloud" in thidua.host.v1.EchoRequest"#))

        let (status, laterOutput) = await server.terminate()
        #expect(status == 0)
        #expect(laterOutput.isEmpty, "exactly one line on stdout")
    }

    @Test func demoDataReproducesTheTrieuSonReport() async throws {
        let server = try await ServerProcess()
        let keyFile = server.dataDirectory.appendingPathComponent("admin.key").path
        let demo = try await Executable("thidua").run(["demo", "--server", server.address, "--api-key-file", keyFile])
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains("grassroots unions: 174 (communes and towns 34, agencies 10, non-state enterprises 27, schools 103)"))
        #expect(demo.stdout.contains("workers: 16479, of whom women 14573"))
        #expect(demo.stdout.contains("union members: 14690, of whom women 12923 (87.9%)"))
        #expect(demo.stdout.contains("7929 initiatives of 1500 planned = 528.6%"), "\(demo.stdout)")
        // The seed's awards: 27 collectives and 66 individuals granted by the core's part, and the
        // two-goods module's Giấy khen of the school year, 26 and 58.
        #expect(demo.stdout.contains("awards of the 2021-2022 school year: 53 to collectives, 124 to individuals"), "\(demo.stdout)")
        #expect(demo.stdout.contains("Giấy khen of the district: 26 collectives, 58 individuals"), "\(demo.stdout)")
        #expect(demo.stdout.contains("Cờ thi đua xuất sắc của LĐLĐ tỉnh, thành phố (province): 1 collective"))
        // Seed 001, Quan Hóa: 14 units registered over 2021-2022, 4 recognised in 2021, 5 proposed for 2022.
        #expect(demo.stdout.contains("2021-2022: 14 units registered, 4 recognised"), "\(demo.stdout)")
        #expect(demo.stdout.contains("2022: 10 units registered, 5 proposed for recognition"), "\(demo.stdout)")
        // Seed 000's "Giỏi việc nước, đảm việc nhà" over five of Triệu Sơn's grassroots unions.
        #expect(demo.stdout.contains("\"Giỏi việc nước, đảm việc nhà\" 2022: 22 registered, 12 recognised, 2 in review, 2 returned"), "\(demo.stdout)")
        #expect(demo.stdout.contains(": 4 registered, 1 recognised, 0 in review, 0 returned"), "\(demo.stdout)")
        // Seed 002, Thanh Xuân: agreements and dialogues in its enterprises.
        #expect(demo.stdout.contains("with a collective agreement in force: 5 (62.5%)"), "\(demo.stdout)")
        #expect(demo.stdout.contains("copies to the labour authority: 0 filed after the 10 days, 0 overdue"), "\(demo.stdout)")
        // Each district's figures sit under its own heading (an unindented line): Triệu Sơn's
        // innovation and two-goods figures under Triệu Sơn, not under the district printed before.
        var sections: [(heading: String, lines: [String])] = []
        for line in demo.stdout.split(separator: "\n").map(String.init) {
            if line.first == " ", !sections.isEmpty { sections[sections.count - 1].lines.append(line) } else { sections.append((line, [])) }
        }
        let headedBy = { (figure: String) in sections.first { $0.lines.contains { $0.contains(figure) } }?.heading ?? "" }
        #expect(headedBy("innovation drive").contains("Triệu Sơn"), "\(demo.stdout)")
        #expect(headedBy("two-goods teaching").contains("Triệu Sơn"), "\(demo.stdout)")
        #expect(headedBy("Giỏi việc nước, đảm việc nhà").contains("Triệu Sơn"), "\(demo.stdout)")
        #expect(headedBy("7929 initiatives of 1500 planned").contains("Triệu Sơn"), "\(demo.stdout)")
        #expect(headedBy("14 units registered, 4 recognised").contains("Quan Hóa"), "\(demo.stdout)")
        #expect(headedBy("with a collective agreement in force").contains("Thanh Xuân"), "\(demo.stdout)")
        let again = try await Executable("thidua").run(["demo", "--server", server.address, "--api-key-file", keyFile])
        #expect(again.status == 0)
        #expect(again.stderr.contains("already loaded"))
        #expect(again.stdout == demo.stdout, "the summary comes from the stored data, not from the loading")
        #expect(await server.terminate().status == 0)
    }

    /// `--log-format json`: every line of the log is one JSON object, and a call's line names the
    /// call, method, status, key and peer. The CLI's `--format-error json` prints the same
    /// refusal as one JSON object too.
    @Test func theLogIsOneJSONObjectALineWithTheCallsFields() async throws {
        let server = try await ServerProcess(arguments: ["--log-format", "json"], keepingLog: true)
        let refused = try await Executable("thidua").run([
            "call", Methods.Core.Units.getUnit.path, "--json", #"{"id":"u999"}"#, "--server", server.address, "--api-key", try server.adminKey,
            "--format-error", "json",
        ])
        #expect(refused.status == 64 + 5)
        let printed = try JSONSerialization.jsonObject(with: Data(refused.stderr.utf8)) as? [String: Any] ?? [:]
        #expect(printed["code"] as? String == "NOT_FOUND", "\(refused.stderr)")
        #expect(printed["status"] as? Int == 5)
        let detail = (printed["details"] as? [[String: Any]])?.first ?? [:]
        #expect(detail["rule"] as? String == "unit.exists")
        #expect(detail["field"] as? String == "id")
        let (status, log) = await server.terminateReadingLog()
        #expect(status == 0)
        let entries = try log.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String], "not a JSON object: \(line)")
        }
        #expect(entries.contains { $0["message"] == "listening" && $0["level"] == "info" && $0["time"]?.hasSuffix("Z") == true })
        let call = try #require(entries.first { $0["message"] == "call refused" })
        #expect(call["method"] == Methods.Core.Units.getUnit.path)
        #expect(call["status"] == "NOT_FOUND")
        #expect(call["reason"]?.contains("u999") == true)
        #expect(call["key"]?.hasPrefix("k") == true)
        #expect(call["peer"]?.contains("127.0.0.1") == true)
        #expect(call["call"] != nil && call["elapsed"] != nil)
        let wrong = try await Executable("thidua-server").run(["--log-format", "xml", "--port", "0"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("unknown log format \"xml\""))
    }

    /// A server that is not there: one line that says so, not SwiftNIO's nested errors.
    @Test func aRefusedConnectionIsOneClearLine() async throws {
        let server = try await ServerProcess()
        let address = server.address
        #expect(await server.terminate().status == 0)
        let refused = try await Executable("thidua").run(["health", "--server", address])
        #expect(refused.status != 0)
        #expect(refused.stderr == "error: cannot connect to \(address): connection refused\n")
        let load = try await Executable("thidua-load").run(["--server", address, "--method", Methods.Host.Health.check.path])
        #expect(load.status == 1)
        #expect(load.stderr == "thidua-load: cannot connect to \(address): connection refused\n")
        let help = try await Executable("thidua").run(["call", "--help"])
        #expect(help.stdout.components(separatedBy: "(default: {})").count == 2, "the default of --json is said once")
    }

    @Test func cliStopsQuietlyWhenItsReaderGoesAway() async throws {
        let server = try await ServerProcess()
        let cli = try Executable("thidua")
        // A stream of 100,000 lines into a pipe whose reader closes at once, as `| head -1` does.
        let child = try ChildProcess(
            cli.url,
            arguments: ["call", Methods.Host.Echo.stream.path, "--json", #"{"payload":"eA==","count":100000}"#, "--server", server.address]
        )
        try child.stdout.close()
        let status = await child.status()
        let errors = await readToEnd(child.stderr!)
        #expect(status == 141, "exit status \(status)")
        #expect(!errors.contains("Fatal error"), "\(errors.prefix(300))")
        #expect(await server.terminate().status == 0)
    }

    @Test func cliWritesRefusalsInTheLanguageItIsGiven() async throws {
        let server = try await ServerProcess()
        let cli = try Executable("thidua")
        let call = ["call", Methods.Host.Echo.unary.path, "--json", #"{"delay_ms":70000}"#, "--server", server.address]
        let vietnamese = try await cli.run(call + ["--lang", "vi"])
        #expect(vietnamese.status == 64 + 3)
        #expect(vietnamese.stderr.hasPrefix("INVALID_ARGUMENT: Độ trễ 70000 ms vượt mức tối đa 60000 ms\n"), "\(vietnamese.stderr)")
        #expect(vietnamese.stderr.contains("field delay_ms: rule echo.delay_ms.max: Độ trễ 70000 ms vượt mức tối đa 60000 ms"))
        let english = try await cli.run(call)
        #expect(english.stderr.hasPrefix("INVALID_ARGUMENT: delay_ms is 70000; the most allowed is 60000"), "\(english.stderr)")
        #expect(await server.terminate().status == 0)
    }

    @Test func serverPrintsItsRuleCatalogue() async throws {
        let rules = try await Executable("thidua-server").run(["rules"])
        #expect(rules.status == 0)
        let voteMajority = rules.stdout.split(separator: "\n").first { $0.hasPrefix("dialogue.vote_majority\t") }
        #expect(voteMajority?.split(separator: "\t").map(String.init) == [
            "dialogue.vote_majority", "FAILED_PRECONDITION",
            "The vote did not pass: {approving} of all {total} employees in favour is not more than {percent}%",
            "Biểu quyết không đạt: {approving} trên tổng số {total} người lao động tán thành, chưa quá {percent}%",
            "Bộ luật Lao động 2019, Điều 76",
        ])
        let markdown = try await Executable("thidua-server").run(["rules", "--markdown"])
        #expect(markdown.stdout.hasPrefix("<!-- Generated from the rule catalogue"))
        #expect(markdown.stdout.contains("| `dialogue.vote_majority` | FAILED_PRECONDITION |"))
    }

    @Test func cliReportsAnUnreachableServer() async throws {
        let outcome = try await Executable("thidua").run(["health", "--server", "127.0.0.1:1"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: cannot connect to 127.0.0.1:1"))
    }

    @Test func configurationFileSetsLimitsAndBadOnesAreRefused() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json")
        try Data(#"{"limits": {"maxFrameBytes": 65536, "maxConcurrentCalls": 8}}"#.utf8).write(to: good)
        let server = try await ServerProcess(arguments: ["--config", good.path])
        let port = try #require(Int(server.address.split(separator: ":").last ?? ""))
        let client = try await ThiduaClient.connect(host: "127.0.0.1", port: port)
        #expect(client.serverHello.limits.maxFrameBytes == 65536)
        #expect(client.serverHello.limits.maxConcurrentCalls == 8)
        await client.close()
        #expect(await server.terminate().status == 0)

        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"limits": {"maxFrameBytes": "big"}}"#.utf8).write(to: bad)
        let refused = try await Executable("thidua-server").run(["--config", bad.path, "--port", "0"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("limits.maxFrameBytes"))

        let outOfRange = try await Executable("thidua-server").run(["--max-frame-bytes", "10", "--port", "0"])
        #expect(outOfRange.status != 0)
        #expect(outOfRange.stderr.contains("maxFrameBytes 10 is outside"))

        let badFlag = try await Executable("thidua-server").run(["--root-founded-on", "1929-02-30", "--port", "0", "--data-dir", folder.path])
        #expect(badFlag.status != 0)
        #expect(badFlag.stderr.contains("--root-founded-on must be a date"), "\(badFlag.stderr)")

        let misspelt = folder.appendingPathComponent("misspelt.json")
        try Data(#"{"prot": 7000, "limits": {"maxConnections": 10}}"#.utf8).write(to: misspelt)
        let unknownKey = try await Executable("thidua-server").run(["--config", misspelt.path, "--data-dir", folder.path])
        #expect(unknownKey.status != 0)
        #expect(unknownKey.stderr.contains(#"unknown setting "prot"; did you mean "port"?"#), "\(unknownKey.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("thidua.sqlite").path), "nothing was created")
    }

    @Test func settingsComeFromTheEnvironmentBetweenTheFileAndTheFlags() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-env-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.json")
        try Data(#"{"limits": {"maxFrameBytes": 65536, "maxConcurrentCalls": 8}}"#.utf8).write(to: file)
        // The environment overrides the file's maxConcurrentCalls; the flag overrides the
        // environment's maxFrameBytes.
        let server = try await ServerProcess(
            arguments: ["--config", file.path, "--max-frame-bytes", "131072"],
            environment: ["THIDUA_MAX_CONCURRENT_CALLS": "16", "THIDUA_MAX_FRAME_BYTES": "32768"]
        )
        let client = try await ThiduaClient.connect(host: "127.0.0.1", port: server.port)
        #expect(client.serverHello.limits.maxConcurrentCalls == 16)
        #expect(client.serverHello.limits.maxFrameBytes == 131072)
        await client.close()
        #expect(await server.terminate().status == 0)

        let refused = try await Executable("thidua-server").run(
            ["--port", "0", "--data-dir", folder.path], environment: ["THIDUA_DURABILITY": "sometimes"]
        )
        #expect(refused.status != 0)
        #expect(refused.stderr.contains(#"THIDUA_DURABILITY must be "full" or "normal"; got "sometimes""#), "\(refused.stderr)")
    }
}
