import Foundation
import Logging
import NIOCore
import ThiduaStorage

/// Every setting of ``ServerConfiguration`` that the configuration file and the environment can
/// give, declared once: its key in the file ("port", "limits.maxFrameBytes"), from which its
/// environment variable is named ("THIDUA_PORT", "THIDUA_MAX_FRAME_BYTES"), and how its value is
/// read. An unknown key in the file stops the server, naming the nearest known one.
enum ServerSettings {
    /// One setting.
    struct Setting {
        let key: String
        let apply: (inout ServerConfiguration, SettingValue) throws -> Void

        /// `THIDUA_` and the key's last part in upper snake case: "limits.maxFrameBytes" is
        /// THIDUA_MAX_FRAME_BYTES.
        var environmentName: String {
            let name = self.key.split(separator: ".").last.map(String.init) ?? self.key
            var snake = ""
            for character in name {
                if character.isUppercase { snake += "_" }
                snake += character.uppercased()
            }
            return "THIDUA_" + snake
        }
    }

    /// A JSON value of the configuration file.
    enum JSONValue: Decodable {
        case bool(Bool)
        case integer(Int64)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])
        case null

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([JSONValue].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: JSONValue].self))
            }
        }
    }

    /// A value as the file or the environment wrote it, with where it comes from for errors.
    struct SettingValue {
        enum Raw {
            case json(JSONValue)
            case text(String)
        }

        let raw: Raw
        /// "config.json: limits.maxFrameBytes" or "THIDUA_MAX_FRAME_BYTES".
        let source: String

        func string() throws -> String {
            switch self.raw {
            case .text(let text): return text
            case .json(.string(let text)): return text
            case .json: throw self.error("must be a string")
            }
        }

        func integer() throws -> Int64 {
            switch self.raw {
            case .text(let text):
                guard let value = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                    throw self.error("must be a whole number; got \"\(text)\"")
                }
                return value
            case .json(.integer(let value)): return value
            case .json: throw self.error("must be a whole number")
            }
        }

        func int() throws -> Int {
            Int(try self.integer())
        }

        /// A JSON array of strings, or a comma-separated list in the environment.
        func strings() throws -> [String] {
            switch self.raw {
            case .text(let text):
                return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            case .json(let value):
                guard case .array(let list) = value else { throw self.error("must be a list of strings") }
                return try list.map { item in
                    guard case .string(let text) = item else { throw self.error("must be a list of strings") }
                    return text
                }
            }
        }

        func error(_ problem: String) -> ConfigurationError {
            ConfigurationError("\(self.source) \(problem)")
        }
    }

    private static func string(_ key: String, _ path: WritableKeyPath<ServerConfiguration, String>) -> Setting {
        Setting(key: key) { configuration, value in configuration[keyPath: path] = try value.string() }
    }

    private static func int(_ key: String, _ path: WritableKeyPath<ServerConfiguration, Int>) -> Setting {
        Setting(key: key) { configuration, value in configuration[keyPath: path] = try value.int() }
    }

    private static func milliseconds(_ key: String, _ path: WritableKeyPath<ServerConfiguration, TimeAmount>) -> Setting {
        Setting(key: key) { configuration, value in configuration[keyPath: path] = .milliseconds(try value.integer()) }
    }

    /// Every setting, in the order the README lists them.
    static var all: [Setting] {
        [
            Self.string("host", \.host),
            Self.int("port", \.port),
            Self.string("dataDir", \.dataDirectory),
            Setting(key: "modules") { configuration, value in configuration.enabledModules = try value.strings() },
            Self.int("limits.maxFrameBytes", \.limits.maxFrameBytes),
            Self.int("limits.maxConcurrentCalls", \.limits.maxConcurrentCalls),
            Self.int("limits.maxConnections", \.limits.maxConnections),
            Self.milliseconds("limits.handshakeTimeoutMs", \.limits.handshakeTimeout),
            Self.milliseconds("limits.frameTimeoutMs", \.limits.frameTimeout),
            Self.milliseconds("limits.idleTimeoutMs", \.limits.idleTimeout),
            Self.milliseconds("limits.writeStallTimeoutMs", \.limits.writeStallTimeout),
            Self.int("limits.maxRequestBytesInFlight", \.limits.maxRequestBytesInFlight),
            Self.int("limits.maxServerRequestBytesInFlight", \.limits.maxServerRequestBytesInFlight),
            Self.int("limits.healthConnections", \.limits.healthConnections),
            Self.milliseconds("drainTimeoutMs", \.drainTimeout),
            Setting(key: "durability") { configuration, value in
                let text = try value.string()
                guard let durability = Durability(rawValue: text) else {
                    throw value.error("must be \"full\" or \"normal\"; got \"\(text)\"")
                }
                configuration.durability = durability
            },
            Self.int("maxBatchedWrites", \.maxBatchedWrites),
            Self.string("rootUnitName", \.rootUnitName),
            Setting(key: "rootFoundedOn") { configuration, value in
                configuration.rootFoundedOn = try ServerConfiguration.date(try value.string(), setting: value.source)
            },
            Setting(key: "logLevel") { configuration, value in
                let text = try value.string()
                guard let level = Logger.Level(rawValue: text) else {
                    let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
                    throw value.error("must be one of \(levels); got \"\(text)\"")
                }
                configuration.logLevel = level
            },
            Setting(key: "logFormat") { configuration, value in
                let text = try value.string()
                guard let format = LogFormat(rawValue: text) else {
                    throw value.error("must be \"text\" or \"json\"; got \"\(text)\"")
                }
                configuration.logFormat = format
            },
        ]
    }

    /// The known key nearest to `key` by edit distance, if it is near enough to be a slip.
    static func nearestKey(to key: String) -> String? {
        let candidates = Self.all.map(\.key)
        let scored = candidates.map { candidate -> (String, Int) in
            // A key inside "limits" may also be written at the top by mistake: compare both ways.
            let last = String(candidate.split(separator: ".").last ?? "")
            return (candidate, min(editDistance(key.lowercased(), candidate.lowercased()), editDistance(key.lowercased(), last.lowercased())))
        }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }

    /// Levenshtein distance.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}

