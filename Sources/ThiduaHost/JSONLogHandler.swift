import Foundation
import Logging
import Synchronization

/// How the server writes its log.
public enum LogFormat: String, Sendable, CaseIterable {
    /// swift-log's text lines, for a person at a terminal.
    case text
    /// One JSON object a line, for a log collector: `time`, `level`, `label`, `message`, and the
    /// metadata as fields (a call's `call`, `method`, `status`, `elapsed`, the connection's
    /// `peer`, `client` and `key`).
    case json
}

/// A swift-log handler that writes each entry to standard error as one JSON object on one line.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        self.logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [String: String] = [:]
        for (key, value) in self.metadata { fields[key] = "\(value)" }
        for (key, value) in event.metadata ?? [:] { fields[key] = "\(value)" }
        // The entry's own fields win over metadata of the same names.
        fields["time"] = Self.timestamp()
        fields["level"] = event.level.rawValue
        fields["label"] = self.label
        fields["message"] = "\(event.message)"
        var line = "{"
        for (index, key) in Self.order(fields.keys).enumerated() {
            if index > 0 { line += "," }
            Self.appendQuoted(key, to: &line)
            line += ":"
            Self.appendQuoted(fields[key]!, to: &line)
        }
        line += "}\n"
        // A log that cannot be written (a full disk) must not stop the server.
        Self.output.withLock { _ in try? FileHandle.standardError.write(contentsOf: Data(line.utf8)) }
    }

    /// The fixed fields first, then the metadata by name.
    private static func order(_ keys: Dictionary<String, String>.Keys) -> [String] {
        let first = ["time", "level", "label", "message"]
        return first + keys.filter { !first.contains($0) }.sorted()
    }

    /// One writer at a time, so lines from several threads never interleave.
    private static let output = Mutex(())

    private static func timestamp() -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(Date())
    }

    private static func appendQuoted(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20:
                line += String(format: "\\u%04x", scalar.value)
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }
}
