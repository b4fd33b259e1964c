import Foundation
import ThiduaModuleKit

/// `thidua.core.v1.Changes`: the change feed.
struct ChangesService: RegistrableService {
    let core: CorePipeline
    let notifier: ChangeNotifier

    static let defaultBatch = 100
    static let maxBatch = 1000

    func register(into registrar: inout ServiceRegistrar) {
        registrar.addService("thidua.core.v1.Changes") { service in
            service.serverStreaming(Methods.Core.Changes.watch, permission: Permissions.changesRead, self.watch)
            service.unary(Methods.Core.Changes.listChanges, permission: Permissions.changesRead, self.listChanges)
        }
    }

    func listChanges(_ request: ListChangesRequest, _ context: CallContext) async throws -> ListChangesResponse {
        let limit = request.limit == 0 ? Self.defaultBatch : Int(request.limit)
        guard limit <= Self.maxBatch else {
            throw RPCError(.invalidArgument, "limit is \(limit); the most allowed is \(Self.maxBatch)", field: "limit", rule: "changes.limit.max", values: ["limit": "\(Self.maxBatch)"])
        }
        let changes = try await self.batch(after: request.afterCursor, limit: limit, context: context)
        return .with {
            $0.changes = changes
            $0.nextCursor = changes.last?.cursor ?? request.afterCursor
        }
    }

    func watch(_ request: WatchChangesRequest, _ stream: ResponseStream<Change>, _ context: CallContext) async throws {
        // Subscribe before the first read, so a commit between the read and the wait is not missed.
        let commits = self.notifier.commits()
        var wakeUps = commits.makeAsyncIterator()
        var cursor = request.afterCursor
        while !Task.isCancelled {
            let changes = try await self.batch(after: cursor, limit: Self.maxBatch, context: context)
            for change in changes {
                try await stream.send(change)
                cursor = change.cursor
            }
            if changes.count < Self.maxBatch {
                guard await wakeUps.next() != nil else { return }
            }
        }
        throw CancellationError()
    }

    private func batch(after cursor: UInt64, limit: Int, context: CallContext) async throws -> [Change] {
        try await self.core.read(context) { db, principal in
            let scope = try Scope.path(of: principal, in: db)
            let rows = try db.fetchAll("""
                    SELECT c.* FROM core_change c JOIN core_unit u ON u.id = c.unit_id
                    WHERE c.cursor > \(Int64(clamping: cursor)) AND u.path LIKE \(scope) || '%'
                    ORDER BY c.cursor LIMIT \(limit)
                    """)
            return try rows.map { row in
                try Change.with {
                    $0.cursor = UInt64(try row["cursor"] as Int64)
                    $0.atUnixMs = try row["at"]
                    $0.entityType = try row["entity_type"]
                    $0.entityID = try row["entity_id"]
                    $0.operation = try row["operation"]
                    $0.unitID = EntityID.unit(try row["unit_id"])
                    $0.entity = try row["entity"]
                }
            }
        }
    }
}
