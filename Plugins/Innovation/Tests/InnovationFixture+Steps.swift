import Innovation
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

extension InnovationFixture {
    /// A filing request that passes every rule: one author of the first school, applied in March.
    func filing(_ title: String = "Ứng dụng bảng tương tác trong dạy Toán", authors: [(String, UInt32)]? = nil) -> FileInitiativeRequest {
        FileInitiativeRequest.with {
            $0.campaignID = self.campaignID
            $0.unitID = self.schoolID
            $0.title = title
            $0.summary = "Bài giảng số hóa cho khối 8"
            $0.kind = .technical
            $0.authors = (authors ?? [(self.teacherID, 100)]).map { member, share in
                InitiativeAuthor.with {
                    $0.memberID = member
                    $0.sharePercent = share
                    $0.category = .directWorker
                }
            }
            $0.application = .applied
            $0.firstAppliedOn = "2022-03-01"
            $0.benefitVnd = 95_000_000
        }
    }
}

/// An initiative's steps, and the core review's, over the wire.
extension ModuleFixture {
    @discardableResult
    func file(_ request: FileInitiativeRequest, as client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call(Methods.Innovation.Initiatives.fileInitiative, request, as: client)
    }

    func initiative(_ id: String, as client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call(Methods.Innovation.Initiatives.getInitiative, .with { $0.id = id }, as: client)
    }

    func submit(_ id: String, as client: ThiduaClient? = nil) async throws -> Initiative {
        try await self.call(Methods.Innovation.Initiatives.submitInitiative, .with { $0.id = id }, as: client)
    }

    /// Approves the review at its current level.
    @discardableResult
    func approve(reviewID: String) async throws -> Review {
        try await self.call(Methods.Core.Reviews.approveReview, .with { $0.id = reviewID })
    }

    /// Files `request` and takes it through the review workflow to recognition.
    @discardableResult
    func recognise(_ request: FileInitiativeRequest) async throws -> Initiative {
        let filed = try await self.file(request)
        try await self.approve(reviewID: try await self.submit(filed.id).reviewID)
        return try await self.initiative(filed.id)
    }

    /// The core's progress of `campaign` at `unit`.
    func progress(of unit: String, in campaign: String) async throws -> UnitProgress {
        try await self.call(Methods.Core.Campaigns.getProgress, .with { $0.campaignID = campaign; $0.unitID = unit }).total
    }

    /// Every initiative of every register, in filing order.
    func allInitiatives() async throws -> [Initiative] {
        var initiatives: [Initiative] = []
        var token = ""
        repeat {
            let page = try await self.call(Methods.Innovation.Initiatives.listInitiatives, .with {
                $0.unitID = self.rootUnitID
                $0.includeSubtree = true
                $0.pageSize = 1000
                $0.pageToken = token
            })
            initiatives += page.initiatives
            token = page.nextPageToken
        } while !token.isEmpty
        return initiatives
    }

    // The kit has no reader of the core's audit trail or change feed yet: these two are generic.

    /// Every record of the core's audit trail, oldest first.
    func auditRecords() async throws -> [AuditRecord] {
        var newestFirst: [AuditRecord] = []
        var token = ""
        repeat {
            let page = try await self.call(Methods.Core.Audit.listAuditRecords, .with {
                $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token }
            })
            newestFirst += page.records
            token = page.nextPageToken
        } while !token.isEmpty
        return newestFirst.reversed()
    }

    /// Every entry of the core's change feed, oldest first.
    func changes() async throws -> [Change] {
        var changes: [Change] = []
        var cursor: UInt64 = 0
        while true {
            let batch = try await self.call(Methods.Core.Changes.listChanges, .with { $0.afterCursor = cursor; $0.limit = 1000 })
            guard !batch.changes.isEmpty else { return changes }
            changes += batch.changes
            cursor = batch.nextCursor
        }
    }
}