extension ServerConfiguration {
    /// Applies the settings of a JSON configuration file on top of this configuration. Every key
    /// is optional; a key that is not a setting stops the server with the nearest one.
    ///
    /// ```json
    /// { "host": "0.0.0.0", "port": 7878, "dataDir": "/var/lib/thidua",
    ///   "modules": ["innovation", "dialogue"],
    ///   "limits": { "maxFrameBytes": 4194304, "maxConcurrentCalls": 256, "maxConnections": 16384,
    ///               "handshakeTimeoutMs": 5000, "frameTimeoutMs": 10000, "idleTimeoutMs": 300000,
    ///               "writeStallTimeoutMs": 30000, "maxRequestBytesInFlight": 8388608,
    ///               "maxServerRequestBytesInFlight": 67108864, "healthConnections": 16 },
    ///   "drainTimeoutMs": 30000, "durability": "full", "maxBatchedWrites": 512,
    ///   "rootUnitName": "Liên đoàn Lao động tỉnh Thanh Hóa", "rootFoundedOn": "1946-01-01",
    ///   "logLevel": "info", "logFormat": "json" }
    /// ```
    public mutating func apply(jsonFile path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigurationError("cannot read the configuration file \(path): \(error.localizedDescription)")
        }
        let root: [String: ServerSettings.JSONValue]
        do {
            root = try JSONDecoder().decode([String: ServerSettings.JSONValue].self, from: data)
        } catch {
            throw ConfigurationError("\(path) must hold one JSON object of settings: \(error)")
        }
        var values: [(key: String, value: ServerSettings.JSONValue)] = []
        for (key, value) in root.sorted(by: { $0.key < $1.key }) {
            if key == "limits" {
                guard case .object(let limits) = value else {
                    throw ConfigurationError("\(path): limits must be an object of limits")
                }
                values += limits.sorted(by: { $0.key < $1.key }).map { ("limits.\($0.key)", $0.value) }
            } else {
                values.append((key, value))
            }
        }
        let settings = Dictionary(uniqueKeysWithValues: ServerSettings.all.map { ($0.key, $0) })
        let unknown = values.map(\.key).filter { settings[$0] == nil }.map { key in
            "unknown setting \"\(key)\"" + (ServerSettings.nearestKey(to: key).map { "; did you mean \"\($0)\"?" } ?? "")
        }
        guard unknown.isEmpty else {
            throw ConfigurationError("\(path): \(unknown.joined(separator: "; ")) (README.md, \"Configuration\", lists the settings)")
        }
        for (key, value) in values {
            try settings[key]!.apply(&self, .init(raw: .json(value), source: "\(path): \(key)"))
        }
    }

    /// Applies the `THIDUA_*` variables of `environment` that name a setting, on top of this
    /// configuration. Returns a warning for each other `THIDUA_` variable whose name is near a
    /// setting's: other tools read variables of that prefix, so they are not refused.
    @discardableResult
    public mutating func apply(environment: [String: String]) throws -> [String] {
        let settings = ServerSettings.all
        let names = Set(settings.map(\.environmentName))
        for setting in settings {
            if let text = environment[setting.environmentName] {
                try setting.apply(&self, .init(raw: .text(text), source: setting.environmentName))
            }
        }
        return environment.keys.sorted().filter { $0.hasPrefix("THIDUA_") && !names.contains($0) }.compactMap { name in
            let nearest = names.min { ServerSettings.editDistance(name, $0) < ServerSettings.editDistance(name, $1) }
            guard let nearest, ServerSettings.editDistance(name, nearest) <= 2 else { return nil }
            return "\(name) is not a setting of thidua-server; did you mean \(nearest)?"
        }
    }
}
