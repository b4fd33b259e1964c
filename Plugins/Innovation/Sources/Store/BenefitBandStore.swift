import InnovationAPI
import ThiduaModuleKit

/// The stored versions of the benefit bands.
enum BenefitBandStore {
    /// Every version, oldest first.
    static func all(in db: Database) throws -> [BenefitBands] {
        let sets = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM innovation_band_set ORDER BY effective_from"))
        let bands = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM innovation_band"))
        var thresholds: [String: [WorkerCategory: UInt64]] = [:]
        for band in bands {
            let category = WorkerCategory(rawValue: band["category"]) ?? .unspecified
            thresholds[band["effective_from"], default: [:]][category] = UInt64(band["min_benefit_vnd"] as Int64)
        }
        return sets.compactMap { set in
            let from: String = set["effective_from"]
            guard let effectiveFrom = CalendarDate(from) else { return nil }
            return BenefitBands(
                regulation: set["regulation"],
                effectiveFrom: effectiveFrom,
                byAuthorShare: set["by_author_share"],
                thresholds: thresholds[from] ?? [:]
            )
        }
    }

    /// Stores `bands`, replacing the version with the same effective_from; returns that one.
    static func replace(with bands: BenefitBands, in db: Database) throws -> BenefitBands? {
        let earlier = try Self.all(in: db).first { $0.effectiveFrom == bands.effectiveFrom }
        let from = bands.effectiveFrom.description
        try db.cachedStatement(sql: "DELETE FROM innovation_band WHERE effective_from = ?").execute(arguments: [from])
        try db.cachedStatement(sql: "DELETE FROM innovation_band_set WHERE effective_from = ?").execute(arguments: [from])
        try db.cachedStatement(sql: "INSERT INTO innovation_band_set (effective_from, regulation, by_author_share) VALUES (?, ?, ?)").execute(
            arguments: [from, bands.regulation, bands.byAuthorShare]
        )
        for (category, threshold) in bands.thresholds {
            try db.cachedStatement(sql: "INSERT INTO innovation_band (effective_from, category, min_benefit_vnd) VALUES (?, ?, ?)").execute(
                arguments: [from, category.rawValue, Int64(threshold)]
            )
        }
        return earlier
    }
}
