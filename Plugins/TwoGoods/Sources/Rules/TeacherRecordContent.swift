import ThiduaModuleKit
import TwoGoodsAPI

/// The checked content of a teacher's record: excellent-teacher results, recognised teaching
/// initiatives, hours and evidence. Pure: built from request fields, the school year's window,
/// today and the settings.
struct TeacherRecordContent: Sendable, Equatable {
    var excellentTeacherResults: [ExcellentTeacherResult]
    var initiatives: [TeachingInitiative]
    var selfStudyHours: Double
    var trainingHours: Double
    var evidence: [String]

    /// What the rules need to know besides the fields.
    struct Bounds: Sendable {
        let schoolYearStartsOn: CalendarDate
        let schoolYearEndsOn: CalendarDate
        let today: CalendarDate
        let rules: TwoGoodsRules
    }

    /// The most items of the initiatives and the evidence of one record: a bound on the request.
    static let maxListItems = 20

    static let levels: [ContestLevel] = [.schoolLevel, .districtLevel, .provinceLevel]
    static let prizes: [ContestPrize] = [.unspecified, .firstPrize, .secondPrize, .thirdPrize, .consolationPrize]

    /// At most one result per level (INVALID_ARGUMENT, rule `two_goods.level_unique`), each decided
    /// inside the school year and not after today (rule `two_goods.result_date`). Sorted by level.
    static func checkResults(_ results: [ExcellentTeacherResult], bounds: Bounds) throws(RPCError) -> [ExcellentTeacherResult] {
        let field = "excellent_teacher_results"
        _ = try Fields.list(results, field: field, maxItems: Self.levels.count)
        var checked: [ExcellentTeacherResult] = []
        for (index, result) in results.enumerated() {
            let item = "\(field)[\(index)]"
            let level = try Fields.known(result.level, among: Self.levels, field: "\(item).level")
            let prize = try Fields.known(result.prize, among: Self.prizes, field: "\(item).prize")
            let decidedOn = try CalendarDate.parse(result.decidedOn, field: "\(item).decided_on")
            guard bounds.schoolYearStartsOn <= decidedOn, decidedOn <= bounds.schoolYearEndsOn, decidedOn <= bounds.today else {
                throw RPCError(
                    .invalidArgument,
                    "\(item).decided_on is \(decidedOn); a result of this school year is decided from \(bounds.schoolYearStartsOn) to \(min(bounds.schoolYearEndsOn, bounds.today))",
                    field: "\(item).decided_on",
                    rule: "two_goods.result_date"
                )
            }
            guard !checked.contains(where: { $0.level == level }) else {
                throw RPCError(
                    .invalidArgument,
                    "\(item) repeats the level \(level); a teacher has one result per level and school year",
                    field: "\(item).level",
                    rule: "two_goods.level_unique"
                )
            }
            let reference = try Fields.optionalText(result.reference, field: "\(item).reference") ?? ""
            checked.append(.with {
                $0.level = level
                $0.prize = prize
                $0.decidedOn = decidedOn.description
                $0.reference = reference
            })
        }
        return checked.sorted { $0.level.rawValue < $1.level.rawValue }
    }

    /// Each initiative with a title and the level that recognised it.
    static func checkInitiatives(_ initiatives: [TeachingInitiative], bounds: Bounds) throws(RPCError) -> [TeachingInitiative] {
        let field = "initiatives"
        _ = try Fields.list(initiatives, field: field, maxItems: Self.maxListItems)
        var checked: [TeachingInitiative] = []
        for (index, initiative) in initiatives.enumerated() {
            let item = "\(field)[\(index)]"
            let title = try Fields.text(initiative.title, field: "\(item).title", maxLength: 300)
            let level = try Fields.known(initiative.level, among: Self.levels, field: "\(item).level")
            let reference = try Fields.optionalText(initiative.reference, field: "\(item).reference") ?? ""
            checked.append(.with {
                $0.title = title
                $0.level = level
                $0.reference = reference
            })
        }
        return checked
    }

    /// Hours of the school year: a finite number from 0 to the bound of the rules in force
    /// (INVALID_ARGUMENT, rule `two_goods.hours_range`).
    static func checkHours(_ hours: Double, field: String, bounds: Bounds) throws(RPCError) -> Double {
        let maximum = bounds.rules.maxHoursPerYear
        guard hours.isFinite, hours >= 0, hours <= maximum else {
            throw RPCError(
                .invalidArgument,
                "\(field) must be between 0 and \(Self.format(maximum)) hours for a school year; got \(hours)",
                field: field,
                rule: "two_goods.hours_range",
                values: ["max": Self.format(maximum)]
            )
        }
        return hours
    }

    /// References to documents, certificates or links; none empty.
    static func checkEvidence(_ evidence: [String], bounds: Bounds) throws(RPCError) -> [String] {
        let field = "evidence"
        _ = try Fields.list(evidence, field: field, maxItems: Self.maxListItems)
        var checked: [String] = []
        for (index, reference) in evidence.enumerated() {
            checked.append(try Fields.text(reference, field: "\(field)[\(index)]", maxLength: 500))
        }
        return checked
    }

    /// Whether the record holds an achievement that an individual commendation rewards.
    var hasAchievement: Bool { !self.excellentTeacherResults.isEmpty || !self.initiatives.isEmpty }

    private static func format(_ hours: Double) -> String {
        hours == hours.rounded() ? String(Int(hours)) : String(hours)
    }
}

extension TeacherRecordContent {
    /// The content of a new record, every field checked.
    init(_ request: RecordTeacherRequest, bounds: Bounds) throws(RPCError) {
        self.excellentTeacherResults = try Self.checkResults(request.excellentTeacherResults, bounds: bounds)
        self.initiatives = try Self.checkInitiatives(request.initiatives, bounds: bounds)
        self.selfStudyHours = try Self.checkHours(request.selfStudyHours, field: "self_study_hours", bounds: bounds)
        self.trainingHours = try Self.checkHours(request.trainingHours, field: "training_hours", bounds: bounds)
        self.evidence = try Self.checkEvidence(request.evidence, bounds: bounds)
    }

    static let updatableFields: Set<String> = ["excellent_teacher_results", "initiatives", "self_study_hours", "training_hours", "evidence"]

    /// This content with the fields named in the request's mask replaced, each checked.
    func updating(with request: UpdateTeacherRecordRequest, mask: Set<String>, bounds: Bounds) throws(RPCError) -> TeacherRecordContent {
        var next = self
        if mask.contains("excellent_teacher_results") {
            next.excellentTeacherResults = try Self.checkResults(request.excellentTeacherResults, bounds: bounds)
        }
        if mask.contains("initiatives") {
            next.initiatives = try Self.checkInitiatives(request.initiatives, bounds: bounds)
        }
        if mask.contains("self_study_hours") {
            next.selfStudyHours = try Self.checkHours(request.selfStudyHours, field: "self_study_hours", bounds: bounds)
        }
        if mask.contains("training_hours") {
            next.trainingHours = try Self.checkHours(request.trainingHours, field: "training_hours", bounds: bounds)
        }
        if mask.contains("evidence") {
            next.evidence = try Self.checkEvidence(request.evidence, bounds: bounds)
        }
        return next
    }
}
