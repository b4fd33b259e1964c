import Testing
import ThiduaModuleKit

@testable import Innovation

/// The pure rules of a filing: titles, fields, authors, recognition criteria and benefit bands.
@Suite struct InitiativeContentTests {
    static let today = CalendarDate("2022-06-15")!

    static func author(_ member: String, _ share: UInt32, _ category: WorkerCategory = .directWorker) -> InitiativeAuthor {
        .with {
            $0.memberID = member
            $0.sharePercent = share
            $0.category = category
        }
    }

    static func check(
        title: String = "Cải tiến quy trình nhập kho",
        kind: InitiativeKind = .managerial,
        authors: [InitiativeAuthor] = [author("m1", 60), author("m2", 40)],
        application: ApplicationStatus = .applied,
        firstAppliedOn: String = "2022-03-01",
        benefitVND: UInt64 = 1_000_000,
        benefitNote: String = ""
    ) -> (InitiativeContent?, [String]) {
        var problems = FieldProblems()
        let content = InitiativeContent.check(
            title: title, summary: "", kind: kind, authors: authors, application: application,
            firstAppliedOn: firstAppliedOn, benefitVND: benefitVND, benefitNote: benefitNote,
            today: Self.today, prefix: "", into: &problems
        )
        return (content, problems.details.map { "\($0.field):\($0.rule)" })
    }

    @Test func titlesCompareWithoutCaseDiacriticsSpacingOrPunctuation() {
        let forms = ["Cải tiến quy trình nhập kho", "  CẢI TIẾN   quy trình, nhập kho. ", "cai tien quy trinh nhap kho", "Cai-tien quy trinh nhap kho!"]
        let normalised = Set(forms.map(InitiativeTitle.normalised))
        #expect(normalised == ["cai tien quy trinh nhap kho"])
        #expect(InitiativeTitle.normalised("Đổi mới đánh giá") == "doi moi danh gia")
        #expect(InitiativeTitle.normalised("Số hóa 2 khâu") != InitiativeTitle.normalised("Số hóa 3 khâu"))
        #expect(InitiativeTitle.normalised("Quản lý kho") != InitiativeTitle.normalised("Quản lý khó khăn"))
        #expect(InitiativeTitle.normalised("?!.,") == "")
    }

    @Test func aGoodFilingPasses() {
        let (content, problems) = Self.check()
        #expect(problems.isEmpty)
        #expect(content?.firstAppliedOn == CalendarDate("2022-03-01"))
        #expect(content?.authors.map(\.sharePercent) == [60, 40])
    }

    @Test func everyBadFieldIsNamedWithItsRule() {
        #expect(Self.check(title: " ").1 == ["title:field.required"])
        #expect(Self.check(title: "…!").1 == ["title:innovation.title_words"])
        #expect(Self.check(title: String(repeating: "a", count: 301)).1 == ["title:field.max_length"])
        #expect(Self.check(kind: .unspecified).1 == ["kind:field.enum"])
        #expect(Self.check(kind: .UNRECOGNIZED(9)).1 == ["kind:field.enum"])
        #expect(Self.check(authors: []).1 == ["authors:innovation.authors"])
        #expect(Self.check(authors: [Self.author("m1", 60), Self.author("m2", 30)]).1 == ["authors:innovation.author_shares"])
        #expect(Self.check(authors: [Self.author("m1", 0), Self.author("m2", 100)]).1 == ["authors[0].share_percent:innovation.author_shares"])
        #expect(Self.check(authors: [Self.author("m1", 50), Self.author("m1", 50)]).1 == ["authors[1].member_id:innovation.author_unique"])
        #expect(Self.check(authors: [Self.author("", 100)]).1 == ["authors[0].member_id:field.required"])
        #expect(Self.check(authors: [Self.author("m1", 100, .UNRECOGNIZED(7))]).1 == ["authors[0].category:field.enum"])
        #expect(Self.check(authors: [Self.author("m1", 100, .unspecified)]).1.isEmpty)
        #expect(Self.check(application: .unspecified, firstAppliedOn: "").1 == ["application:field.enum"])
        #expect(Self.check(firstAppliedOn: "").1 == ["first_applied_on:field.required"])
        #expect(Self.check(firstAppliedOn: "2022-02-30").1 == ["first_applied_on:date.format"])
        #expect(Self.check(firstAppliedOn: "2022-06-16").1 == ["first_applied_on:innovation.first_applied_future"])
        #expect(Self.check(application: .notApplied, firstAppliedOn: "2022-03-01").1 == ["first_applied_on:innovation.first_applied_unexpected"])
        #expect(Self.check(benefitVND: InitiativeContent.maxBenefitVND + 1).1 == ["benefit_vnd:innovation.benefit_range"])
    }

    @Test func allProblemsAreReportedAtOnce() {
        let (content, problems) = Self.check(title: "", kind: .unspecified, authors: [])
        #expect(content == nil)
        #expect(problems == ["title:field.required", "kind:field.enum", "authors:innovation.authors"])
    }

