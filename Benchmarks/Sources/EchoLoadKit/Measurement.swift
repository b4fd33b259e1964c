#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Takes CPU readings of this process and, optionally, of the server at the edges of the measured
/// interval, sleeping until each edge.
public struct CPUMeasurement: Sendable {
    /// The server's process id, when known.
    public let serverPID: Int32?
    private var clientStart = 0.0
    private var serverStart: Double?
    private var clientEnd = 0.0
    private var serverEnd: Double?

    /// Prepares a measurement of this process and of `serverPID`.
    public init(serverPID: Int32?) {
        self.serverPID = serverPID
    }

    /// Sleeps until `window.measureStart` and takes the first readings.
    public mutating func begin(at window: RunWindow) async {
        await Self.sleep(until: window.measureStart)
        self.clientStart = CPUClock.ownSeconds()
        self.serverStart = self.serverPID.flatMap(CPUClock.processSeconds(pid:))
    }

    /// Sleeps until `window.end` and takes the last readings.
    public mutating func end(at window: RunWindow) async {
        await Self.sleep(until: window.end)
        self.clientEnd = CPUClock.ownSeconds()
        self.serverEnd = self.serverPID.flatMap(CPUClock.processSeconds(pid:))
    }

    /// The client's CPU over the interval, per completed request.
    public func client(requests: UInt64) -> LoadReport.CPU {
        .init(seconds: self.clientEnd - self.clientStart, requests: requests)
    }

    /// The server's CPU over the interval, per completed request, when it was measured.
    public func server(requests: UInt64) -> LoadReport.CPU? {
        guard let start = self.serverStart, let end = self.serverEnd else { return nil }
        return .init(seconds: end - start, requests: requests)
    }

    /// Sleeps until the monotonic clock reads `nanos`.
    public static func sleep(until nanos: UInt64) async {
        let now = monotonicNanos()
        if nanos > now {
            try? await Task.sleep(nanoseconds: nanos - now)
        }
    }
}

/// Prints a report as one line of JSON on standard output.
public func printJSON(_ report: LoadReport) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(report)
    print(String(decoding: data, as: UTF8.self))
}
