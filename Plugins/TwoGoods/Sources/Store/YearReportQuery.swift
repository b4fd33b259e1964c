import ThiduaModuleKit
import TwoGoodsAPI

/// The school-year report over a subtree, computed in SQL over the schools of the subtree.
enum YearReportQuery {
    /// - Parameters:
    ///   - units: the subtree, its root first, as the core lists it.
    ///   - rules: the rules in force for the school year.
    static func report(
        schoolYear: Int, units: [UnitReference], rules: TwoGoodsRules, in db: Database
    ) throws -> TwoGoodsYearReport {
        let inSubtree: SQLQuery = "school_unit_id IN \(list: units.map(\.id))"
        var report = TwoGoodsYearReport.with {
            $0.unitID = units.first?.id ?? ""
            $0.schoolYear = UInt32(schoolYear)
            $0.schoolYearLabel = "\(schoolYear)-\(schoolYear + 1)"
            $0.eligibleSchools = UInt32(units.count(where: { SchoolEligibility.isEligible($0, rules: rules) }))
            $0.requiredTrainingHours = rules.requiredTrainingHours
        }
        report.schoolsTakingPart = try UInt32(db.fetchValue(
            "SELECT count(*) FROM two_goods_participation WHERE school_year = \(schoolYear) AND \(inSubtree)",
            as: Int.self
        ) ?? 0)

        let rounds = try db.fetchAll("""
            SELECT r.round AS round,
                sum(CASE WHEN r.stage >= 2 THEN 1 ELSE 0 END) AS interim_reviewed,
                sum(CASE WHEN r.stage = 3 THEN 1 ELSE 0 END) AS final_reviewed,
                count(r.classification) AS results, coalesce(sum(r.students), 0) AS students,
                coalesce(sum(r.students_passed), 0) AS passed, coalesce(sum(r.students_excellent), 0) AS excellent,
                coalesce(sum(r.good_lessons), 0) AS good_lessons
            FROM two_goods_round r JOIN two_goods_participation p ON p.id = r.participation_id
            WHERE p.school_year = \(schoolYear) AND p.\(inSubtree)
            GROUP BY r.round ORDER BY r.round
            """)
        let classifications = try db.fetchAll("""
            SELECT r.round AS round, r.classification AS classification, count(*) AS schools
            FROM two_goods_round r JOIN two_goods_participation p ON p.id = r.participation_id
            WHERE p.school_year = \(schoolYear) AND p.\(inSubtree) AND r.classification IS NOT NULL
            GROUP BY r.round, r.classification ORDER BY r.round, r.classification
            """)
        report.rounds = try rounds.map { row in
            let number: Int = try row["round"]
            let students: UInt64 = try row["students"]
            let passed: UInt64 = try row["passed"]
            let counts = try classifications.filter { try $0["round"] as Int == number }.map { counted in
                try ClassificationCount.with {
                    $0.classification = try SchoolClassification(rawValue: counted["classification"]) ?? .unspecified
                    $0.schools = try counted["schools"]
                }
            }
            return try RoundReport.with {
                $0.number = UInt32(number)
                $0.interimReviewed = try row["interim_reviewed"]
                $0.finalReviewed = try row["final_reviewed"]
                $0.resultsRecorded = try row["results"]
                $0.classifications = counts
                $0.students = students
                $0.studentsPassed = passed
                $0.studentsExcellent = try row["excellent"]
                $0.passRatePermille = students == 0 ? 0 : UInt32(passed * 1000 / students)
                $0.goodLessons = try row["good_lessons"]
            }
        }

        let teachers = try db.fetchOne("""
            SELECT count(*) AS records, coalesce(sum(self_study_hours), 0) AS self_study, coalesce(sum(training_hours), 0) AS training,
                coalesce(sum(CASE WHEN training_hours >= \(rules.requiredTrainingHours) THEN 1 ELSE 0 END), 0) AS meeting
            FROM two_goods_teacher_record WHERE school_year = \(schoolYear) AND \(inSubtree)
            """)!
        report.teacherRecords = try teachers["records"]
        report.selfStudyHours = try teachers["self_study"]
        report.trainingHours = try teachers["training"]
        report.teachersMeetingTrainingRequirement = try teachers["meeting"]

        let levels = try db.fetchAll("""
            SELECT x.level AS level, count(*) AS teachers
            FROM two_goods_excellent_result x JOIN two_goods_teacher_record t ON t.id = x.record_id
            WHERE t.school_year = \(schoolYear) AND t.\(inSubtree)
            GROUP BY x.level
            """)
        report.excellentTeachers = try TeacherRecordContent.levels.map { level in
            let counted = try levels.first { try $0["level"] as Int == level.rawValue }
            let teachers = try counted.map { try $0["teachers"] as UInt32 } ?? 0
            return LevelCount.with {
                $0.level = level
                $0.teachers = teachers
            }
        }
        report.teachingInitiatives = try UInt32(db.fetchValue("""
            SELECT count(*) FROM two_goods_teaching_initiative i JOIN two_goods_teacher_record t ON t.id = i.record_id
            WHERE t.school_year = \(schoolYear) AND t.\(inSubtree)
            """, as: Int.self) ?? 0)

        let commendations = try db.fetchOne("""
            SELECT coalesce(sum(CASE WHEN c.member_id IS NULL THEN 1 ELSE 0 END), 0) AS collectives,
                coalesce(sum(CASE WHEN c.member_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS individuals
            FROM two_goods_commendation c
            WHERE c.school_year = \(schoolYear) AND c.\(inSubtree) AND \(CommendationStore.standing)
            """)!
        report.commendedCollectives = try commendations["collectives"]
        report.commendedIndividuals = try commendations["individuals"]
        return report
    }
}
