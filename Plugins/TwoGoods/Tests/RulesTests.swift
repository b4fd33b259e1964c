import Testing
import ThiduaModuleKit
@testable import TwoGoods

/// The module's rules, without I/O.
@Suite struct RulesTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func unit(
        kind: UnitReference.Kind = .grassrootsUnion, sector: UnitReference.Sector = .school, stateFunded: Bool = false, live: Bool = true
    ) -> UnitReference {
        UnitReference(id: "u9", parentID: "u2", name: "Công đoàn Trường Tiểu học Dân Lực", kind: kind, sector: sector, fullyStateFunded: stateFunded, isLive: live)
    }

    static func rule(of body: () throws(RPCError) -> Void) -> String? {
        do {
            try body()
            return nil
        } catch {
            return error.details.first?.rule
        }
    }

    // MARK: Eligibility

    /// The shipped rules before the July 2025 reorganisation, and after it.
    static let before = TwoGoodsRules.defaults[0]
    static let after = TwoGoodsRules.defaults[1]

    @Test func onlySchoolUnionsThatStillHaveAUnionTakePart() {
        func check(_ unit: UnitReference, _ rules: TwoGoodsRules) -> String? {
            Self.rule { () throws(RPCError) in try SchoolEligibility.check(unit, rules: rules, field: "school_unit_id") }
        }
        #expect(check(Self.unit(), Self.before) == nil)
        #expect(check(Self.unit(), Self.after) == nil)
        // An enterprise union, a sector union of schools, a school without a grassroots kind.
        #expect(check(Self.unit(sector: .nonStateEnterprise), Self.before) == "two_goods.school_sector")
        #expect(check(Self.unit(kind: .sectorUnion), Self.before) == "two_goods.school_sector")
        #expect(check(Self.unit(live: false), Self.before) == "two_goods.school_has_union")
        // A fully state-funded school had its union before July 2025, not after.
        #expect(check(Self.unit(stateFunded: true), Self.before) == nil)
        #expect(check(Self.unit(stateFunded: true), Self.after) == "two_goods.school_has_union")
        #expect(!SchoolEligibility.isEligible(Self.unit(stateFunded: true), rules: Self.after))
        #expect(SchoolEligibility.isEligible(Self.unit(stateFunded: true), rules: Self.before))
    }

    @Test func theShippedRulesAreKeyedToTheirDates() {
        #expect(Self.before.effectiveFrom == Self.date("2000-01-01"))
        #expect(Self.after.effectiveFrom == Self.date("2025-07-01"))
        #expect(!Self.before.excludeFullyStateFunded && Self.after.excludeFullyStateFunded)
        #expect(TwoGoodsRules.defaults.allSatisfy { $0.requiredTrainingHours == 120 && !$0.regulation.isEmpty })
    }

    @Test func aRuleSetFromARequestIsChecked() throws {
        let valid = Self.before.message
        #expect(try TwoGoodsRules(checking: valid) == Self.before)
        func rule(_ change: (inout TwoGoodsRuleSet) -> Void) -> String? {
            var message = valid
            change(&message)
            return Self.rule { () throws(RPCError) in _ = try TwoGoodsRules(checking: message) }
        }
        #expect(rule { $0.regulation = " " } == "field.required")
        #expect(rule { $0.effectiveFrom = "2025-7-1" } == "date.format")
        #expect(rule { $0.maxHoursPerYear = 0 } == "two_goods.rule_set_hours")
        #expect(rule { $0.maxHoursPerYear = 9_000 } == "two_goods.rule_set_hours")
        #expect(rule { $0.requiredTrainingHours = -1 } == "two_goods.rule_set_hours")
        #expect(rule { $0.requiredTrainingHours = 1_001 } == "two_goods.rule_set_hours")
        #expect(rule { $0.requiredTrainingHours = .nan } == "two_goods.rule_set_hours")
        #expect(rule { $0.collectiveCommendationMinimum = .unspecified } == "field.enum")
    }

    // MARK: Teacher records

    static let bounds = TeacherRecordContent.Bounds(
        schoolYearStartsOn: date("2021-09-01"), schoolYearEndsOn: date("2022-08-31"), today: date("2022-06-30"), rules: TwoGoodsRules.defaults[0]
    )

    static func result(_ level: ContestLevel, on date: String = "2021-12-10", prize: ContestPrize = .unspecified) -> ExcellentTeacherResult {
        .with {
            $0.level = level
            $0.prize = prize
            $0.decidedOn = date
            $0.reference = " 45/QĐ-PGDĐT "
        }
    }

    @Test func excellentTeacherResultsAreCheckedAndSortedByLevel() throws {
        let checked = try TeacherRecordContent.checkResults([Self.result(.provinceLevel, prize: .secondPrize), Self.result(.schoolLevel)], bounds: Self.bounds)
        #expect(checked.map(\.level) == [.schoolLevel, .provinceLevel])
        #expect(checked.map(\.reference) == ["45/QĐ-PGDĐT", "45/QĐ-PGDĐT"])
        func rule(_ results: [ExcellentTeacherResult]) -> String? {
            Self.rule { () throws(RPCError) in _ = try TeacherRecordContent.checkResults(results, bounds: Self.bounds) }
        }
        #expect(rule([Self.result(.unspecified)]) == "field.enum")
        #expect(rule([Self.result(.UNRECOGNIZED(9))]) == "field.enum")
        #expect(rule([Self.result(.schoolLevel, prize: .UNRECOGNIZED(7))]) == "field.enum")
        #expect(rule([Self.result(.schoolLevel, on: "2021-13-01")]) == "date.format")
        #expect(rule([Self.result(.schoolLevel, on: "2021-08-31")]) == "two_goods.result_date")
        #expect(rule([Self.result(.schoolLevel, on: "2022-07-01")]) == "two_goods.result_date")
        #expect(rule([Self.result(.districtLevel), Self.result(.districtLevel, on: "2022-03-01")]) == "two_goods.level_unique")
        #expect(rule(Array(repeating: Self.result(.schoolLevel), count: 4)) == "field.max_items")
    }

    @Test func hoursAreNonNegativeFiniteAndBounded() throws {
        #expect(try TeacherRecordContent.checkHours(0, field: "training_hours", bounds: Self.bounds) == 0)
        #expect(try TeacherRecordContent.checkHours(1_000, field: "training_hours", bounds: Self.bounds) == 1_000)
        for hours in [-0.5, 1_000.5, .infinity, .nan] {
            let rule = Self.rule { () throws(RPCError) in _ = try TeacherRecordContent.checkHours(hours, field: "training_hours", bounds: Self.bounds) }
            #expect(rule == "two_goods.hours_range", "\(hours)")
        }
    }

    @Test func initiativesAndEvidenceNeedTheirText() {
        func initiatives(_ list: [TeachingInitiative]) -> String? {
            Self.rule { () throws(RPCError) in _ = try TeacherRecordContent.checkInitiatives(list, bounds: Self.bounds) }
        }
        #expect(initiatives([.with { $0.title = "Dạy học theo dự án"; $0.level = .districtLevel }]) == nil)
        #expect(initiatives([.with { $0.title = "  "; $0.level = .districtLevel }]) == "field.required")
        #expect(initiatives([.with { $0.title = "Dạy học"; $0.level = .unspecified }]) == "field.enum")
        #expect(initiatives(Array(repeating: .with { $0.title = "X"; $0.level = .schoolLevel }, count: 21)) == "field.max_items")
        let evidence = Self.rule { () throws(RPCError) in _ = try TeacherRecordContent.checkEvidence(["chứng chỉ BDTX 2021", ""], bounds: Self.bounds) }
        #expect(evidence == "field.required")
    }

    @Test func anUpdateChangesOnlyTheMaskedFields() throws {
        let content = TeacherRecordContent(
            excellentTeacherResults: [Self.result(.schoolLevel)], initiatives: [], selfStudyHours: 40, trainingHours: 120, evidence: ["a"]
        )
        let request = UpdateTeacherRecordRequest.with {
            $0.trainingHours = 150
            $0.selfStudyHours = 999
            $0.evidence = []
        }
        let next = try content.updating(with: request, mask: ["training_hours", "evidence"], bounds: Self.bounds)
        #expect(next.trainingHours == 150)
        #expect(next.selfStudyHours == 40)
        #expect(next.evidence == [])
        #expect(next.excellentTeacherResults == content.excellentTeacherResults)
    }

    // MARK: Collective results

    @Test func collectiveCountsNest() throws {
        func rule(_ students: UInt32, _ passed: UInt32, _ excellent: UInt32, _ classification: SchoolClassification = .good) -> String? {
            Self.rule { () throws(RPCError) in
                _ = try SchoolResultRules.check(.with {
                    $0.classification = classification
                    $0.students = students
                    $0.studentsPassed = passed
                    $0.studentsExcellent = excellent
                }, field: "result")
            }
        }
        #expect(rule(500, 490, 120) == nil)
        #expect(rule(500, 500, 500) == nil)
        #expect(rule(500, 501, 0) == "two_goods.result_counts")
        #expect(rule(500, 400, 401) == "two_goods.result_counts")
        #expect(rule(500, 400, 10, .unspecified) == "field.enum")
    }

    // MARK: Commendations

    static func reviewedYear() throws -> SchoolYearLifecycle {
        var year = SchoolYearLifecycle(windows: SchoolYearLifecycleTests.windows)
        let today = date("2022-06-30")
        year = try year.applying(.recordResult(round: 1), today: today)
        year = try year.applying(.interimReview(round: 1, on: date("2021-11-20")), today: today)
        year = try year.applying(.finalReview(round: 1, on: date("2022-01-20")), today: today)
        year = try year.applying(.recordResult(round: 2), today: today)
        year = try year.applying(.interimReview(round: 2, on: date("2022-03-26")), today: today)
        return try year.applying(.finalReview(round: 2, on: date("2022-05-28")), today: today)
    }

    @Test func commendationsFollowTheYearsFinalReview() throws {
        let rules = Self.before
        let today = Self.date("2022-06-30")
        let reviewed = try Self.reviewedYear()
        func rule(_ recipient: CommendationRules.Recipient, year: SchoolYearLifecycle, on date: String = "2022-06-15", rules: TwoGoodsRules = rules) -> String? {
            Self.rule { () throws(RPCError) in
                try CommendationRules.check(recipient, year: year, decisionDate: Self.date(date), today: today, rules: rules)
            }
        }
        let withResult = TeacherRecordContent(excellentTeacherResults: [Self.result(.districtLevel)], initiatives: [], selfStudyHours: 0, trainingHours: 0, evidence: [])
        let empty = TeacherRecordContent(excellentTeacherResults: [], initiatives: [], selfStudyHours: 0, trainingHours: 0, evidence: [])
        #expect(rule(.collective(lastRoundClassification: .outstanding), year: reviewed) == nil)
        #expect(rule(.individual(record: withResult), year: reviewed) == nil)
        #expect(rule(.collective(lastRoundClassification: .outstanding), year: SchoolYearLifecycle(windows: SchoolYearLifecycleTests.windows)) == "two_goods.year_not_reviewed")
        #expect(rule(.collective(lastRoundClassification: .outstanding), year: reviewed, on: "2022-05-27") == "two_goods.decision_date")
        #expect(rule(.collective(lastRoundClassification: .outstanding), year: reviewed, on: "2022-07-01") == "two_goods.decision_date")
        #expect(rule(.collective(lastRoundClassification: .good), year: reviewed) == "two_goods.classification_below_minimum")
        #expect(rule(.collective(lastRoundClassification: nil), year: reviewed) == "two_goods.classification_below_minimum")
        #expect(rule(.individual(record: nil), year: reviewed) == "two_goods.teacher_record_required")
        #expect(rule(.individual(record: empty), year: reviewed) == "two_goods.no_individual_achievement")

        var lenient = rules
        lenient.collectiveCommendationMinimum = .good
        lenient.individualCommendationNeedsAchievement = false
        #expect(rule(.collective(lastRoundClassification: .good), year: reviewed, rules: lenient) == nil)
        #expect(rule(.collective(lastRoundClassification: .completed), year: reviewed, rules: lenient) == "two_goods.classification_below_minimum")
        #expect(rule(.individual(record: empty), year: reviewed, rules: lenient) == nil)
    }

    @Test func theAchievementNamesTheSchoolYear() {
        #expect(CommendationRules.achievement(schoolYear: 2021) == "Phong trào thi đua \"Hai tốt\" năm học 2021-2022")
    }

    // MARK: Ids and pages

    @Test func idsCarryTheirKind() throws {
        #expect(try TwoGoodsID.participation.row("tp17", field: "id") == 17)
        for bad in ["", "tr17", "tp", "tp0", "tp-3", "tp+3", "p17", "tp1x", "tp 1"] {
            let rule = Self.rule { () throws(RPCError) in _ = try TwoGoodsID.participation.row(bad, field: "id") }
            #expect(rule == "id.format", "\(bad)")
        }
    }

    @Test func pageTokensAreThisServers() throws {
        let page = try PageCursor(size: 2, token: "")
        let (items, token) = page.finish([Int64(3), 5, 8]) { $0 }
        #expect(items == [3, 5])
        #expect(try PageCursor(size: 2, token: token).afterRow() == 5)
        #expect(Self.rule { () throws(RPCError) in _ = try PageCursor(size: 1001, token: "") } == "page.size.max")
        #expect(Self.rule { () throws(RPCError) in _ = try PageCursor(size: 0, token: "not base64!") } == "page.token")
    }
}
