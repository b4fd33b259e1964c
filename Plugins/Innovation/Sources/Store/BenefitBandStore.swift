import InnovationAPI
import ThiduaModuleKit

/// The stored versions of the benefit bands.
enum BenefitBandStore {
    /// Every version, oldest first.
    static func all(in db: Database) throws -> [BenefitBands] {
        let sets = try db.fetchAll("SELECT * FROM innovation_band_set ORDER BY effective_from")
        var thresholds: [String: [WorkerCategory: UInt64]] = [:]
        try db.forEach("SELECT * FROM innovation_band") { band in
            let category = WorkerCategory(rawValue: try band["category"]) ?? .unspecified
            thresholds[try band["effective_from"], default: [:]][category] = UInt64(try band["min_benefit_vnd"] as Int64)
        }
        return try sets.compactMap { set in
            let from: String = try set["effective_from"]
            guard let effectiveFrom = CalendarDate(from) else { return nil }
            return BenefitBands(
                regulation: try set["regulation"],
                effectiveFrom: effectiveFrom,
                byAuthorShare: try set["by_author_share"] as Bool,
                thresholds: thresholds[from] ?? [:]
            )
        }
    }

    /// Stores `bands`, replacing the version with the same effective_from; returns that one.
    static func replace(with bands: BenefitBands, in db: Database) throws -> BenefitBands? {
        let earlier = try Self.all(in: db).first { $0.effectiveFrom == bands.effectiveFrom }
        let from = bands.effectiveFrom
        try db.execute("DELETE FROM innovation_band WHERE effective_from = \(from)")
        try db.execute("DELETE FROM innovation_band_set WHERE effective_from = \(from)")
        try db.execute("""
            INSERT INTO innovation_band_set (effective_from, regulation, by_author_share)
            VALUES (\(from), \(bands.regulation), \(bands.byAuthorShare))
            """)
        for (category, threshold) in bands.thresholds {
            try db.execute("""
                INSERT INTO innovation_band (effective_from, category, min_benefit_vnd)
                VALUES (\(from), \(category.rawValue), \(Int64(threshold)))
                """)
        }
        return earlier
    }
}
