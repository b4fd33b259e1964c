@testable import Dialogue
import ThiduaClient
import ThiduaCoreAPI
import ThiduaModuleKit
import ThiduaTesting

/// Headcounts, dialogues and agreements, over the wire.
extension ModuleFixture {
    @discardableResult
    func recordHeadcount(_ unitID: String, _ employees: UInt32, asOf: String, as client: ThiduaClient? = nil) async throws -> EnterpriseHeadcount {
        try await self.call(Methods.Dialogue.Enterprises.recordHeadcount, .with {
            $0.unitID = unitID
            $0.employees = employees
            $0.asOf = asOf
        }, as: client)
    }

    func planPeriodic(_ unitID: String, on date: String = "2025-03-14", delegation: UInt32 = 10, campaignID: String = "") async throws -> WorkplaceDialogue {
        try await self.call(Methods.Dialogue.Dialogues.planDialogue, .with {
            $0.unitID = unitID
            $0.kind = .periodic
            $0.plannedOn = date
            $0.agenda = "Tiền lương, thưởng, bữa ăn ca"
            $0.delegationSize = delegation
            $0.campaignID = campaignID
        })
    }

    func hold(_ id: String, on date: String = "2025-03-14", present: UInt32 = 9, employer: Bool = true) async throws -> WorkplaceDialogue {
        try await self.call(Methods.Dialogue.Dialogues.holdDialogue, .with {
            $0.id = id
            $0.heldOn = date
            $0.employerLegalRepresentativePresent = employer
            $0.representativesPresent = present
        })
    }

    func publish(_ id: String, signedOn: String = "2025-03-14", publishedOn: String = "2025-03-17") async throws -> WorkplaceDialogue {
        try await self.call(Methods.Dialogue.Dialogues.publishDialogueMinutes, .with {
            $0.id = id
            $0.signedByEmployer = true
            $0.signedByEmployeeRepresentatives = true
            $0.signedOn = signedOn
            $0.publishedOn = publishedOn
            $0.summary = "Hai bên thống nhất tăng lương 6% từ tháng 7"
        })
    }

    /// A collective agreement of `unitID` taken through request, a session, a draft and a vote
    /// that passes, signed and filed. Requested on `requestedOn` (a Monday is best).
    func agreementInForce(
        _ unitID: String, requestedOn: String, signedOn: String, termYears: UInt32, inFavour: UInt32 = 200, renews: String = ""
    ) async throws -> CollectiveAgreement {
        let requested = try await self.call(Methods.Dialogue.Agreements.requestBargaining, .with {
            $0.unitID = unitID
            $0.title = "Thỏa ước lao động tập thể"
            $0.requestedBy = .employeeRepresentatives
            $0.requestedOn = requestedOn
            $0.renewsAgreementID = renews
        })
        let start = CalendarDate(requestedOn)!
        _ = try await self.call(Methods.Dialogue.Agreements.recordBargainingSession, .with {
            $0.agreementID = requested.id
            $0.heldOn = start.adding(workingDays: 2).description
            $0.minutes = "Phiên 1: tiền lương, thưởng Tết, bữa ăn ca"
        })
        _ = try await self.call(Methods.Dialogue.Agreements.recordAgreementDraft, .with {
            $0.agreementID = requested.id
            $0.draftedOn = start.adding(workingDays: 5).description
            $0.clauses = [clause(1, .wages, favourable: true), clause(2, .meals, favourable: true), clause(3, .workingHours, favourable: false)]
        })
        _ = try await self.call(Methods.Dialogue.Agreements.recordAgreementVote, .with {
            $0.agreementID = requested.id
            $0.votedOn = start.adding(workingDays: 8).description
            $0.inFavour = inFavour
            $0.against = 10
        })
        _ = try await self.call(Methods.Dialogue.Agreements.signAgreement, .with {
            $0.agreementID = requested.id
            $0.signedOn = signedOn
            $0.termYears = termYears
        })
        return try await self.call(Methods.Dialogue.Agreements.fileAgreementCopy, .with {
            $0.agreementID = requested.id
            $0.filedOn = CalendarDate(signedOn)!.adding(days: 5).description
            $0.filedWith = "Sở Lao động – Thương binh và Xã hội Hà Nội"
        })
    }

    // The kit has no reader of the core's audit trail or change feed yet: these two are generic.

    /// The audit records of one entity, oldest first.
    func audit(of targetID: String) async throws -> [AuditRecord] {
        var newestFirst: [AuditRecord] = []
        var token = ""
        repeat {
            let page = try await self.call(Methods.Core.Audit.listAuditRecords, .with {
                $0.page = PageRequest.with { $0.pageSize = 1000; $0.pageToken = token }
            })
            newestFirst += page.records.filter { $0.targetID == targetID }
            token = page.nextPageToken
        } while !token.isEmpty
        return newestFirst.reversed()
    }

    /// The change feed's entries about one entity, oldest first.
    func changes(of entityID: String) async throws -> [Change] {
        var changes: [Change] = []
        var cursor: UInt64 = 0
        while true {
            let batch = try await self.call(Methods.Core.Changes.listChanges, .with { $0.afterCursor = cursor; $0.limit = 1000 })
            guard !batch.changes.isEmpty else { return changes }
            changes += batch.changes.filter { $0.entityID == entityID }
            cursor = batch.nextCursor
        }
    }
}
