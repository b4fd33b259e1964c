import DialogueAPI
import ThiduaModuleKit

/// A collective agreement as the lifecycle and the store see it: the steps recorded so far, with
/// their dates. `stage` is the last recorded step (REQUESTED to FILED, or WITHDRAWN); the state on
/// a given day follows from it and the dates (``AgreementLifecycle/state(of:on:rules:)``).
struct AgreementRecord: Sendable, Equatable {
    struct Session: Sendable, Equatable {
        /// 0 until stored.
        var row: Int64 = 0
        var number: Int
        var heldOn: CalendarDate
        var minutes: String
    }

    struct Vote: Sendable, Equatable {
        var votedOn: CalendarDate
        var employees: Int
        var inFavour: Int
        var against: Int
        var passed: Bool
    }

    /// 0 until stored.
    var row: Int64 = 0
    var unitID: String
    var title: String
    var stage: AgreementState = .requested
    var requestedBy: BargainingSide
    var requestedOn: CalendarDate
    var renewsRow: Int64?
    var renewedByRow: Int64?
    var sessions: [Session] = []
    var draftedOn: CalendarDate?
    var clauses: [AgreementClause] = []
    var votes: [Vote] = []
    var signedOn: CalendarDate?
    var effectiveFrom: CalendarDate?
    /// The term in months, 12 to 36 under the rules of the Labour Code 2019.
    var termMonths = 0
    var expiresOn: CalendarDate?
    var qualityGrade: AgreementQualityGrade = .unspecified
    var favourableClauses = 0
    var filedOn: CalendarDate?
    var filedWith = ""
    /// Filed after the days Labour Code 2019 Art. 77 gives.
    var filedLate = false
    var continuedUntil: CalendarDate?
    var replacedOn: CalendarDate?
    var withdrawnOn: CalendarDate?
    var withdrawReason = ""

    var id: String { DialogueID.agreement.id(self.row) }

    /// The last day it applies, once signed: its expiry, or the end of its continuation.
    var endsOn: CalendarDate? {
        guard let expiresOn = self.expiresOn else { return nil }
        return max(expiresOn, self.continuedUntil ?? expiresOn)
    }

    /// Still being bargained: requested and not yet signed, nor withdrawn.
    var isBargaining: Bool {
        [.requested, .negotiating, .drafted, .voted].contains(self.stage)
    }

    /// The date of the latest step recorded, which the next step may not precede.
    var lastStepOn: CalendarDate {
        [self.requestedOn, self.sessions.last?.heldOn, self.draftedOn, self.votes.last?.votedOn, self.signedOn, self.filedOn]
            .compactMap { $0 }
            .max()!
    }

    func message(state: AgreementState, asOf: CalendarDate) -> CollectiveAgreement {
        CollectiveAgreement.with {
            $0.id = self.id
            $0.unitID = self.unitID
            $0.title = self.title
            $0.state = state
            $0.asOf = asOf.description
            $0.requestedBy = self.requestedBy
            $0.requestedOn = self.requestedOn.description
            $0.renewsAgreementID = self.renewsRow.map(DialogueID.agreement.id) ?? ""
            $0.renewedByAgreementID = self.renewedByRow.map(DialogueID.agreement.id) ?? ""
            $0.sessions = self.sessions.map { session in
                BargainingSession.with {
                    $0.id = DialogueID.session.id(session.row)
                    $0.number = UInt32(session.number)
                    $0.heldOn = session.heldOn.description
                    $0.minutes = session.minutes
                }
            }
            $0.draftedOn = self.draftedOn?.description ?? ""
            $0.clauses = self.clauses
            $0.votes = self.votes.map { vote in
                AgreementVote.with {
                    $0.votedOn = vote.votedOn.description
                    $0.employees = UInt32(vote.employees)
                    $0.inFavour = UInt32(vote.inFavour)
                    $0.against = UInt32(vote.against)
                    $0.passed = vote.passed
                }
            }
            $0.signedOn = self.signedOn?.description ?? ""
            $0.effectiveFrom = self.effectiveFrom?.description ?? ""
            $0.termMonths = UInt32(self.termMonths)
            // Deprecated field: whole years only.
            $0.termYears = self.termMonths % 12 == 0 ? UInt32(self.termMonths / 12) : 0
            $0.expiresOn = self.expiresOn?.description ?? ""
            $0.qualityGrade = self.qualityGrade
            $0.favourableClauses = UInt32(self.favourableClauses)
            $0.filedOn = self.filedOn?.description ?? ""
            $0.filedWith = self.filedWith
            $0.filedLate = self.filedLate
            $0.continuedUntil = self.continuedUntil?.description ?? ""
            $0.replacedOn = self.replacedOn?.description ?? ""
            $0.withdrawnOn = self.withdrawnOn?.description ?? ""
            $0.withdrawReason = self.withdrawReason
        }
    }
}
