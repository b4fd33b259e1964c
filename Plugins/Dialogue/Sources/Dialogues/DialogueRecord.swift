import DialogueAPI
import ThiduaModuleKit

/// A workplace dialogue as the lifecycle and the store see it (a row of `dialogue_dialogue`).
struct DialogueRecord: Sendable, Equatable {
    /// 0 until stored.
    var row: Int64 = 0
    var unitID: String
    var kind: DialogueKind
    var event: WorkplaceEvent = .unspecified
    var requestedBy: BargainingSide = .unspecified
    var requestedOn: CalendarDate?
    var campaignID: String?
    var plannedOn: CalendarDate
    var agenda: String
    /// The headcount in force on `plannedOn`; 0 if none was recorded.
    var employees: Int
    var delegationSize: Int
    var state: DialogueState = .planned
    var heldOn: CalendarDate?
    var employerLegalRepresentativePresent = false
    var representativesPresent = 0
    var minutesSignedOn: CalendarDate?
    var minutesPublishedOn: CalendarDate?
    var minutesSummary = ""
    var cancelReason = ""

    var id: String { DialogueID.dialogue.id(self.row) }

    /// The year it belongs to on the calendar: the year it was held, else the year it is planned.
    var year: Int { (self.heldOn ?? self.plannedOn).year }

    /// A periodic dialogue that took place (held, whether or not its minutes are out yet).
    var isHeldPeriodic: Bool {
        self.kind == .periodic && (self.state == .held || self.state == .minutesPublished)
    }

    var message: WorkplaceDialogue {
        WorkplaceDialogue.with {
            $0.id = self.id
            $0.unitID = self.unitID
            $0.kind = self.kind
            $0.event = self.event
            $0.requestedBy = self.requestedBy
            $0.requestedOn = self.requestedOn?.description ?? ""
            $0.campaignID = self.campaignID ?? ""
            $0.year = UInt32(self.year)
            $0.plannedOn = self.plannedOn.description
            $0.agenda = self.agenda
            $0.employees = UInt32(self.employees)
            $0.delegationSize = UInt32(self.delegationSize)
            $0.state = self.state
            $0.heldOn = self.heldOn?.description ?? ""
            $0.employerLegalRepresentativePresent = self.employerLegalRepresentativePresent
            $0.representativesPresent = UInt32(self.representativesPresent)
            $0.minutesSignedOn = self.minutesSignedOn?.description ?? ""
            $0.minutesPublishedOn = self.minutesPublishedOn?.description ?? ""
            $0.minutesSummary = self.minutesSummary
            $0.cancelReason = self.cancelReason
        }
    }
}