    @Test func recognitionNeedsApplicationAndBenefit() throws {
        let applied = try #require(Self.check().0)
        try RecognitionCriteria.check(applied, today: Self.today)

        let notApplied = try #require(Self.check(application: .notApplied, firstAppliedOn: "").0)
        #expect(Self.rule { () throws(RPCError) in try RecognitionCriteria.check(notApplied, today: Self.today) } == "innovation.applied")

        // Applied after the day it is judged on (an import's decision date, say).
        #expect(Self.rule { () throws(RPCError) in try RecognitionCriteria.check(applied, today: CalendarDate("2022-02-28")!) } == "innovation.applied")

        let noBenefit = try #require(Self.check(benefitVND: 0).0)
        #expect(Self.rule { () throws(RPCError) in try RecognitionCriteria.check(noBenefit, today: Self.today) } == "innovation.benefit_stated")

        let benefitInWords = try #require(Self.check(benefitVND: 0, benefitNote: "Giảm thời gian chờ của học sinh").0)
        try RecognitionCriteria.check(benefitInWords, today: Self.today)
    }

    @Test func bandsDecideByCategoryAndOptionallyByShare() {
        let whole = BenefitBands(
            regulation: "test", effectiveFrom: CalendarDate("2020-01-01")!, byAuthorShare: false,
            thresholds: [.directWorker: 80_000_000, .technicalStaff: 120_000_000, .middleManager: 150_000_000, .seniorManager: 200_000_000]
        )
        #expect(whole.qualifies(category: .directWorker, benefitVND: 80_000_000, sharePercent: 10))
        #expect(!whole.qualifies(category: .technicalStaff, benefitVND: 119_999_999, sharePercent: 100))
        #expect(whole.qualifies(category: .seniorManager, benefitVND: 200_000_000, sharePercent: 100))

        let shared = BenefitBands(regulation: "test", effectiveFrom: whole.effectiveFrom, byAuthorShare: true, thresholds: whole.thresholds)
        #expect(shared.credited(benefitVND: 200_000_000, sharePercent: 40) == 80_000_000)
        #expect(shared.qualifies(category: .directWorker, benefitVND: 200_000_000, sharePercent: 40))
        #expect(!shared.qualifies(category: .directWorker, benefitVND: 200_000_000, sharePercent: 39))
        #expect(shared.credited(benefitVND: InitiativeContent.maxBenefitVND, sharePercent: 100) == InitiativeContent.maxBenefitVND)
    }

    @Test func theBandsInForceAreTheLatestNotAfterTheDate() {
        func set(_ from: String) -> BenefitBands {
            BenefitBands(regulation: from, effectiveFrom: CalendarDate(from)!, byAuthorShare: false, thresholds: [:])
        }
        let sets = [set("2000-01-01"), set("2024-01-01"), set("2025-07-01")]
        #expect(BenefitBands.inForce(on: CalendarDate("2023-12-31")!, among: sets)?.regulation == "2000-01-01")
        #expect(BenefitBands.inForce(on: CalendarDate("2024-01-01")!, among: sets)?.regulation == "2024-01-01")
        #expect(BenefitBands.inForce(on: CalendarDate("2026-01-01")!, among: sets)?.regulation == "2025-07-01")
        #expect(BenefitBands.inForce(on: CalendarDate("1999-12-31")!, among: sets) == nil)
    }

    @Test func aBandSetMustCoverEveryCategoryWithAPositiveThreshold() {
        func bands(_ pairs: [(WorkerCategory, UInt64)]) -> BenefitBandSet {
            .with {
                $0.regulation = "Quy chế 2024"
                $0.effectiveFrom = "2024-01-01"
                $0.bands = pairs.map { category, threshold in BenefitBand.with { $0.category = category; $0.minBenefitVnd = threshold } }
            }
        }
        let full: [(WorkerCategory, UInt64)] = [(.directWorker, 1), (.technicalStaff, 2), (.middleManager, 3), (.seniorManager, 4)]
        #expect((try? BenefitBands.check(bands(full)))?.thresholds[.middleManager] == 3)
        #expect(Self.rule { () throws(RPCError) in _ = try BenefitBands.check(bands(Array(full.dropLast()))) } == "innovation.band_categories")
        #expect(Self.rule { () throws(RPCError) in _ = try BenefitBands.check(bands(full + [(.directWorker, 5)])) } == "innovation.band_categories")
        #expect(Self.rule { () throws(RPCError) in _ = try BenefitBands.check(bands([(.directWorker, 0)] + full.dropFirst())) } == "innovation.band_positive")
        var noDate = bands(full)
        noDate.effectiveFrom = ""
        #expect(Self.rule { () throws(RPCError) in _ = try BenefitBands.check(noDate) } == "field.required")
    }

    static func rule(_ body: () throws(RPCError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.details.first?.rule
        }
    }
}
