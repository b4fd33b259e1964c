import Foundation
import Testing
import ThiduaHost
import ThiduaModuleKit

/// Settings read from the JSON configuration file and the environment.
@Suite struct ServerConfigurationTests {
    func configuration(from json: String) throws -> ServerConfiguration {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-config-\(UUID().uuidString).json")
        try Data(json.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var configuration = ServerConfiguration()
        try configuration.apply(jsonFile: file.path)
        return configuration
    }

    /// The root unit's start date: 28 July 1929 unless the file says otherwise, and only a real
    /// date written YYYY-MM-DD.
    @Test func theRootsFoundingDateIsASettingWithTheTradeUnionsFoundingDayAsDefault() throws {
        #expect(ServerConfiguration().rootFoundedOn == CalendarDate(year: 1929, month: 7, day: 28))
        #expect(try self.configuration(from: #"{"port": 7000}"#).rootFoundedOn.description == "1929-07-28")
        #expect(try self.configuration(from: #"{"rootFoundedOn": "1946-01-01"}"#).rootFoundedOn.description == "1946-01-01")
        for bad in [#""28/07/1929""#, #""1929-02-30""#, "1929"] {
            #expect {
                _ = try self.configuration(from: "{\"rootFoundedOn\": \(bad)}")
            } throws: { error in
                "\(error)".contains("rootFoundedOn")
            }
        }
    }

    /// The error a configuration file is refused with.
    func refusal(_ json: String) -> String {
        do {
            _ = try self.configuration(from: json)
            return ""
        } catch {
            return "\(error)"
        }
    }

    @Test func anUnknownKeyIsRefusedWithTheNearestSetting() {
        #expect(self.refusal(#"{"prot": 7000}"#).contains(#"unknown setting "prot"; did you mean "port"?"#), "\(self.refusal(#"{"prot": 7000}"#))")
        #expect(self.refusal(#"{"limits": {"maxConection": 5}}"#).contains(#"unknown setting "limits.maxConection"; did you mean "limits.maxConnections"?"#))
        // A limit written at the top, outside "limits", is pointed to its place.
        #expect(self.refusal(#"{"maxFrameBytes": 65536}"#).contains(#"did you mean "limits.maxFrameBytes"?"#))
        // Every unknown key at once, not one per start.
        let both = self.refusal(#"{"prot": 7000, "limits": {"maxConection": 5}}"#)
        #expect(both.contains(#""prot"; did you mean "port"?"#) && both.contains(#""limits.maxConection"; did you mean"#), "\(both)")
        // Nothing near: no guess.
        let far = self.refusal(#"{"telemetry": true}"#)
        #expect(far.contains(#"unknown setting "telemetry""#) && !far.contains("did you mean"), "\(far)")
    }

    @Test func valuesOfTheWrongTypeNameTheirSetting() {
        #expect(self.refusal(#"{"port": "7000"}"#).contains("port must be a whole number"))
        #expect(self.refusal(#"{"port": 7000.5}"#).contains("port must be a whole number"))
        #expect(self.refusal(#"{"limits": {"maxFrameBytes": true}}"#).contains("limits.maxFrameBytes must be a whole number"))
        #expect(self.refusal(#"{"modules": "innovation"}"#).contains("modules must be a list of strings"))
        #expect(self.refusal(#"{"logLevel": "loud"}"#).contains("logLevel must be one of trace, debug, info"))
        #expect(self.refusal(#"[1, 2]"#).contains("must hold one JSON object of settings"))
    }

    @Test func theLogLevelIsASetting() throws {
        #expect(ServerConfiguration().logLevel == .info)
        #expect(try self.configuration(from: #"{"logLevel": "debug"}"#).logLevel == .debug)
    }

    @Test func everySettingIsAlsoAnEnvironmentVariable() throws {
        var configuration = ServerConfiguration()
        let warnings = try configuration.apply(environment: [
            "THIDUA_PORT": "7001",
            "THIDUA_DATA_DIR": "/var/lib/thidua",
            "THIDUA_MODULES": "innovation, dialogue",
            "THIDUA_MAX_FRAME_BYTES": "65536",
            "THIDUA_IDLE_TIMEOUT_MS": "1500",
            "THIDUA_DURABILITY": "normal",
            "THIDUA_LOG_LEVEL": "warning",
            "THIDUA_ROOT_FOUNDED_ON": "1946-01-01",
            "THIDUA_PROT": "7002",
            "THIDUA_SERVER_BIN": "/usr/bin/thidua-server",
            "PORT": "1",
        ])
        #expect(configuration.port == 7001)
        #expect(configuration.dataDirectory == "/var/lib/thidua")
        #expect(configuration.enabledModules == ["innovation", "dialogue"])
        #expect(configuration.limits.maxFrameBytes == 65536)
        #expect(configuration.limits.idleTimeout == .milliseconds(1500))
        #expect(configuration.durability == .normal)
        #expect(configuration.logLevel == .warning)
        #expect(configuration.rootFoundedOn.description == "1946-01-01")
        // Other tools read THIDUA_ variables too: a slip near a setting is a warning, not a refusal.
        #expect(warnings == ["THIDUA_PROT is not a setting of thidua-server; did you mean THIDUA_PORT?"])

        var bad = ServerConfiguration()
        #expect {
            try bad.apply(environment: ["THIDUA_MAX_BATCHED_WRITES": "many"])
        } throws: { error in
            "\(error)" == #"THIDUA_MAX_BATCHED_WRITES must be a whole number; got "many""#
        }
    }
}
