import ThiduaModuleKit

/// The versions of the criteria.
enum CriteriaStore {
    /// The version in force on `day`: the newest effective on or before it. NOT_FOUND (rule
    /// `work_and_home.criteria_in_force`) naming `field` when there is none.
    static func inForce(on day: CalendarDate, field: String, in db: Database) throws -> WorkAndHomeCriteria {
        guard let row = try db.fetchOne(
            "SELECT * FROM work_and_home_criteria WHERE effective_from <= \(day) ORDER BY effective_from DESC, version DESC LIMIT 1"
        ) else {
            throw RPCError(.notFound, "no version of the criteria was in force on \(day)", field: field, rule: "work_and_home.criteria_in_force", values: ["day": day.description])
        }
        let version: Int = try row["version"]
        let criteria = try Self.criteria(of: version, in: db)
        return try .with {
            $0.version = UInt32(version)
            $0.title = try row["title"]
            $0.guidance = try row["guidance"]
            $0.effectiveFrom = try row["effective_from"]
            $0.criteria = criteria
        }
    }

    /// The criteria of `version`, in order.
    static func criteria(of version: Int, in db: Database) throws -> [WorkAndHomeCriterion] {
        try db.fetchAll("SELECT code, name, description FROM work_and_home_criterion WHERE criteria_version = \(version) ORDER BY position").map { row in
            try .with {
                $0.code = try row["code"]
                $0.name = try row["name"]
                $0.description_p = try row["description"]
            }
        }
    }
}
