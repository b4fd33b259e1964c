import InnovationAPI
import ThiduaModuleKit

/// An author as stored, with the name the member had when the initiative was filed.
struct AuthorRecord: Sendable, Equatable {
    let memberID: String
    let fullName: String
    let sharePercent: Int
    let category: WorkerCategory

    var message: InitiativeAuthor {
        .with {
            $0.memberID = self.memberID
            $0.fullName = self.fullName
            $0.sharePercent = UInt32(self.sharePercent)
            $0.category = self.category
        }
    }
}

/// One row of `innovation_initiative`.
struct InitiativeRecord: SQLRowDecodable {
    let row: Int64
    let campaignID: String
    let unitID: String
    let registerNumber: Int
    var content: InitiativeContent
    var state: InitiativeState
    let filedOn: String
    var reviewID: String?
    var recognisedOn: String?
    var decisionNumber: String
    var counted: Bool

    var id: String { InnovationID.initiative.id(self.row) }

    /// The record as just inserted; `content.authors` stays empty, as when read back.
    init(
        inserted row: Int64, campaignID: String, unitID: String, registerNumber: Int, content: InitiativeContent,
        state: InitiativeState, filedOn: String, recognisedOn: String?, decisionNumber: String, counted: Bool
    ) {
        self.row = row
        self.campaignID = campaignID
        self.unitID = unitID
        self.registerNumber = registerNumber
        self.content = content
        self.content.authors = []
        self.state = state
        self.filedOn = filedOn
        self.reviewID = nil
        self.recognisedOn = recognisedOn
        self.decisionNumber = decisionNumber
        self.counted = counted
    }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.campaignID = try row["campaign_id"]
        self.unitID = try row["unit_id"]
        self.registerNumber = try row["register_number"]
        self.content = InitiativeContent(
            title: try row["title"],
            normalisedTitle: try row["normalised_title"],
            summary: try row["summary"],
            kind: InitiativeKind(rawValue: try row["kind"]) ?? .unspecified,
            authors: [],
            application: ApplicationStatus(rawValue: try row["application"]) ?? .unspecified,
            firstAppliedOn: (try row["first_applied_on"] as String?).flatMap(CalendarDate.init),
            benefitVND: UInt64(try row["benefit_vnd"] as Int64),
            benefitNote: try row["benefit_note"]
        )
        self.state = InitiativeState(rawValue: try row["state"]) ?? .unspecified
        self.filedOn = try row["filed_on"]
        self.reviewID = try row["review_id"]
        self.recognisedOn = try row["recognised_on"]
        self.decisionNumber = try row["decision_number"]
        self.counted = try row["counted"] as Bool
    }

    /// The message, with the given authors and history.
    func message(authors: [AuthorRecord], history: [InitiativeStep] = []) -> Initiative {
        .with {
            $0.id = self.id
            $0.campaignID = self.campaignID
            $0.unitID = self.unitID
            $0.registerNumber = UInt32(self.registerNumber)
            $0.title = self.content.title
            $0.summary = self.content.summary
            $0.kind = self.content.kind
            $0.authors = authors.map(\.message)
            $0.application = self.content.application
            $0.firstAppliedOn = self.content.firstAppliedOn?.description ?? ""
            $0.benefitVnd = self.content.benefitVND
            $0.benefitNote = self.content.benefitNote
            $0.state = self.state
            $0.filedOn = self.filedOn
            $0.reviewID = self.reviewID ?? ""
            $0.recognisedOn = self.recognisedOn ?? ""
            $0.decisionNumber = self.decisionNumber
            $0.counted = self.counted
            $0.history = history
        }
    }
}
