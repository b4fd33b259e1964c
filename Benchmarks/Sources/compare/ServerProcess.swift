import Foundation

/// A server started as a child process, known by its pid and the port it printed in its
/// `listening on HOST:PORT` line.
final class ServerProcess {
    let process: Process
    let port: Int

    var pid: Int32 { self.process.processIdentifier }

    /// Starts `path` with `arguments` and waits (up to 60 s) for its `listening on` line.
    init(path: String, arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        var line = Data()
        let deadline = Date().addingTimeInterval(60)
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty, Date() < deadline else {
                process.terminate()
                throw HarnessError("\(path) exited or stalled before printing its address")
            }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let first = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
              let colon = first.lastIndex(of: ":"),
              let port = Int(first[first.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        else {
            process.terminate()
            throw HarnessError("\(path) printed \"\(text)\", not a listening address")
        }
        self.port = port
    }

    /// Sends SIGTERM and waits for the process to end.
    func stop() {
        self.process.terminate()
        self.process.waitUntilExit()
    }

    /// Resident memory in kilobytes, from /proc/PID/status.
    func residentKilobytes() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(self.pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
    }
}

/// A failure of the harness itself.
struct HarnessError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
