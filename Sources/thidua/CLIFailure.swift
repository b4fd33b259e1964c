import ArgumentParser
import Foundation
import ThiduaDynamicMessages
import ThiduaWire

/// A failure reported on standard error, with an exit code a script can test.
enum CLIFailure: Error {
    /// The server answered with a non-OK status: exit 64 + code.
    case status(RPCError)
    /// No connection, or it broke: exit 1.
    case connection(String)
    /// The user's input is wrong (bad JSON for the message type...): exit 2.
    case usage(String)

    init(_ error: any Error) {
        switch error {
        case let failure as CLIFailure: self = failure
        case let status as RPCError: self = .status(status)
        case let json as DynamicMessageError: self = .usage("invalid JSON for the request: \(json)")
        default: self = .connection("\(error)")
        }
    }

    /// Prints the failure and returns the exit code.
    func report(as format: ErrorFormat) -> ExitCode {
        if format == .json {
            standardError(self.json + "\n")
            return self.exitCode
        }
        switch self {
        case .status(let error):
            var text = "\(error.code.name): \(error.message)\n"
            for detail in error.details {
                let field = detail.field.isEmpty ? "" : "field \(detail.field): "
                let rule = detail.rule.isEmpty ? "" : "rule \(detail.rule): "
                text += "  \(field)\(rule)\(detail.description_p)\n"
            }
            standardError(text)
            return ExitCode(Int32(64 + error.code.rawValue))
        case .connection(let message):
            standardError("error: \(message)\n")
            return .failure
        case .usage(let message):
            standardError("error: \(message)\n")
            return .validationFailure
        }
    }
}

extension CLIFailure {
    /// The exit code: 64 + the status code for a refusal, 1 without a connection, 2 for bad input.
    var exitCode: ExitCode {
        switch self {
        case .status(let error): ExitCode(Int32(64 + error.code.rawValue))
        case .connection: .failure
        case .usage: .validationFailure
        }
    }

    /// The failure as one JSON object, for scripts (`--format-error json`): a refusal's `code`
    /// (its name), `status` (its number), `message` and `details` (`field`, `rule`,
    /// `description`, `values`); otherwise `error` ("connection" or "usage") and `message`.
    var json: String {
        let object: [String: Any] = switch self {
        case .status(let error): [
            "code": error.code.name,
            "status": error.code.rawValue,
            "message": error.message,
            "details": error.details.map { detail in
                ["field": detail.field, "rule": detail.rule, "description": detail.description_p, "values": detail.values] as [String: Any]
            },
        ]
        case .connection(let message): ["error": "connection", "message": message]
        case .usage(let message): ["error": "usage", "message": message]
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// How the CLI prints a failure on stderr.
enum ErrorFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    /// For people: the status, the message, a line per detail.
    case text
    /// For scripts: one JSON object.
    case json
}

func standardError(_ text: String) {
    try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
}

/// Writes to standard output. When the reader has gone (`thidua services | head -3`), stops
/// quietly with 141, the status of a process ended by SIGPIPE, as other command-line tools do.
func standardOutput(_ text: String) {
    do {
        try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
    } catch {
        exit(141)
    }
}

extension AsyncParsableCommand {
    /// Runs the body and turns a ``CLIFailure`` into its message and exit code.
    func reportingFailures(_ format: ErrorFormat, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CLIFailure(error).report(as: format)
        }
    }
}
