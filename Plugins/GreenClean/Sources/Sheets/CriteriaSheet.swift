import ThiduaModuleKit

/// One version of the point-based criteria sheet (thang điểm) units are assessed on.
///
/// The rules of scoring live here, free of I/O: which claims a self-assessment may make, which
/// adjustments an appraisal may make, and what a new version must look like.
public struct CriteriaSheet: Sendable, Equatable {
    /// One criterion and the most points it can earn.
    public struct Criterion: Sendable, Equatable {
        public var code: String
        public var name: String
        public var maxPoints: Int

        public init(code: String, name: String, maxPoints: Int) {
            self.code = code
            self.name = name
            self.maxPoints = maxPoints
        }
    }

    public var version: Int
    public var title: String
    /// The regulation or guidance the sheet comes from.
    public var regulation: String
    /// Campaigns whose year starts on or after this day use the sheet, until a newer one is in force.
    public var effectiveFrom: CalendarDate
    /// The least appraised total that can be recognised.
    public var passingScore: Int
    public var criteria: [Criterion]

    public init(version: Int, title: String, regulation: String, effectiveFrom: CalendarDate, passingScore: Int, criteria: [Criterion]) {
        self.version = version
        self.title = title
        self.regulation = regulation
        self.effectiveFrom = effectiveFrom
        self.passingScore = passingScore
        self.criteria = criteria
    }

    /// The sum of the criteria's maximum points.
    public var maxScore: Int { self.criteria.reduce(0) { $0 + $1.maxPoints } }

    public func criterion(_ code: String) -> Criterion? {
        self.criteria.first { $0.code == code }
    }

    // MARK: Limits of a definition

    static let maxCriteria = 100
    static let maxPointsPerCriterion = 1000

    /// Checks a new version's criteria and passing score: at least one criterion, codes well
    /// formed and unique, names given, maximum points from 1 to 1000, a passing score from 1 to the
    /// sheet's maximum.
    public func validated() throws(RPCError) -> CriteriaSheet {
        guard !self.criteria.isEmpty, self.criteria.count <= Self.maxCriteria else {
            throw RPCError(
                .invalidArgument,
                "a sheet has from 1 to \(Self.maxCriteria) criteria; this one has \(self.criteria.count)",
                field: "criteria",
                rule: "green_clean.criteria_count",
                values: ["max": "\(Self.maxCriteria)"]
            )
        }
        var sheet = self
        var seen: Set<String> = []
        for (index, criterion) in self.criteria.enumerated() {
            let field = "criteria[\(index)]"
            guard Self.isWellFormedCode(criterion.code) else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).code must be 1 to 32 letters, digits, \"_\", \"-\" or \".\"; got \"\(criterion.code)\"",
                    field: "\(field).code",
                    rule: "green_clean.criterion_code"
                )
            }
            guard seen.insert(criterion.code).inserted else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(criterion.code) is listed twice",
                    field: "\(field).code",
                    rule: "field.duplicate"
                )
            }
            sheet.criteria[index].name = try Fields.text(criterion.name, field: "\(field).name", maxLength: 300)
            guard (1...Self.maxPointsPerCriterion).contains(criterion.maxPoints) else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).max_points must be from 1 to \(Self.maxPointsPerCriterion); got \(criterion.maxPoints)",
                    field: "\(field).max_points",
                    rule: "green_clean.criterion_max_points",
                    values: ["max": "\(Self.maxPointsPerCriterion)"]
                )
            }
        }
        guard (1...sheet.maxScore).contains(self.passingScore) else {
            throw RPCError(
                .invalidArgument,
                "passing_score must be from 1 to the sheet's maximum of \(sheet.maxScore); got \(self.passingScore)",
                field: "passing_score",
                rule: "green_clean.passing_score",
                values: ["max": "\(sheet.maxScore)"]
            )
        }
        return sheet
    }

    private static func isWellFormedCode(_ code: String) -> Bool {
        (1...32).contains(code.count)
            && code.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
            }
    }
}

/// A unit's claim on one criterion in its self-assessment.
public struct ClaimedScore: Sendable, Equatable {
    public var code: String
    public var points: Int
    /// References to the evidence: minutes, photos, documents.
    public var evidence: [String]
    public var note: String

    public init(code: String, points: Int, evidence: [String], note: String) {
        self.code = code
        self.points = points
        self.evidence = evidence
        self.note = note
    }
}

