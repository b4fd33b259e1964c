import EchoLoadKit
import Foundation

/// The reports of one comparison run, and how they are printed.
struct ResultTable {
    private(set) var reports: [String: [String: LoadReport]] = [:]
    private var order: [String] = []

    mutating func add(system: String, scenario: String, report: LoadReport) {
        if self.reports[system] == nil { self.order.append(system) }
        self.reports[system, default: [:]][scenario] = report
    }

    /// One row per system and scenario.
    func render() -> String {
        var lines = [
            "system  sc  conns  in-flight     req/s    p50 µs    p99 µs  p99.9 µs  server µs/req  client µs/req  errors",
        ]
        for system in self.order {
            for (scenario, report) in self.reports[system, default: [:]].sorted(by: { $0.key < $1.key }) {
                let errors = report.statuses.filter { $0.key != "OK" }.values.reduce(0, +)
                lines.append(
                    pad(system, 6) + "  " + pad(scenario, 2) + "  " + pad("\(report.connections)", 5, right: true)
                        + "  " + pad("\(report.connections * report.inFlightPerConnection)", 9, right: true)
                        + "  " + pad(format(report.achievedRate, 0), 8, right: true)
                        + "  " + pad(format(report.latencyMicros.p50, 1), 8, right: true)
                        + "  " + pad(format(report.latencyMicros.p99, 1), 8, right: true)
                        + "  " + pad(format(report.latencyMicros.p999, 1), 8, right: true)
                        + "  " + pad(report.server.map { format($0.microsPerRequest, 2) } ?? "-", 13, right: true)
                        + "  " + pad(format(report.client.microsPerRequest, 2), 13, right: true)
                        + "  " + pad("\(errors)", 6, right: true)
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// thidua against the bare echo and gRPC, and the goals of issue 6.
    func renderRatios() -> String {
        var lines = ["", "ratios (same run):"]
        for scenario in ["A", "B", "C"] {
            guard let thidua = self.reports["thidua"]?[scenario] else { continue }
            var parts = ["  \(scenario):"]
            if let nio = self.reports["nio"]?[scenario] {
                parts.append("thidua/nio req/s \(format(thidua.achievedRate / nio.achievedRate, 3))")
                parts.append("p50 thidua/nio \(format(thidua.latencyMicros.p50 / nio.latencyMicros.p50, 2))×")
            }
            if let grpc = self.reports["grpc"]?[scenario] {
                parts.append("thidua/grpc req/s \(format(thidua.achievedRate / grpc.achievedRate, 1))×")
            }
            lines.append(parts.joined(separator: "  "))
        }
        lines.append("goals:")
        for scenario in ["B", "C"] {
            if let thidua = self.reports["thidua"]?[scenario], let nio = self.reports["nio"]?[scenario] {
                let ratio = thidua.achievedRate / nio.achievedRate
                lines.append("  \(scenario) req/s ≥ 50% of bare NIO: \(format(ratio * 100, 1))% \(ratio >= 0.5 ? "met" : "MISSED")")
            }
            if let cpu = self.reports["thidua"]?[scenario]?.server?.microsPerRequest {
                lines.append("  \(scenario) server CPU ≤ 3 µs/req: \(format(cpu, 2)) µs \(cpu <= 3 ? "met" : "MISSED")")
            }
        }
        if let thidua = self.reports["thidua"]?["A"], let nio = self.reports["nio"]?["A"] {
            let ratio = thidua.latencyMicros.p50 / nio.latencyMicros.p50
            lines.append("  A p50 within 1.2× bare NIO: \(format(ratio, 2))× \(ratio <= 1.2 ? "met" : "MISSED")")
        }
        return lines.joined(separator: "\n")
    }

    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self.reports)
    }
}

private func format(_ value: Double, _ decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}
