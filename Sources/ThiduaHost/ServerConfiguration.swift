import Foundation
import Logging
import NIOCore
import ThiduaModuleKit
import ThiduaStorage
import ThiduaWire

/// How a server runs: where it listens, where it keeps its data, the limits it enforces and which
/// campaign modules it loads. Parsed once at the edge (flags, a JSON file) and immutable after.
public struct ServerConfiguration: Sendable, Equatable {
    public var host: String = "127.0.0.1"
    /// 0 binds any free port; the server prints the one it got.
    public var port: Int = 7878
    /// Holds the database and the first admin key.
    public var dataDirectory: String = "data"
    public var limits = ConnectionLimits()
    /// How long a graceful shutdown waits for calls in flight before closing connections anyway.
    public var drainTimeout: TimeAmount = .seconds(30)
    /// Ids of the campaign modules to load; nil loads every built-in module.
    public var enabledModules: [String]?
    /// `full` (the default) survives a power loss; `normal` only a crash of the process.
    public var durability: Durability = .full
    /// The most concurrent writes one transaction carries (group commit); 1 commits each alone.
    public var maxBatchedWrites = 512
    /// The name of the root unit created on the first start.
    public var rootUnitName = "Tổng Liên đoàn Lao động Việt Nam"
    /// The `valid_from` of the root unit created on the first start (later starts never change
    /// it). The default is the founding day of the Vietnamese trade unions, 28 July 1929 (Công hội
    /// đỏ Bắc Kỳ), the date the confederation counts from: it precedes every unit a deployment
    /// records below the root, where the day of the first start (today) would follow them.
    public var rootFoundedOn = Self.tradeUnionFoundingDay
    /// The least severe log messages written.
    public var logLevel: Logger.Level = .info
    /// Text lines for a terminal, or one JSON object a line for a log collector.
    public var logFormat: LogFormat = .text

    /// 28 July 1929, the founding day of the Vietnamese trade unions.
    public static let tradeUnionFoundingDay = CalendarDate(year: 1929, month: 7, day: 28)!

    public init() {}

    /// A date setting written "YYYY-MM-DD", or an error naming the setting.
    public static func date(_ text: String, setting: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ConfigurationError("\(setting) must be a date written YYYY-MM-DD between 1900 and 2999; got \"\(text)\"")
        }
        return date
    }
}

/// Limits each connection is held to. Every one is announced to the client in `ServerHello`.
public struct ConnectionLimits: Sendable, Equatable {
    /// Largest frame body accepted, checked on the length prefix before the body is read.
    public var maxFrameBytes: Int = WireProtocol.defaultMaxFrameBytes
    /// Calls in flight at once on one connection; the next one is refused with RESOURCE_EXHAUSTED.
    public var maxConcurrentCalls: Int = 256
    /// Connections open at once; the next one gets a GoAway RESOURCE_EXHAUSTED and is closed.
    public var maxConnections: Int = 16_384
    /// Time from accepting a connection to its `ClientHello`.
    public var handshakeTimeout: TimeAmount = .seconds(5)
    /// Time from the first byte of a frame to its last.
    public var frameTimeout: TimeAmount = .seconds(10)
    /// A connection with no call in flight for this long is closed with a GoAway OK.
    public var idleTimeout: TimeAmount = .minutes(5)
    /// A connection whose peer reads nothing for this long while answers wait to be sent is
    /// closed. Streams pause while the peer does not read, so what waits is bounded meanwhile.
    public var writeStallTimeout: TimeAmount = .seconds(30)
    /// Bytes of request messages the calls in flight on one connection may hold together; a call
    /// that would pass it is refused with RESOURCE_EXHAUSTED. Never less than one full frame.
    public var maxRequestBytesInFlight: Int = 8 << 20
    /// The same, for every connection of the server together. Never less than the above.
    public var maxServerRequestBytesInFlight: Int = 64 << 20

    /// The per-connection budget in force: room for at least one full frame.
    var connectionRequestBudget: Int { max(self.maxRequestBytesInFlight, self.maxFrameBytes) }
    /// The server-wide budget in force.
    var serverRequestBudget: Int { max(self.maxServerRequestBytesInFlight, self.connectionRequestBudget) }
    /// Connections accepted past `maxConnections` for health checks only, so a load balancer
    /// does not mark a busy server dead.
    public var healthConnections: Int = 16

    public init() {}

    /// The wire form sent in `ServerHello`.
    public var wireLimits: Limits {
        var limits = Limits()
        limits.maxFrameBytes = UInt32(self.maxFrameBytes)
        limits.maxConcurrentCalls = UInt32(self.maxConcurrentCalls)
        limits.frameTimeoutMs = UInt32(clamping: self.frameTimeout.nanoseconds / 1_000_000)
        limits.idleTimeoutMs = UInt32(clamping: self.idleTimeout.nanoseconds / 1_000_000)
        return limits
    }
}

extension ServerConfiguration {
    /// Throws a precise error for any setting out of its range.
    public func validate() throws {
        func require(_ condition: Bool, _ message: @autoclosure () -> String) throws {
            if !condition { throw ConfigurationError(message()) }
        }
        try require((0...65_535).contains(self.port), "port \(self.port) is outside 0...65535")
        try require(
            (1024...Int(Int32.max)).contains(self.limits.maxFrameBytes),
            "maxFrameBytes \(self.limits.maxFrameBytes) is outside 1024...\(Int32.max)"
        )
        try require(self.limits.maxConcurrentCalls >= 1, "maxConcurrentCalls must be at least 1")
        try require(self.limits.maxConnections >= 1, "maxConnections must be at least 1")
        try require(self.limits.healthConnections >= 0, "healthConnections must not be negative")
        try require(self.limits.maxRequestBytesInFlight >= 0, "maxRequestBytesInFlight must not be negative")
        try require(self.limits.maxServerRequestBytesInFlight >= 0, "maxServerRequestBytesInFlight must not be negative")
        for (name, value) in [
            ("handshakeTimeout", self.limits.handshakeTimeout), ("frameTimeout", self.limits.frameTimeout),
            ("idleTimeout", self.limits.idleTimeout), ("writeStallTimeout", self.limits.writeStallTimeout),
            ("drainTimeout", self.drainTimeout),
        ] {
            try require(value.nanoseconds > 0, "\(name) must be positive")
        }
        try require((1...10_000).contains(self.maxBatchedWrites), "maxBatchedWrites \(self.maxBatchedWrites) is outside 1...10000")
        try require(!self.dataDirectory.isEmpty, "the data directory must not be empty")
        try require(!self.rootUnitName.trimmingCharacters(in: .whitespaces).isEmpty, "rootUnitName must not be empty")
    }
}

/// A configuration that cannot be used, with the reason.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
