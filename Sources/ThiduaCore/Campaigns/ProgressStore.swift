import Foundation
import ThiduaModuleKit

/// Targets and achievements of a campaign, rolled up the tree.
enum ProgressStore {
    static func add(campaign: Int64, unit: Int64, delta: Int, in db: Database) throws {
        try db.execute("""
                INSERT INTO core_progress (campaign_id, unit_id, achieved) VALUES (\(campaign), \(unit), \(max(delta, 0)))
                ON CONFLICT (campaign_id, unit_id) DO UPDATE SET achieved = core_progress.achieved + \(delta)
                """)
        if delta < 0, let achieved = try db.fetchValue("""
            SELECT achieved FROM core_progress
            WHERE campaign_id = \(campaign) AND unit_id = \(unit)
            """, as: Int.self), achieved < 0 {
            throw RPCError(.failedPrecondition, "unit \(EntityID.unit(unit)) would fall below zero achieved", field: "", rule: "progress.non_negative")
        }
    }

    /// Plan and achievement of `unit`'s subtree.
    static func progress(of unit: UnitRecord, campaign: Int64, in db: Database) throws -> UnitProgress {
        let achieved = try db.fetchValue("""
                SELECT coalesce(sum(p.achieved), 0) FROM core_progress p JOIN core_unit u ON u.id = p.unit_id
                WHERE p.campaign_id = \(campaign) AND u.path LIKE \(unit.path) || '%'
                """, as: Int64.self) ?? 0
        // The unit's own target; else the targets below it that no target above them covers.
        let targets = try db.fetchAll("""
                SELECT u.path, t.planned FROM core_target t JOIN core_unit u ON u.id = t.unit_id
                WHERE t.campaign_id = \(campaign) AND u.path LIKE \(unit.path) || '%' ORDER BY length(u.path), u.path
                """)
        var counted: [String] = []
        var planned: Int64 = 0
        for target in targets {
            let path: String = try target["path"]
            guard !counted.contains(where: { path.hasPrefix($0) }) else { continue }
            counted.append(path)
            planned += try target["planned"] as Int64
        }
        return UnitProgress.with {
            $0.unitID = unit.id
            $0.unitName = unit.name
            $0.planned = UInt64(planned)
            $0.achieved = UInt64(achieved)
            $0.percentOfPlan = Self.percent(achieved, of: planned)
        }
    }

    /// achieved / planned × 100, rounded to one decimal: 7,929 of 1,500 is 528.6.
    static func percent(_ achieved: Int64, of planned: Int64) -> Double {
        guard planned > 0 else { return 0 }
        return (Double(achieved) * 1000 / Double(planned)).rounded() / 10
    }

    /// Ranks by percent of plan, then by count; equal figures share a rank.
    static func ranked(_ entries: [UnitProgress]) -> [UnitProgress] {
        let sorted = entries.sorted {
            ($0.percentOfPlan, $0.achieved, $1.unitID) > ($1.percentOfPlan, $1.achieved, $0.unitID)
        }
        var ranked: [UnitProgress] = []
        for (index, var entry) in sorted.enumerated() {
            if let previous = ranked.last, previous.percentOfPlan == entry.percentOfPlan, previous.achieved == entry.achieved {
                entry.rank = previous.rank
            } else {
                entry.rank = UInt32(index + 1)
            }
            ranked.append(entry)
        }
        return ranked
    }
}
