import ArgumentParser
import EchoLoadKit
import Foundation

/// Measures thidua's `Echo/Unary` against a bare SwiftNIO length-prefixed echo and a grpc-swift-2
/// unary echo, in one run on one machine, with 64-byte payloads and scenarios A, B and C; prints a
/// table, the ratios and the goals of docs/PERFORMANCE.md.
@main
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Side-by-side load comparison: bare NIO echo, grpc-swift-2 echo, thidua Echo/Unary."
    )

    @Option(help: "Folder holding thidua-server and thidua-load (release build).") var thiduaBin: String
    @Option(help: "Folder holding nio-echo-* and grpc-echo-* (release build).") var benchBin: String
    @Option(help: "Measured seconds per scenario.") var duration = 10.0
    @Option(help: "Warm-up seconds per scenario, not measured.") var warmup = 2.0
    @Option(help: "Payload bytes.") var payloadBytes = 64
    @Option(help: "Systems to run, comma-separated: nio, grpc, thidua.") var systems = "nio,grpc,thidua"
    @Option(help: "Scenarios to run, comma-separated: A, B, C.") var scenarios = "A,B,C"
    @Option(help: "Also write every report as JSON to this file.") var jsonOut: String?
    @Option(help: "Idle connections to hold against thidua-server; 0 skips the check.") var idleConnections = 0

    func run() throws {
        let payloadBase64 = Data(repeating: 0x2a, count: self.payloadBytes).base64EncodedString()
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-compare-\(getpid())").path
        let all = [
            System(
                name: "nio", serverPath: "\(self.benchBin)/nio-echo-server", serverArguments: ["--port", "0"],
                clientPath: "\(self.benchBin)/nio-echo-load", clientArguments: ["--payload-bytes", "\(self.payloadBytes)"]
            ),
            System(
                name: "grpc", serverPath: "\(self.benchBin)/grpc-echo-server", serverArguments: ["--port", "0"],
                clientPath: "\(self.benchBin)/grpc-echo-load", clientArguments: ["--payload-bytes", "\(self.payloadBytes)"]
            ),
            System(
                name: "thidua", serverPath: "\(self.thiduaBin)/thidua-server",
                serverArguments: ["--port", "0", "--data-dir", dataDirectory, "--log-level", "warning"],
                clientPath: "\(self.thiduaBin)/thidua-load",
                clientArguments: ["--method", "thidua.host.v1.Echo/Unary", "--data", "{\"payload\":\"\(payloadBase64)\"}", "--json"]
            ),
        ]
        let wantedSystems = self.systems.split(separator: ",").map(String.init)
        let wantedScenarios = self.scenarios.split(separator: ",").map(String.init)
        var results = ResultTable()
        for system in all where wantedSystems.contains(system.name) {
            let server = try ServerProcess(path: system.serverPath, arguments: system.serverArguments)
            defer { server.stop() }
            for scenario in Scenario.all where wantedScenarios.contains(scenario.name) {
                let arguments = [
                    "--port", "\(server.port)",
                    "--connections", "\(scenario.connections)",
                    "--in-flight", "\(scenario.inFlightPerConnection)",
                    "--duration", "\(self.duration)",
                    "--warmup", "\(self.warmup)",
                    "--server-pid", "\(server.pid)",
                ] + system.clientArguments
                FileHandle.standardError.write(Data("running \(system.name) \(scenario.name)…\n".utf8))
                let report = try ClientRun.run(path: system.clientPath, arguments: arguments)
                results.add(system: system.name, scenario: scenario.name, report: report)
            }
        }
        var idle: IdleCheck.Result?
        if self.idleConnections > 0, let thidua = all.first(where: { $0.name == "thidua" }) {
            FileHandle.standardError.write(Data("holding \(self.idleConnections) idle connections…\n".utf8))
            idle = try IdleCheck.run(
                count: self.idleConnections, serverPath: thidua.serverPath, serverArguments: thidua.serverArguments,
                holderPath: "\(self.benchBin)/idle-hold"
            )
        }
        try? FileManager.default.removeItem(atPath: dataDirectory)
        print(results.render())
        print(results.renderRatios())
        if let idle {
            let met = idle.residentHeldMB < 300
            print(
                "  \(idle.connections) idle connections: thidua-server resident \(String(format: "%.1f", idle.residentHeldMB)) MB "
                    + "(\(String(format: "%.1f", idle.residentBeforeMB)) MB before); goal < 300 MB \(met ? "met" : "MISSED")"
            )
        }
        if let jsonOut = self.jsonOut {
            try results.json().write(to: URL(fileURLWithPath: jsonOut))
        }
    }
}
