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
        let schoolIDs = try JSONList.encode(units.map(\.id))
        let inSubtree = "school_unit_id IN (SELECT value FROM json_each(?))"
        var report = TwoGoodsYearReport.with {
            $0.unitID = units.first?.id ?? ""
            $0.schoolYear = UInt32(schoolYear)
            $0.schoolYearLabel = "\(schoolYear)-\(schoolYear + 1)"
            $0.eligibleSchools = UInt32(units.count(where: { SchoolEligibility.isEligible($0, rules: rules) }))
            $0.requiredTrainingHours = rules.requiredTrainingHours
        }
        report.schoolsTakingPart = try UInt32(Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM two_goods_participation WHERE school_year = ? AND \(inSubtree)"),
            arguments: [schoolYear, schoolIDs]
        ) ?? 0)

        let rounds = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT r.round AS round,
                    sum(r.stage >= 2) AS interim_reviewed, sum(r.stage = 3) AS final_reviewed,
                    count(r.classification) AS results, coalesce(sum(r.students), 0) AS students,
                    coalesce(sum(r.students_passed), 0) AS passed, coalesce(sum(r.students_excellent), 0) AS excellent,
                    coalesce(sum(r.good_lessons), 0) AS good_lessons
                FROM two_goods_round r JOIN two_goods_participation p ON p.id = r.participation_id
                WHERE p.school_year = ? AND p.\(inSubtree)
                GROUP BY r.round ORDER BY r.round
                """),
            arguments: [schoolYear, schoolIDs]
        )
        let classifications = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT r.round AS round, r.classification AS classification, count(*) AS schools
                FROM two_goods_round r JOIN two_goods_participation p ON p.id = r.participation_id
                WHERE p.school_year = ? AND p.\(inSubtree) AND r.classification IS NOT NULL
                GROUP BY r.round, r.classification ORDER BY r.round, r.classification
                """),
            arguments: [schoolYear, schoolIDs]
        )
        report.rounds = rounds.map { row in
            let number: Int = row["round"]
            let students: UInt64 = row["students"]
            let passed: UInt64 = row["passed"]
            return RoundReport.with {
                $0.number = UInt32(number)
                $0.interimReviewed = row["interim_reviewed"]
                $0.finalReviewed = row["final_reviewed"]
                $0.resultsRecorded = row["results"]
                $0.classifications = classifications.filter { ($0["round"] as Int) == number }.map { counted in
                    ClassificationCount.with {
                        $0.classification = SchoolClassification(rawValue: counted["classification"]) ?? .unspecified
                        $0.schools = counted["schools"]
                    }
                }
                $0.students = students
                $0.studentsPassed = passed
                $0.studentsExcellent = row["excellent"]
                $0.passRatePermille = students == 0 ? 0 : UInt32(passed * 1000 / students)
                $0.goodLessons = row["good_lessons"]
            }
        }

        let teachers = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT count(*) AS records, coalesce(sum(self_study_hours), 0) AS self_study, coalesce(sum(training_hours), 0) AS training,
                    coalesce(sum(training_hours >= ?), 0) AS meeting
                FROM two_goods_teacher_record WHERE school_year = ? AND \(inSubtree)
                """),
            arguments: [rules.requiredTrainingHours, schoolYear, schoolIDs]
        )!
        report.teacherRecords = teachers["records"]
        report.selfStudyHours = teachers["self_study"]
        report.trainingHours = teachers["training"]
        report.teachersMeetingTrainingRequirement = teachers["meeting"]

        let levels = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT x.level AS level, count(*) AS teachers
                FROM two_goods_excellent_result x JOIN two_goods_teacher_record t ON t.id = x.record_id
                WHERE t.school_year = ? AND t.\(inSubtree)
                GROUP BY x.level
                """),
            arguments: [schoolYear, schoolIDs]
        )
        report.excellentTeachers = TeacherRecordContent.levels.map { level in
            LevelCount.with {
                $0.level = level
                let counted = levels.first { (row: Row) -> Bool in row["level"] as Int == level.rawValue }
                $0.teachers = counted.map { $0["teachers"] as UInt32 } ?? 0
            }
        }
        report.teachingInitiatives = try UInt32(Int.fetchOne(
            db.cachedStatement(sql: """
                SELECT count(*) FROM two_goods_teaching_initiative i JOIN two_goods_teacher_record t ON t.id = i.record_id
                WHERE t.school_year = ? AND t.\(inSubtree)
                """),
            arguments: [schoolYear, schoolIDs]
        ) ?? 0)

        let commendations = try Row.fetchOne(
            db.cachedStatement(sql: """
                SELECT coalesce(sum(c.member_id IS NULL), 0) AS collectives, coalesce(sum(c.member_id IS NOT NULL), 0) AS individuals
                FROM two_goods_commendation c
                WHERE c.school_year = ? AND c.\(inSubtree) AND \(CommendationStore.standing)
                """),
            arguments: [schoolYear, schoolIDs]
        )!
        report.commendedCollectives = commendations["collectives"]
        report.commendedIndividuals = commendations["individuals"]
        return report
    }
}
