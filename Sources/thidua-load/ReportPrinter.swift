/// The human summary of a ``LoadReport``.
enum ReportPrinter {
    static func render(_ report: LoadReport) -> String {
        var lines: [String] = []
        let ended = report.statuses.values.reduce(0, +)
        if ended == 0 {
            lines.append("NO CALL ENDED in the measured interval or its drain: nothing was measured")
        } else if report.failed > 0 {
            let failures = report.statuses.filter { $0.key != "OK" }.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }
            let allowed = report.slo.contains { $0.objective.lowercased().hasPrefix("errors") }
            lines.append(
                "ERRORS     \(report.failed) of \(ended) calls failed (\(format(report.errorPercent, 1))%): \(failures.joined(separator: ", "))"
                    + (allowed ? "" : "; no --slo errors= allows them, so the run fails")
            )
        }
        let shape = "\(report.connections) connection\(report.connections == 1 ? "" : "s") × \(report.inFlightPerConnection) in flight"
        if let target = report.targetRate {
            lines.append("open loop at \(format(target, 0)) req/s, \(shape), \(format(report.durationSeconds, 1)) s measured after \(format(report.warmupSeconds, 1)) s warm-up")
            let share = target > 0 ? report.achievedRate / target * 100 : 0
            lines.append("rate       \(format(report.achievedRate, 0)) req/s achieved of \(format(target, 0)) targeted (\(format(share, 1))%)")
        } else {
            lines.append("closed loop, \(shape), \(format(report.durationSeconds, 1)) s measured after \(format(report.warmupSeconds, 1)) s warm-up")
            lines.append("rate       \(format(report.achievedRate, 0)) req/s")
        }
        lines.append("calls      \(report.completed) completed of \(report.sent) sent in the measured interval")
        if report.drained + report.cutOff > 0 {
            lines.append("drain      \(report.drained) answered after the interval (not in the rate), \(report.cutOff) unanswered at its end (UNAVAILABLE)")
        }
        lines.append("statuses   " + report.statuses.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        lines.append("latency    " + self.latency(report.latencyMicros))
        if report.methods.count > 1 {
            for method in report.methods {
                lines.append("  \(method.method): \(method.completed) calls; " + self.latency(method.latencyMicros))
            }
        }
        lines.append("client CPU \(format(report.client.microsPerRequest, 2)) µs/req (\(format(report.client.percentOfOneCore, 0))% of one core)")
        if let server = report.server {
            lines.append("server CPU \(format(server.microsPerRequest, 2)) µs/req (\(format(server.percentOfOneCore, 0))% of one core)")
        }
        for objective in report.slo {
            let unit = objective.objective.lowercased().hasPrefix("errors") ? "%" : " µs"
            lines.append("SLO \(objective.objective): \(format(objective.actual, 1))\(unit) — \(objective.met ? "met" : "MISSED")")
        }
        return lines.joined(separator: "\n")
    }

    private static func latency(_ latency: LoadReport.Latency) -> String {
        [("p50", latency.p50), ("p90", latency.p90), ("p99", latency.p99), ("p99.9", latency.p999), ("max", latency.max)]
            .map { "\($0.0) \(TimeValue.describe(nanoseconds: $0.1 * 1000))" }
            .joined(separator: "  ")
    }
}
