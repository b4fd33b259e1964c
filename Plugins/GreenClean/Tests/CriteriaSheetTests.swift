import Testing
import ThiduaModuleKit

@testable import GreenClean

/// Scoring rules of the criteria sheet, without I/O.
@Suite struct CriteriaSheetTests {
    static let sheet = CriteriaSheet(
        version: 3,
        title: "Thang điểm thử",
        regulation: "",
        effectiveFrom: CalendarDate("2024-01-01")!,
        passingScore: 45,
        criteria: [
            .init(code: "X", name: "Xanh", maxPoints: 20),
            .init(code: "S", name: "Sạch", maxPoints: 20),
            .init(code: "AT", name: "ATVSLĐ", maxPoints: 10),
        ]
    )

    static func claim(_ code: String, _ points: Int, evidence: [String] = ["Biên bản kiểm tra số 1"]) -> ClaimedScore {
        ClaimedScore(code: code, points: points, evidence: evidence, note: "")
    }

    static func refusal(_ body: () throws(RPCError) -> Void) -> (code: StatusCode, field: String, rule: String)? {
        do {
            try body()
            return nil
        } catch {
            return (error.code, error.details.first?.field ?? "", error.details.first?.rule ?? "")
        }
    }

    @Test func aCompleteSelfAssessmentComesBackInTheSheetsOrder() throws {
        let claims = try Self.sheet.checkClaims([
            Self.claim("AT", 10, evidence: ["  Sổ theo dõi ATVSLĐ  "]),
            Self.claim("X", 0, evidence: []),
            Self.claim("S", 18),
        ])
        #expect(claims.map(\.code) == ["X", "S", "AT"])
        #expect(claims[2].evidence == ["Sổ theo dõi ATVSLĐ"])
        #expect(CriteriaSheet.total(of: claims) == 28)
        #expect(Self.sheet.maxScore == 50)
    }

    /// A code written with spaces around it is the criterion's: the kit trims it, and the claim
    /// comes back under the trimmed code (it once crashed the server).
    @Test func aPaddedCriterionCodeIsTrimmed() throws {
        let claims = try Self.sheet.checkClaims([Self.claim(" X ", 20), Self.claim("S", 20), Self.claim("AT\t", 10)])
        #expect(claims.map(\.code) == ["X", "S", "AT"])
    }

    @Test func selfAssessmentsBreakingARuleAreRefusedNamingTheField() {
        let full = [Self.claim("X", 20), Self.claim("S", 20), Self.claim("AT", 10)]
        let cases: [([ClaimedScore], String, String)] = [
            (full + [Self.claim("PCCN", 5)], "scores[3].criterion_code", "criteria.unknown"),
            ([Self.claim("X", 20), Self.claim("X", 19), Self.claim("AT", 10)], "scores[1].criterion_code", "field.duplicate"),
            ([Self.claim("X", 21), Self.claim("S", 20), Self.claim("AT", 10)], "scores[0].points", "green_clean.score_range"),
            ([Self.claim("X", 20), Self.claim("S", 20)], "scores", "criteria.missing"),
            ([Self.claim("X", 20), Self.claim("S", 5, evidence: []), Self.claim("AT", 10)], "scores[1].evidence", "criteria.evidence_required"),
            ([Self.claim("X", 20), Self.claim("S", 5, evidence: ["ok", " "]), Self.claim("AT", 10)], "scores[1].evidence[1]", "field.required"),
            ([Self.claim("X", 20, evidence: ["a\nb"]), Self.claim("S", 20), Self.claim("AT", 10)], "scores[0].evidence[0]", "criteria.evidence_line"),
            (
                [Self.claim("X", 20, evidence: Array(repeating: "ảnh", count: 21)), Self.claim("S", 20), Self.claim("AT", 10)],
                "scores[0].evidence", "field.max_items"
            ),
            (
                [Self.claim("X", 20, evidence: [String(repeating: "x", count: 301)]), Self.claim("S", 20), Self.claim("AT", 10)],
                "scores[0].evidence[0]", "field.max_length"
            ),
        ]
        for (claims, field, rule) in cases {
            let refusal = Self.refusal { () throws(RPCError) in _ = try Self.sheet.checkClaims(claims) }
            #expect(refusal?.code == .invalidArgument, "\(rule)")
            #expect(refusal?.field == field, "\(rule)")
            #expect(refusal?.rule == rule)
        }
    }

