import ThiduaModuleKit

/// What decides whether an appraised registration may be proposed and recognised: the appraised
/// total against the sheet's passing score, and the disqualifying facts, which block it whatever
/// the score.
public struct RecognitionCheck: Sendable, Equatable {
    public var unitID: String
    public var year: Int
    public var appraisedTotal: Int
    public var passingScore: Int
    public var disqualifiers: [Disqualifier]

    public init(unitID: String, year: Int, appraisedTotal: Int, passingScore: Int, disqualifiers: [Disqualifier]) {
        self.unitID = unitID
        self.year = year
        self.appraisedTotal = appraisedTotal
        self.passingScore = passingScore
        self.disqualifiers = disqualifiers
    }

    /// FAILED_PRECONDITION `green_clean.disqualified`, one detail per fact, when a fact disqualifies
    /// the unit; else `green_clean.below_passing_score` when the total falls short.
    public func require() throws(RPCError) {
        if !self.disqualifiers.isEmpty {
            let facts = self.disqualifiers.map(\.description).joined(separator: "; ")
            throw RPCError(
                .failedPrecondition,
                "unit \(self.unitID) cannot be recognised for \(self.year), whatever its score: \(facts)",
                details: self.disqualifiers.map {
                    ErrorDetail(
                        field: "id", rule: "green_clean.disqualified", description: $0.description,
                        values: ["year": "\(self.year)", "fact": $0.factID]
                    )
                }
            )
        }
        guard self.appraisedTotal >= self.passingScore else {
            throw RPCError(
                .failedPrecondition,
                "the appraised total is \(self.appraisedTotal); recognition needs at least \(self.passingScore)",
                field: "id",
                rule: "green_clean.below_passing_score",
                values: ["score": "\(self.appraisedTotal)", "passing": "\(self.passingScore)"]
            )
        }
    }
}
