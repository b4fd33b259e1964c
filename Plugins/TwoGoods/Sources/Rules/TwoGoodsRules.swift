import ThiduaModuleKit
import TwoGoodsAPI

/// The rules of one regulation, in force from `effectiveFrom` until the next set: the numbers and
/// switches the module's checks read, never constants in them. The module ships defaults
/// (``TwoGoodsRules/defaults``); a deployment adds its own over the API.
public struct TwoGoodsRules: Sendable, Equatable {
    /// Where the rules come from.
    public var regulation: String
    /// The set applies to the school years starting on or after this day.
    public var effectiveFrom: CalendarDate
    /// The yearly continuous training a teacher owes, in hours; reports count who met it.
    public var requiredTrainingHours: Double
    /// The most hours of self-study, and of training, one record may hold for a school year.
    public var maxHoursPerYear: Double
    /// Whether fully state-funded schools are out: the union reorganisation of 1 July 2025
    /// dissolved their unions.
    public var excludeFullyStateFunded: Bool
    /// The lowest classification of a school's last round that earns the collective commendation.
    public var collectiveCommendationMinimum: SchoolClassification
    /// Whether an individual commendation needs an excellent-teacher result or a recognised
    /// teaching initiative.
    public var individualCommendationNeedsAchievement: Bool

    public init(
        regulation: String, effectiveFrom: CalendarDate, requiredTrainingHours: Double, maxHoursPerYear: Double,
        excludeFullyStateFunded: Bool, collectiveCommendationMinimum: SchoolClassification, individualCommendationNeedsAchievement: Bool
    ) {
        self.regulation = regulation
        self.effectiveFrom = effectiveFrom
        self.requiredTrainingHours = requiredTrainingHours
        self.maxHoursPerYear = maxHoursPerYear
        self.excludeFullyStateFunded = excludeFullyStateFunded
        self.collectiveCommendationMinimum = collectiveCommendationMinimum
        self.individualCommendationNeedsAchievement = individualCommendationNeedsAchievement
    }

    /// The sets the module ships, which its first migration stores:
    /// - from 2000: 120 hours of continuous training a school year (bồi dưỡng thường xuyên, 120
    ///   tiết under Thông tư 19/2019/TT-BGDĐT, counted here in hours); at most 1,000 hours of each
    ///   kind on a record, a bound against typing errors; the collective commendation for schools
    ///   classified outstanding, the individual one for teachers with a result or an initiative
    ///   [practice, unverified];
    /// - from 1 July 2025: the same, and fully state-funded schools are out, their unions
    ///   dissolved by the reorganisation.
    public static let defaults: [TwoGoodsRules] = [
        TwoGoodsRules(
            regulation: "Thông tư 19/2019/TT-BGDĐT (bồi dưỡng thường xuyên); hướng dẫn thi đua Hai tốt",
            effectiveFrom: CalendarDate("2000-01-01")!, requiredTrainingHours: 120, maxHoursPerYear: 1_000,
            excludeFullyStateFunded: false, collectiveCommendationMinimum: .outstanding, individualCommendationNeedsAchievement: true
        ),
        TwoGoodsRules(
            regulation: "Sắp xếp tổ chức công đoàn từ 01/7/2025: giải thể công đoàn đơn vị sự nghiệp công lập do ngân sách bảo đảm toàn bộ",
            effectiveFrom: CalendarDate("2025-07-01")!, requiredTrainingHours: 120, maxHoursPerYear: 1_000,
            excludeFullyStateFunded: true, collectiveCommendationMinimum: .outstanding, individualCommendationNeedsAchievement: true
        ),
    ]

    /// The highest bound a rule set may give hours: every hour of a year.
    static let hoursInAYear: Double = 366 * 24

    /// The set as the API carries it.
    public var message: TwoGoodsRuleSet {
        .with {
            $0.regulation = self.regulation
            $0.effectiveFrom = self.effectiveFrom.description
            $0.requiredTrainingHours = self.requiredTrainingHours
            $0.maxHoursPerYear = self.maxHoursPerYear
            $0.excludeFullyStateFunded = self.excludeFullyStateFunded
            $0.collectiveCommendationMinimum = self.collectiveCommendationMinimum
            $0.individualCommendationNeedsAchievement = self.individualCommendationNeedsAchievement
        }
    }

    /// A rule set from a request, every field checked: a regulation, a date, hours from 0 with
    /// the requirement within the bound (INVALID_ARGUMENT, rule `two_goods.rule_set_hours`), a known
    /// classification.
    init(checking message: TwoGoodsRuleSet) throws(RPCError) {
        self.regulation = try Fields.text(message.regulation, field: "regulation", maxLength: 300)
        self.effectiveFrom = try CalendarDate.parse(message.effectiveFrom, field: "effective_from")
        guard message.maxHoursPerYear.isFinite, message.maxHoursPerYear > 0, message.maxHoursPerYear <= Self.hoursInAYear else {
            throw RPCError(
                .invalidArgument,
                "max_hours_per_year must be above 0 and at most \(Int(Self.hoursInAYear)); got \(message.maxHoursPerYear)",
                field: "max_hours_per_year",
                rule: "two_goods.rule_set_hours"
            )
        }
        guard message.requiredTrainingHours.isFinite, message.requiredTrainingHours >= 0,
            message.requiredTrainingHours <= message.maxHoursPerYear
        else {
            throw RPCError(
                .invalidArgument,
                "required_training_hours must be from 0 to max_hours_per_year (\(message.maxHoursPerYear)); got \(message.requiredTrainingHours)",
                field: "required_training_hours",
                rule: "two_goods.rule_set_hours"
            )
        }
        self.requiredTrainingHours = message.requiredTrainingHours
        self.maxHoursPerYear = message.maxHoursPerYear
        self.excludeFullyStateFunded = message.excludeFullyStateFunded
        self.collectiveCommendationMinimum = try Fields.known(
            message.collectiveCommendationMinimum, among: SchoolResultRules.classifications, field: "collective_commendation_minimum"
        )
        self.individualCommendationNeedsAchievement = message.individualCommendationNeedsAchievement
    }
}
