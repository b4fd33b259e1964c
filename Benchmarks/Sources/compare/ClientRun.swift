import EchoLoadKit
import Foundation

/// Runs a load client to completion and decodes the ``LoadReport`` it prints as its last line.
enum ClientRun {
    static func run(path: String, arguments: [String]) throws -> LoadReport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else {
            throw HarnessError("\(path) \(arguments.joined(separator: " ")) printed no report (exit \(process.terminationStatus)): \(text)")
        }
        return try JSONDecoder().decode(LoadReport.self, from: Data(line.utf8))
    }
}
