import InnovationAPI
import ThiduaModuleKit

/// The benefit bands of the "Bằng Lao động sáng tạo" of one regulation version: the least benefit
/// that qualifies an author, by worker category.
///
/// The shipped default (80, 120, 150 and 200 million đồng) follows union practice and is not
/// verified against a legal text; deployments set their own with `SetBenefitBands`.
struct BenefitBands: Sendable, Equatable {
    let regulation: String
    let effectiveFrom: CalendarDate
    /// Whether an author is credited with their share of the benefit rather than all of it.
    let byAuthorShare: Bool
    let thresholds: [WorkerCategory: UInt64]

    static let categories: [WorkerCategory] = [.directWorker, .technicalStaff, .middleManager, .seniorManager]

    /// The benefit credited to an author holding `sharePercent` of an initiative worth `benefitVND`.
    func credited(benefitVND: UInt64, sharePercent: Int) -> UInt64 {
        // Benefits are capped at 10^15 and shares at 100, so the product stays inside 64 bits.
        self.byAuthorShare ? benefitVND * UInt64(sharePercent) / 100 : benefitVND
    }

    /// Whether an author of `category` with `sharePercent` of an initiative worth `benefitVND`
    /// reaches the band.
    func qualifies(category: WorkerCategory, benefitVND: UInt64, sharePercent: Int) -> Bool {
        guard let threshold = self.thresholds[category] else { return false }
        return self.credited(benefitVND: benefitVND, sharePercent: sharePercent) >= threshold
    }

    /// Checks a set sent by a client: a regulation, a date, and one positive threshold for every
    /// category (rules `innovation.band_categories`, `innovation.band_positive`).
    static func check(_ set: BenefitBandSet) throws(RPCError) -> BenefitBands {
        let regulation = try Fields.text(set.regulation, field: "regulation", maxLength: 300)
        let effectiveFrom = try Fields.date(set.effectiveFrom, field: "effective_from")
        var thresholds: [WorkerCategory: UInt64] = [:]
        for (index, band) in set.bands.enumerated() {
            let field = "bands[\(index)]"
            let category = try Fields.known(band.category, field: field + ".category")
            guard thresholds[category] == nil else {
                throw RPCError(.invalidArgument, "\(field) repeats the category \(category)", field: field + ".category", rule: "innovation.band_categories")
            }
            guard band.minBenefitVnd > 0, band.minBenefitVnd <= InitiativeContent.maxBenefitVND else {
                throw RPCError(
                    .invalidArgument,
                    "\(field).min_benefit_vnd must be more than 0 and at most \(InitiativeContent.maxBenefitVND)",
                    field: field + ".min_benefit_vnd",
                    rule: "innovation.band_positive"
                )
            }
            thresholds[category] = band.minBenefitVnd
        }
        let missing = Self.categories.filter { thresholds[$0] == nil }
        guard missing.isEmpty else {
            throw RPCError(
                .invalidArgument,
                "the bands must cover every worker category; missing: \(missing.map { "\($0)" }.joined(separator: ", "))",
                field: "bands",
                rule: "innovation.band_categories"
            )
        }
        return BenefitBands(regulation: regulation, effectiveFrom: effectiveFrom, byAuthorShare: set.byAuthorShare, thresholds: thresholds)
    }

    /// The set in force on `date`: the latest whose effective_from is not after it.
    static func inForce(on date: CalendarDate, among sets: [BenefitBands]) -> BenefitBands? {
        sets.filter { $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }

    var message: BenefitBandSet {
        .with {
            $0.regulation = self.regulation
            $0.effectiveFrom = self.effectiveFrom.description
            $0.byAuthorShare = self.byAuthorShare
            $0.bands = Self.categories.compactMap { category in
                self.thresholds[category].map { threshold in
                    BenefitBand.with {
                        $0.category = category
                        $0.minBenefitVnd = threshold
                    }
                }
            }
        }
    }
}