    @Test func adjustmentsChangeScoresWithReasons() throws {
        let claims = [Self.claim("X", 20), Self.claim("S", 20), Self.claim("AT", 10)]
        let adjustments = try Self.sheet.checkAdjustments(
            [ScoreAdjustment(code: "S", points: 15, reason: "  rác chưa phân loại  ")],
            claims: claims
        )
        #expect(adjustments["S"] == ScoreAdjustment(code: "S", points: 15, reason: "rác chưa phân loại"))
        #expect(CriteriaSheet.appraisedTotal(of: claims, adjustments: adjustments) == 45)
        #expect(CriteriaSheet.appraisedTotal(of: claims, adjustments: [:]) == 50)
    }

    @Test func adjustmentsBreakingARuleAreRefused() {
        let claims = [Self.claim("X", 20), Self.claim("S", 20), Self.claim("AT", 10)]
        let cases: [([ScoreAdjustment], String, String)] = [
            ([.init(code: "D", points: 1, reason: "r")], "adjustments[0].criterion_code", "criteria.unknown"),
            ([.init(code: "X", points: 1, reason: "r"), .init(code: "X", points: 2, reason: "r")], "adjustments[1].criterion_code", "field.duplicate"),
            ([.init(code: "AT", points: 11, reason: "r")], "adjustments[0].points", "green_clean.score_range"),
            ([.init(code: "AT", points: 10, reason: "r")], "adjustments[0].points", "green_clean.adjustment_unchanged"),
            ([.init(code: "AT", points: 8, reason: "  ")], "adjustments[0].reason", "green_clean.adjustment_reason"),
        ]
        for (adjustments, field, rule) in cases {
            let refusal = Self.refusal { () throws(RPCError) in _ = try Self.sheet.checkAdjustments(adjustments, claims: claims) }
            #expect(refusal?.code == .invalidArgument, "\(rule)")
            #expect(refusal?.field == field, "\(rule)")
            #expect(refusal?.rule == rule)
        }
    }

    @Test func aNewVersionMustBeWellFormed() throws {
        #expect(try Self.sheet.validated() == Self.sheet)
        func with(_ change: (inout CriteriaSheet) -> Void) -> CriteriaSheet {
            var sheet = Self.sheet
            change(&sheet)
            return sheet
        }
        let cases: [(CriteriaSheet, String, String)] = [
            (with { $0.criteria = [] }, "criteria", "green_clean.criteria_count"),
            (with { $0.criteria[1].code = "S 1" }, "criteria[1].code", "green_clean.criterion_code"),
            (with { $0.criteria[1].code = "" }, "criteria[1].code", "green_clean.criterion_code"),
            (with { $0.criteria[2].code = "X" }, "criteria[2].code", "field.duplicate"),
            (with { $0.criteria[0].name = " " }, "criteria[0].name", "field.required"),
            (with { $0.criteria[0].maxPoints = 0 }, "criteria[0].max_points", "green_clean.criterion_max_points"),
            (with { $0.passingScore = 51 }, "passing_score", "green_clean.passing_score"),
            (with { $0.passingScore = 0 }, "passing_score", "green_clean.passing_score"),
        ]
        for (sheet, field, rule) in cases {
            let refusal = Self.refusal { () throws(RPCError) in _ = try sheet.validated() }
            #expect(refusal?.code == .invalidArgument, "\(rule)")
            #expect(refusal?.field == field, "\(rule)")
            #expect(refusal?.rule == rule)
        }
    }
}
