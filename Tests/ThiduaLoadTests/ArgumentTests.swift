import Foundation
import Testing
import ThiduaWire
@testable import thidua_load

@Suite struct ArgumentTests {
    @Test func methodAndDataMakeOneEntry() throws {
        let command = try LoadCommand.parse([
            "--port", "9000", "--connections", "4", "--in-flight", "16", "--duration", "1.5s", "--warmup", "250ms",
            "--method", Methods.Host.Echo.unary.path, "--data", #"{"payload":"AA=="}"#, "--slo", "p99=2ms",
            "--timeout", "2s", "--metadata", "idempotency-key=k1",
        ])
        let plan = try command.makePlan()
        #expect(plan.port == 9000)
        #expect(plan.connections == 4)
        #expect(plan.inFlight == 16)
        #expect(plan.durationSeconds == 1.5)
        #expect(plan.warmupSeconds == 0.25)
        #expect(plan.rate == nil)
        #expect(plan.entries == [MethodMixEntry(method: Methods.Host.Echo.unary.path, weight: 1, json: #"{"payload":"AA=="}"#)])
        #expect(plan.objectives.map(\.text) == ["p99=2ms"])
        #expect(plan.timeoutMilliseconds == 2000)
        #expect(plan.metadata == ["idempotency-key": "k1"])
        try plan.validate()
    }

    @Test func serverKeyFileAndDrainAsTheCLITakesThem() throws {
        let keyFile = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-load-key-\(UUID().uuidString)")
        try Data("thd_kexample_secret\n".utf8).write(to: keyFile)
        defer { try? FileManager.default.removeItem(at: keyFile) }
        let plan = try LoadCommand.parse([
            "--server", "[::1]:9001", "--api-key-file", keyFile.path, "--drain", "750ms", "--method", Methods.Host.Echo.unary.path,
        ]).makePlan()
        #expect(plan.host == "::1")
        #expect(plan.port == 9001)
        #expect(plan.apiKey == "thd_kexample_secret")
        #expect(plan.drainSeconds == 0.75)
        #expect(try LoadCommand.parse(["--api-key", "k", "--api-key-file", keyFile.path, "--method", "a.B/C"]).makePlan().apiKey == "k")
        #expect(throws: LoadError.self) { try LoadCommand.parse(["--server", "localhost", "--method", "a.B/C"]).makePlan() }
        #expect(throws: LoadError.self) { try LoadCommand.parse(["--drain", "later", "--method", "a.B/C"]).makePlan() }
    }

    @Test func mixEntriesKeepTheirJSONWhole() throws {
        let entry = try MethodMixEntry(parsing: #"3:thidua.host.v1.Echo/Unary:{"payload":"AA==","delayMs":1}"#)
        #expect(entry.weight == 3)
        #expect(entry.method == Methods.Host.Echo.unary.path)
        #expect(entry.service == "thidua.host.v1.Echo")
        #expect(entry.methodName == "Unary")
        #expect(entry.json == #"{"payload":"AA==","delayMs":1}"#)
        #expect(try MethodMixEntry(parsing: "1:thidua.host.v1.Health/Check").json == "{}")
    }

    @Test(arguments: ["0:a.B/C", "x:a.B/C", "2", "2:nomethod", "2:a.B/"])
    func badMixEntriesAreRefused(_ text: String) {
        #expect(throws: LoadError.self) { try MethodMixEntry(parsing: text) }
    }

    @Test func openLoopAndBadPlans() throws {
        let open = try LoadCommand.parse(["--rate", "5000", "--mix", "1:a.B/C", "--mix", "2:a.B/D"]).makePlan()
        #expect(open.rate == 5000)
        #expect(open.entries.map(\.weight) == [1, 2])
        #expect(throws: LoadError.self) { try LoadCommand.parse(["--method", "a.B/C", "--mix", "1:a.B/C"]).makePlan() }
        #expect(throws: LoadError.self) { try LoadCommand.parse([]).makePlan().validate() }
        #expect(throws: LoadError.self) { try LoadCommand.parse(["--method", "a.B/C", "--connections", "0"]).makePlan().validate() }
        #expect(throws: LoadError.self) { try LoadCommand.parse(["--method", "a.B/C", "--duration", "soon"]).makePlan() }
    }

    @Test func timeValues() {
        #expect(TimeValue.nanoseconds("2ms") == 2_000_000)
        #expect(TimeValue.nanoseconds("500us") == 500_000)
        #expect(TimeValue.nanoseconds("1.5µs") == 1_500)
        #expect(TimeValue.nanoseconds("800ns") == 800)
        #expect(TimeValue.nanoseconds("3s") == 3_000_000_000)
        #expect(TimeValue.nanoseconds("3") == nil)
        #expect(TimeValue.nanoseconds("fast") == nil)
        #expect(TimeValue.seconds("10") == 10)
        #expect(TimeValue.seconds("100ms") == 0.1)
        #expect(TimeValue.describe(nanoseconds: 96_400) == "96.4 µs")
        #expect(TimeValue.describe(nanoseconds: 1_234_000) == "1.23 ms")
    }
}
