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
    func report() -> ExitCode {
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
    func reportingFailures(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ValidationError {
            throw error
        } catch {
            throw CLIFailure(error).report()
        }
    }
}
