import Synchronization
import ThiduaModuleKit

/// The conditions of the titles (danh hiệu), checked at the one place every way of conferring a
/// title goes through: ``AwardStore/grant(_:by:conditions:in:)`` for `Awards/GrantAward` and the
/// modules' grants, and ``requireRegistration(_:on:in:)`` for the decision (DECIDED) of a person's
/// registration that commits to the title.
///
/// The conditions are rows of `core_title_condition`, keyed to the regulation in force on the
/// decision date: another title held from the same year (checked here, on the awards), or evidence
/// that modules find (``TitleEvidenceFinder``): "Chiến sĩ thi đua cơ sở" needs "Lao động tiên tiến"
/// and an initiative recognised by the unit, which the innovation module finds.
final class TitleConditions: Sendable {
    private let finders = Mutex<[String: [TitleEvidenceFinder]]>([:])

    /// Every version of every title's conditions, by title and date.
    static func all(in db: Database) throws -> [TitleConditionSet] {
        let rows = try db.fetchAll("SELECT * FROM core_title_condition ORDER BY form_code, effective_from, rowid")
        var sets: [TitleConditionSet] = []
        for row in rows {
            let formCode: String = try row["form_code"]
            let effectiveFrom: String = try row["effective_from"]
            if sets.last?.formCode != formCode || sets.last?.effectiveFrom != effectiveFrom {
                sets.append(try .with {
                    $0.regulation = try row["regulation"]
                    $0.effectiveFrom = effectiveFrom
                    $0.formCode = formCode
                })
            }
            if let title = try row["required_title"] as String? {
                sets[sets.count - 1].requiredTitles.append(title)
            } else {
                sets[sets.count - 1].requiredEvidence.append(try row["required_evidence"])
            }
        }
        return sets
    }

    /// Stores `version` in place of the conditions of its title from its date, if any; returns those.
    static func replace(with version: TitleConditionSet, in db: Database) throws -> TitleConditionSet? {
        let old = try Self.all(in: db).first { $0.formCode == version.formCode && $0.effectiveFrom == version.effectiveFrom }
        try db.execute("""
            DELETE FROM core_title_condition
            WHERE form_code = \(version.formCode) AND effective_from = \(version.effectiveFrom)
            """)
        func insert(title: String?, evidence: String?) throws {
            try db.execute("""
                INSERT INTO core_title_condition (regulation, effective_from, form_code, required_title, required_evidence)
                VALUES (\(version.regulation), \(version.effectiveFrom), \(version.formCode), \(title), \(evidence))
                """)
        }
        for title in version.requiredTitles {
            try insert(title: title, evidence: nil)
        }
        for kind in version.requiredEvidence {
            try insert(title: nil, evidence: kind)
        }
        return old
    }

    func provide(_ kind: String, _ finder: @escaping TitleEvidenceFinder) {
        self.finders.withLock { $0[kind, default: []].append(finder) }
    }

    /// FAILED_PRECONDITION (rule `award.title_conditions`) unless the member meets every condition
    /// of `form` in the regulation in force on `date`. A title is the year's: the other titles it
    /// needs and the evidence count from 1 January of the decision's year to the decision date.
    /// `decidedWith` are titles the same decision confers, which count as held.
    func require(
        _ form: AwardFormRecord, member: MemberRecord, on date: CalendarDate, decidedWith: Set<String> = [], field: String, in db: Database
    ) throws {
        let conditions = try db.fetchAll("""
                SELECT * FROM core_title_condition WHERE form_code = \(form.code) AND effective_from = (
                    SELECT max(effective_from) FROM core_title_condition WHERE form_code = \(form.code) AND effective_from <= \(date.description))
                ORDER BY rowid
                """)
        guard !conditions.isEmpty else { return }
        let period = CalendarDate(year: date.year, month: 1, day: 1)!...date
        var unmet: [String] = []
        var regulation = ""
        for condition in conditions {
            regulation = try condition["regulation"]
            if let title = try condition["required_title"] as String? {
                guard !decidedWith.contains(title) else { continue }
                let held = try db.fetchValue("""
                        SELECT 1 FROM core_award WHERE form_code = \(title) AND recipient_member_id = \(member.row) AND revoked_on IS NULL
                        AND decision_date BETWEEN \(period.lowerBound.description) AND \(period.upperBound.description) LIMIT 1
                        """, as: Bool.self) ?? false
                if !held {
                    let name = try db.fetchValue("SELECT name FROM core_award_form WHERE code = \(title)", as: String.self) ?? title
                    unmet.append("the title \"\(name)\" (\(title)) of \(date.year)")
                }
            } else {
                let kind: String = try condition["required_evidence"]
                let finders = self.finders.withLock { $0[kind] ?? [] }
                let query = TitleEvidenceQuery(kind: kind, memberID: member.id, period: period)
                var found = false
                for finder in finders where !found {
                    found = try !finder(query, db).isEmpty
                }
                if !found {
                    unmet.append(
                        finders.isEmpty
                            ? "evidence of \(kind) from \(period.lowerBound) to \(period.upperBound), which no enabled module records"
                            : "evidence of \(kind) from \(period.lowerBound) to \(period.upperBound)"
                    )
                }
            }
        }
        guard unmet.isEmpty else {
            throw RPCError(
                .failedPrecondition,
                "\(form.name) (\(form.code)) conferred on \(date) needs, under \(regulation), what member \(member.id) lacks: "
                    + unmet.joined(separator: "; "),
                field: field,
                rule: "award.title_conditions",
                values: ["title": form.name, "regulation": regulation]
            )
        }
    }

    /// Checks the titles of a person's registration when its review is decided on `date`: the
    /// decision confers them, so each must meet its conditions (the titles it commits to together
    /// count as held). A unit's registration names collective titles, which have no conditions here.
    func requireRegistration(_ registrationID: String, on date: CalendarDate, in db: Database) throws {
        let row = try EntityID.row(registrationID, prefix: "g", field: "id")
        guard let registration = try RegistrationRecord.fetch(row, in: db), let memberRow = registration.memberRow,
            let member = try MemberStore.fetch(memberRow, in: db)
        else { return }
        let titles = Set(registration.titles)
        for code in registration.titles {
            let form = try AwardStore.requireForm(code, field: "id", in: db)
            try self.require(form, member: member, on: date, decidedWith: titles.subtracting([code]), field: "id", in: db)
        }
    }
}
