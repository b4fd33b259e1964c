import Foundation
import DialogueAPI
import ThiduaModuleKit

extension DialogueRuleSet {
    /// The band `employees` falls in; nil for no employees.
    func band(for employees: Int) -> DelegationBand? {
        guard employees > 0 else { return nil }
        return self.delegationBands.first { band in
            employees >= Int(band.minEmployees) && (band.maxEmployees == 0 || employees <= Int(band.maxEmployees))
        }
    }

    /// Whether `present` of `delegation` representatives is more than the quorum.
    func isQuorate(present: Int, of delegation: Int) -> Bool {
        present * 100 > delegation * Int(self.periodicQuorumPercent)
    }

    /// Whether `inFavour` votes are more than the majority of all `employees`.
    func isMajority(inFavour: Int, of employees: Int) -> Bool {
        inFavour * 100 > employees * Int(self.voteMajorityPercent)
    }

    /// The grade of an agreement with these clauses: the first threshold they meet, else the last.
    func grade(of clauses: [AgreementClause]) -> AgreementQualityGrade {
        let favourable = clauses.filter(\.moreFavourableThanLaw)
        let topics = Set(favourable.map(\.topic.rawValue)).count
        let met = self.gradeThresholds.first { threshold in
            favourable.count >= Int(threshold.minFavourableClauses) && topics >= Int(threshold.minFavourableTopics)
        }
        return (met ?? self.gradeThresholds.last)?.grade ?? .unspecified
    }

    /// INVALID_ARGUMENT (rule `dialogue.rules_invalid`, naming the field) unless the set is
    /// complete and consistent.
    func validate() throws(RPCError) {
        func refuse(_ field: String, _ message: String) -> RPCError {
            RPCError(.invalidArgument, message, field: field, rule: "dialogue.rules_invalid")
        }
        let regulation = self.regulation.trimmingCharacters(in: .whitespaces)
        guard !regulation.isEmpty, regulation.count <= 300 else {
            throw refuse("regulation", "regulation names the legal text the rules come from, in 1 to 300 characters")
        }
        guard CalendarDate(self.effectiveFrom) != nil else {
            throw refuse("effective_from", "effective_from must be a date written YYYY-MM-DD")
        }
        try self.validateBands(refuse)
        for (field, value) in [("periodic_quorum_percent", self.periodicQuorumPercent), ("vote_majority_percent", self.voteMajorityPercent)]
        where !(1...99).contains(value) {
            throw refuse(field, "\(field) is a share that must be more than reached: 1 to 99; got \(value)")
        }
        let dayCounts: [(String, UInt32)] = [
            ("minutes_publication_working_days", self.minutesPublicationWorkingDays),
            ("first_session_working_days", self.firstSessionWorkingDays),
            ("filing_days", self.filingDays),
            ("renewal_window_days", self.renewalWindowDays),
            ("max_continuation_days", self.maxContinuationDays),
            ("expiring_horizon_days", self.expiringHorizonDays),
        ]
        for (field, value) in dayCounts where !(1...366).contains(value) {
            throw refuse(field, "\(field) must be 1 to 366; got \(value)")
        }
        guard self.minTermYears >= 1, self.minTermYears <= self.maxTermYears, self.maxTermYears <= 10 else {
            throw refuse("min_term_years", "terms must satisfy 1 <= min_term_years <= max_term_years <= 10")
        }
        try self.validateGrades(refuse)
    }

    private func validateBands(_ refuse: (String, String) -> RPCError) throws(RPCError) {
        guard !self.delegationBands.isEmpty else {
            throw refuse("delegation_bands", "delegation_bands must cover every headcount from 1")
        }
        var expectedMin: UInt32 = 1
        for (index, band) in self.delegationBands.enumerated() {
            let field = "delegation_bands[\(index)]"
            guard band.minEmployees == expectedMin else {
                throw refuse("\(field).min_employees", "bands are contiguous from 1: band \(index) must start at \(expectedMin)")
            }
            let isLast = index == self.delegationBands.count - 1
            guard isLast ? band.maxEmployees == 0 : band.maxEmployees >= band.minEmployees else {
                throw refuse("\(field).max_employees", isLast ? "the last band has no upper bound (0)" : "max_employees is below min_employees")
            }
            guard band.minDelegates >= 1, band.maxDelegates == 0 || band.maxDelegates >= band.minDelegates else {
                throw refuse("\(field).min_delegates", "a band needs at least 1 delegate and max_delegates 0 or at least min_delegates")
            }
            expectedMin = band.maxEmployees &+ 1
        }
    }

    private func validateGrades(_ refuse: (String, String) -> RPCError) throws(RPCError) {
        guard !self.gradeThresholds.isEmpty else {
            throw refuse("grade_thresholds", "grade_thresholds must list at least one grade")
        }
        var seen: Set<Int> = []
        for (index, threshold) in self.gradeThresholds.enumerated() {
            let field = "grade_thresholds[\(index)]"
            guard threshold.grade.rawValue > 0, AgreementQualityGrade.allCases.contains(threshold.grade) else {
                throw refuse("\(field).grade", "grade must be GRADE_A, GRADE_B or GRADE_C")
            }
            guard seen.insert(threshold.grade.rawValue).inserted else {
                throw refuse("\(field).grade", "grade \(threshold.grade) is listed twice")
            }
            if index > 0 {
                let previous = self.gradeThresholds[index - 1]
                guard threshold.minFavourableClauses <= previous.minFavourableClauses,
                    threshold.minFavourableTopics <= previous.minFavourableTopics
                else {
                    throw refuse(field, "grades are listed best first: each asks no more than the one before")
                }
            }
        }
    }
}
