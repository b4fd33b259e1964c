/// What a title's condition asks a module: does this person have evidence of one kind (a recognised
/// initiative, say) in this period? The core keeps each title's conditions as data keyed to the
/// regulation in force, and checks them wherever the title is conferred: a grant
/// (`Awards/GrantAward`, `CoreAccess.grantAward`) and the decision of a person's registration
/// for it. Conditions on other titles it checks itself; evidence it asks of the modules.
public struct TitleEvidenceQuery: Sendable, Equatable {
    /// The kind of evidence, as named in the title's conditions: "recognised_initiative".
    public let kind: String
    /// The person the title would go to ("m12").
    public let memberID: String
    /// The days the evidence must fall in: the title's year up to the decision date.
    public let period: ClosedRange<CalendarDate>

    public init(kind: String, memberID: String, period: ClosedRange<CalendarDate>) {
        self.kind = kind
        self.memberID = memberID
        self.period = period
    }
}

/// Finds a person's evidence of one kind: the ids of what proves it ("i12"), empty when there is
/// none. Runs inside the transaction of the grant or decision it decides, and must only read.
public typealias TitleEvidenceFinder = @Sendable (TitleEvidenceQuery, Database) throws -> [String]

/// The kinds of evidence the built-in regulations' title conditions name.
public enum TitleEvidenceKind {
    /// An initiative (sáng kiến) recognised by the unit, of which the person is an author: with
    /// the title "Lao động tiên tiến", the condition of "Chiến sĩ thi đua cơ sở".
    public static let recognisedInitiative = "recognised_initiative"
}
