import ThiduaModuleKit

/// Reads and writes of criteria sheets, inside a caller's transaction.
enum SheetStore {
    static func sheet(_ version: Int, in db: Database) throws -> CriteriaSheet? {
        guard let row = try db.fetchOne("SELECT * FROM green_clean_sheet WHERE version = \(version)") else {
            return nil
        }
        let criteria = try db.fetchAll(
            "SELECT code, name, max_points FROM green_clean_criterion WHERE sheet_version = \(version) ORDER BY position"
        ).map { try CriteriaSheet.Criterion(code: $0["code"], name: $0["name"], maxPoints: $0["max_points"]) }
        return try CriteriaSheet(
            version: row["version"],
            title: row["title"],
            regulation: row["regulation"],
            effectiveFrom: row["effective_from"],
            passingScore: row["passing_score"],
            criteria: criteria
        )
    }

    /// The sheet of `version`, or NOT_FOUND naming `field`.
    static func require(_ version: Int, field: String, in db: Database) throws -> CriteriaSheet {
        guard let sheet = try Self.sheet(version, in: db) else {
            throw RPCError(.notFound, "criteria sheet version \(version) does not exist", field: field, rule: "green_clean.sheet_exists")
        }
        return sheet
    }

    static func newestVersion(in db: Database) throws -> Int? {
        try db.fetchValue("SELECT max(version) FROM green_clean_sheet", as: Int.self)
    }

    /// Every version, newest first.
    static func all(in db: Database) throws -> [CriteriaSheet] {
        try db.fetchValues("SELECT version FROM green_clean_sheet ORDER BY version DESC", as: Int.self)
            .compactMap { try Self.sheet($0, in: db) }
    }

    /// The version in force on `date`: the newest whose effective date is not after it.
    static func inForce(on date: CalendarDate, in db: Database) throws -> CriteriaSheet? {
        let version = try db.fetchValue(
            "SELECT version FROM green_clean_sheet WHERE effective_from <= \(date) ORDER BY effective_from DESC, version DESC LIMIT 1",
            as: Int.self
        )
        return try version.flatMap { try Self.sheet($0, in: db) }
    }

    /// Stores `sheet` as the next version and returns it with that version.
    static func insertNextVersion(_ sheet: CriteriaSheet, in db: Database) throws -> CriteriaSheet {
        var stored = sheet
        stored.version = try (Self.newestVersion(in: db) ?? 0) + 1
        try db.execute("""
            INSERT INTO green_clean_sheet (version, title, regulation, effective_from, passing_score)
            VALUES (\(stored.version), \(stored.title), \(stored.regulation), \(stored.effectiveFrom), \(stored.passingScore))
            """)
        for (position, criterion) in stored.criteria.enumerated() {
            try db.execute("""
                INSERT INTO green_clean_criterion (sheet_version, position, code, name, max_points)
                VALUES (\(stored.version), \(position + 1), \(criterion.code), \(criterion.name), \(criterion.maxPoints))
                """)
        }
        return stored
    }
}

extension CriteriaSheet {
    var message: GreenCleanSheet {
        GreenCleanSheet.with {
            $0.version = UInt32(self.version)
            $0.title = self.title
            $0.regulation = self.regulation
            $0.effectiveFrom = self.effectiveFrom.description
            $0.passingScore = UInt32(self.passingScore)
            $0.maxScore = UInt32(self.maxScore)
            $0.criteria = self.criteria.map { criterion in
                GreenCleanCriterion.with {
                    $0.code = criterion.code
                    $0.name = criterion.name
                    $0.maxPoints = UInt32(criterion.maxPoints)
                }
            }
        }
    }
}
