import Foundation

/// Holds `count` idle, handshaken connections to a fresh thidua-server and reads its resident
/// memory before and while they are held.
enum IdleCheck {
    struct Result: Codable {
        var connections: Int
        var residentBeforeMB: Double
        var residentHeldMB: Double
    }

    static func run(count: Int, serverPath: String, serverArguments: [String], holderPath: String) throws -> Result {
        let server = try ServerProcess(path: serverPath, arguments: serverArguments)
        defer { server.stop() }
        Thread.sleep(forTimeInterval: 0.5)
        let before = server.residentKilobytes() ?? 0
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: holderPath)
        holder.arguments = ["--port", "\(server.port)", "--connections", "\(count)", "--hold", "120"]
        let input = Pipe()
        let output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        var text = Data()
        while !text.contains(UInt8(ascii: "\n")) {
            let chunk = output.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            text.append(chunk)
        }
        guard String(decoding: text, as: UTF8.self).hasPrefix("ready") else {
            holder.terminate()
            throw HarnessError("idle-hold did not get \(count) connections up: \(String(decoding: text, as: UTF8.self))")
        }
        Thread.sleep(forTimeInterval: 1)
        let held = server.residentKilobytes() ?? 0
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        return Result(connections: count, residentBeforeMB: Double(before) / 1024, residentHeldMB: Double(held) / 1024)
    }
}
