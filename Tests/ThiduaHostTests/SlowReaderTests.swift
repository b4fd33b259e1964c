import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaHost
import ThiduaTesting
import ThiduaWire

/// A client that stops reading cannot grow the server's memory: every stream pauses while its peer
/// does not read, other clients are served meanwhile, and a peer that reads nothing for the
/// write-stall timeout is closed.
@Suite struct SlowReaderTests {
    /// Echo/Stream of 100,000 messages of 1 MiB (100 GiB) to a client that never reads: before
    /// the fix the server buffered them all and died.
    @Test func echoStreamPausesForAPeerThatDoesNotRead() async throws {
        try await self.stalledStream(
            method: Methods.Host.Echo.stream.path,
            payload: try EchoStreamRequest.with {
                $0.payload = Data(repeating: 0x5A, count: 1 << 20)
                $0.count = 100_000
            }.serializedBytes()
        )
    }

    /// Changes/Watch pauses too: the changes keep coming from another client, the watcher's
    /// stream waits for it instead of piling them up.
    @Test func changesWatchPausesForAPeerThatDoesNotRead() async throws {
        try await self.stalledStream(
            method: Methods.Core.Changes.watch.path,
            payload: try WatchChangesRequest().serializedBytes(),
            withAdminKey: true,
            feed: { admin in
                // Thousands of units with long names in a few imports: their changes are more
                // than the socket's buffers hold.
                let root = try await admin.unary(Methods.Core.Keys.whoAmI, WhoAmIRequest())
                _ = try await admin.unary(Methods.Core.Units.createUnit, CreateUnitRequest.with {
                    $0.parentID = root.unitID
                    $0.name = "Liên đoàn Lao động huyện Triệu Sơn"
                    $0.kind = .districtFederation
                    $0.code = "D1"
                    $0.validFrom = "2024-01-01"
                })
                let name = String(repeating: "Công đoàn cơ sở trường học ", count: 7)
                for batch in 0..<5 {
                    var csv = "code,parent_code,name,kind,sector\n"
                    for index in 0..<6_000 { csv += "S\(batch)-\(index),D1,\(name)\(batch)-\(index),grassroots_union,school\n" }
                    let progress = try admin.serverStreaming(
                        Methods.Core.Import.importUnits, ImportCsvRequest.with { $0.csv = Data(csv.utf8) }
                    )
                    for try await _ in progress {}
                    if Self.pausedOrClosed(try await Self.metrics(admin)) { return }
                }
            }
        )
    }

    /// Health/Watch to a peer that does not read: one answer, then nothing to send until the
    /// health changes, so the connection is neither grown nor closed, and others are served.
    @Test func healthWatchHoldsNothingForAPeerThatDoesNotRead() async throws {
        let server = try await ServerProcess()
        let residentBefore = try server.residentBytes()
        let raw = try await RawConnection.connect(host: server.host, port: server.port, receiveBufferBytes: 4096)
        _ = try #require(await raw.handshake())
        try await raw.send(Frame.request(1, Methods.Host.Health.watch.path, try HealthCheckRequest().serializedBytes()))
        let first = try #require(await raw.nextFrame())
        #expect(first.response.callID == 1)
        try await raw.stopReading()
        let client = try await ThiduaClient.connect(host: server.host, port: server.port, clientName: "other")
        let reply = try await client.unary(Methods.Host.Echo.unary, echo("still served"))
        #expect(reply.payload == Data("still served".utf8))
        let metrics = try await Self.metrics(client)
        #expect(metrics.stalledConnections == 0)
        #expect(try server.residentBytes() - residentBefore < 64 << 20)
        await client.close()
        await raw.close()
        _ = await server.terminate()
    }

    /// A stream whose peer does not read may be resumed: once the peer reads again, the rest of
    /// the messages arrive, in order, and the call ends OK.
    @Test func aPausedStreamResumesWhenThePeerReadsAgain() async throws {
        try await withServer { server in
            let raw = try await RawConnection.connect(host: server.host, port: server.port, receiveBufferBytes: 4096)
            _ = try #require(await raw.handshake())
            try await raw.stopReading()
            let count: UInt32 = 400
            try await raw.send(Frame.request(1, Methods.Host.Echo.stream.path, try EchoStreamRequest.with {
                $0.payload = Data(repeating: 0x41, count: 16 * 1024)
                $0.count = count
            }.serializedBytes()))
            let admin = try await server.connectAsAdmin()
            try await Self.waitUntil(admin) { $0.streamsWaitingForPeer > 0 }
            try await raw.startReading()
            var responses = 0
            var status: CallStatus?
            for await frame in raw.frames {
                switch frame.kind {
                case .response(let response):
                    #expect(response.callID == 1)
                    responses += 1
                case .status(let final):
                    status = final
                default:
                    break
                }
                if status != nil { break }
            }
            #expect(responses == Int(count))
            #expect(status?.code == .ok)
            await admin.close()
            await raw.close()
        }
    }

    // MARK: Support

    /// Opens `method` from a client that stops reading at once, waits until the server has paused
    /// the stream, then checks memory, that others are served, and that the stalled connection is
    /// closed after the write-stall timeout.
    private func stalledStream(
        method: String,
        payload: Data,
        withAdminKey: Bool = false,
        feed: (ThiduaClient) async throws -> Void = { _ in }
    ) async throws {
        // Its own process, so its memory is measured apart from the other tests'.
        let server = try await ServerProcess(arguments: ["--write-stall-timeout-ms", "3000"])
        let admin = try await ThiduaClient.connect(host: server.host, port: server.port, clientName: "admin", apiKey: try server.adminKey)
        let residentBefore = try server.residentBytes()

        let raw = try await RawConnection.connect(host: server.host, port: server.port, receiveBufferBytes: 4096)
        _ = try #require(await raw.handshake(apiKey: withAdminKey ? try server.adminKey : ""))
        try await raw.stopReading()
        try await raw.send(Frame.request(1, method, payload))
        try await feed(admin)
        // Paused, or already closed for it when feeding took longer than the write-stall timeout.
        try await Self.waitUntil(admin, Self.pausedOrClosed)

        let grown = try server.residentBytes() - residentBefore
        #expect(grown < 64 << 20, "the server grew by \(grown >> 20) MiB for one connection that does not read")
        let other = try await ThiduaClient.connect(host: server.host, port: server.port, clientName: "other")
        let reply = try await other.unary(Methods.Host.Echo.unary, echo("served meanwhile"))
        #expect(reply.payload == Data("served meanwhile".utf8))

        try await Self.waitUntil(admin) { $0.stalledConnections == 1 && $0.streamsWaitingForPeer == 0 }
        await other.close()
        await admin.close()
        await raw.close()
        _ = await server.terminate()
    }

    /// The server paused a stream for its peer, or closed the peer's connection for not reading.
    private static func pausedOrClosed(_ metrics: GetMetricsResponse) -> Bool {
        metrics.streamsWaitingForPeer > 0 || metrics.stalledConnections > 0
    }

    private static func metrics(_ client: ThiduaClient) async throws -> GetMetricsResponse {
        try await client.unary(Methods.Host.ServerInfo.getMetrics, GetMetricsRequest())
    }

    /// Polls the server's metrics until `condition` holds, for at most 30 seconds.
    private static func waitUntil(
        _ client: ThiduaClient,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (GetMetricsResponse) -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if condition(try await self.metrics(client)) { return }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the metrics never reached the expected state: \(try await self.metrics(client))", sourceLocation: sourceLocation)
        throw CancellationError()
    }
}