/// The appraising unit's change to one criterion's score, with its reason.
public struct ScoreAdjustment: Sendable, Equatable {
    public var code: String
    public var points: Int
    public var reason: String

    public init(code: String, points: Int, reason: String) {
        self.code = code
        self.points = points
        self.reason = reason
    }
}

extension CriteriaSheet {
    /// Checks a self-assessment: every criterion of the sheet claimed exactly once, within its
    /// maximum, and any points above 0 backed by at least one evidence reference. Returns the
    /// claims in the sheet's order, their texts trimmed.
    public func checkClaims(_ claims: [ClaimedScore]) throws(RPCError) -> [ClaimedScore] {
        try SelfAssessmentCheck(criteria: self.criteria.map(\.code), field: "scores").check(
            claims, code: \.code, evidence: \.evidence, claims: { $0.points > 0 }
        ) { claim, field, code, evidence throws(RPCError) in
            // The kit checked that `code` names a criterion of the sheet.
            let maxPoints = self.criterion(code)?.maxPoints ?? 0
            guard (0...maxPoints).contains(claim.points) else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(code) earns at most \(maxPoints) points; \(claim.points) were claimed",
                    field: "\(field).points",
                    rule: "green_clean.score_range",
                    values: ["criterion": code, "max": "\(maxPoints)", "points": "\(claim.points)"]
                )
            }
            return ClaimedScore(code: code, points: claim.points, evidence: evidence, note: try Fields.note(claim.note, field: "\(field).note"))
        }
    }

    /// Checks an appraisal's adjustments against the claims: each names a criterion of the sheet
    /// once, stays within its maximum, changes the claimed points, and gives a reason. Returns the
    /// adjustments by criterion code, their reasons trimmed.
    public func checkAdjustments(_ adjustments: [ScoreAdjustment], claims: [ClaimedScore]) throws(RPCError) -> [String: ScoreAdjustment] {
        var byCode: [String: ScoreAdjustment] = [:]
        for (index, adjustment) in adjustments.enumerated() {
            let field = "adjustments[\(index)]"
            guard let criterion = self.criterion(adjustment.code) else {
                throw RPCError(
                    .invalidArgument,
                    "sheet version \(self.version) has no criterion \"\(adjustment.code)\"",
                    field: "\(field).criterion_code",
                    rule: "criteria.unknown",
                    values: ["code": adjustment.code]
                )
            }
            guard byCode[adjustment.code] == nil else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(adjustment.code) is adjusted twice",
                    field: "\(field).criterion_code",
                    rule: "field.duplicate"
                )
            }
            guard (0...criterion.maxPoints).contains(adjustment.points) else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(adjustment.code) earns at most \(criterion.maxPoints) points; the adjustment gives \(adjustment.points)",
                    field: "\(field).points",
                    rule: "green_clean.score_range",
                    values: ["criterion": adjustment.code, "max": "\(criterion.maxPoints)", "points": "\(adjustment.points)"]
                )
            }
            let claimed = claims.first { $0.code == adjustment.code }?.points ?? 0
            guard adjustment.points != claimed else {
                throw RPCError(
                    .invalidArgument,
                    "criterion \(adjustment.code) was claimed at \(claimed) points; an adjustment must change the score",
                    field: "\(field).points",
                    rule: "green_clean.adjustment_unchanged",
                    values: ["criterion": adjustment.code]
                )
            }
            guard let reason = try Fields.optionalText(adjustment.reason, field: "\(field).reason", maxLength: 1000) else {
                throw RPCError(
                    .invalidArgument,
                    "the adjustment of criterion \(adjustment.code) needs a reason",
                    field: "\(field).reason",
                    rule: "green_clean.adjustment_reason",
                    values: ["criterion": adjustment.code]
                )
            }
            byCode[adjustment.code] = ScoreAdjustment(code: adjustment.code, points: adjustment.points, reason: reason)
        }
        return byCode
    }

    /// The claimed total.
    public static func total(of claims: [ClaimedScore]) -> Int {
        claims.reduce(0) { $0 + $1.points }
    }

    /// The appraised total: the adjusted points where adjusted, the claimed ones elsewhere.
    public static func appraisedTotal(of claims: [ClaimedScore], adjustments: [String: ScoreAdjustment]) -> Int {
        claims.reduce(0) { $0 + (adjustments[$1.code]?.points ?? $1.points) }
    }
}
