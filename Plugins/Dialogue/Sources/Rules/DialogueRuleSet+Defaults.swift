import DialogueAPI

extension DialogueRuleSet {
    /// The rules of the Labour Code 2019 and Decree 145/2020/NĐ-CP, with the quality rubric of
    /// union practice. A deployment adds its own versions with `SetDialogueRules`; this set
    /// applies on any date no added version covers.
    public static let labourCode2019: DialogueRuleSet = .with {
        $0.regulation = "Bộ luật Lao động 2019; Nghị định 145/2020/NĐ-CP"
        $0.effectiveFrom = "2021-02-01"
        // Decree 145/2020 Art. 38-39: at least 3 representatives below 50 employees, 4-8 from 50,
        // 9-13 from 150, 14-18 from 300, 19-23 from 500, at least 24 from 1,000.
        $0.delegationBands = [
            .band(employees: 1...49, delegates: 3, upTo: nil),
            .band(employees: 50...149, delegates: 4, upTo: 8),
            .band(employees: 150...299, delegates: 9, upTo: 13),
            .band(employees: 300...499, delegates: 14, upTo: 18),
            .band(employees: 500...999, delegates: 19, upTo: 23),
            .band(employeesFrom: 1000, delegates: 24, upTo: nil),
        ]
        $0.periodicQuorumPercent = 70
        $0.minutesPublicationWorkingDays = 3
        // Labour Code 2019 Art. 70.
        $0.firstSessionWorkingDays = 7
        // Labour Code 2019 Art. 77.
        $0.filingDays = 10
        // Labour Code 2019 Art. 76: more than 50% of all the enterprise's employees.
        $0.voteMajorityPercent = 50
        // Labour Code 2019 Art. 78.
        $0.minTermYears = 1
        $0.maxTermYears = 3
        $0.renewalWindowDays = 90
        $0.maxContinuationDays = 90
        $0.expiringHorizonDays = 90
        // [practice, unverified]: a rubric of union guidance, to be replaced by a deployment's.
        $0.gradeThresholds = [
            .threshold(.gradeA, clauses: 5, topics: 3),
            .threshold(.gradeB, clauses: 2, topics: 2),
            .threshold(.gradeC, clauses: 0, topics: 0),
        ]
    }
}

extension DelegationBand {
    static func band(employees: ClosedRange<UInt32>, delegates: UInt32, upTo maxDelegates: UInt32?) -> DelegationBand {
        .with {
            $0.minEmployees = employees.lowerBound
            $0.maxEmployees = employees.upperBound
            $0.minDelegates = delegates
            $0.maxDelegates = maxDelegates ?? 0
        }
    }

    static func band(employeesFrom minEmployees: UInt32, delegates: UInt32, upTo maxDelegates: UInt32?) -> DelegationBand {
        .with {
            $0.minEmployees = minEmployees
            $0.minDelegates = delegates
            $0.maxDelegates = maxDelegates ?? 0
        }
    }
}

extension AgreementGradeThreshold {
    static func threshold(_ grade: AgreementQualityGrade, clauses: UInt32, topics: UInt32) -> AgreementGradeThreshold {
        .with {
            $0.grade = grade
            $0.minFavourableClauses = clauses
            $0.minFavourableTopics = topics
        }
    }
}
