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
        let rows = try Row.fetchAll(db.cachedStatement(
            sql: "SELECT * FROM core_title_condition ORDER BY form_code, effective_from, rowid"
        ))
        var sets: [TitleConditionSet] = []
        for row in rows {
            let formCode: String = row["form_code"]
            let effectiveFrom: String = row["effective_from"]
            if sets.last?.formCode != formCode || sets.last?.effectiveFrom != effectiveFrom {
                sets.append(.with {
                    $0.regulation = row["regulation"]
                    $0.effectiveFrom = effectiveFrom
                    $0.formCode = formCode
                })
            }
            if let title = row["required_title"] as String? {
                sets[sets.count - 1].requiredTitles.append(title)
            } else {
                sets[sets.count - 1].requiredEvidence.append(row["required_evidence"])
            }
        }
        return sets
    }

    /// Stores `version` in place of the conditions of its title from its date, if any; returns those.
    static func replace(with version: TitleConditionSet, in db: Database) throws -> TitleConditionSet? {
        let old = try Self.all(in: db).first { $0.formCode == version.formCode && $0.effectiveFrom == version.effectiveFrom }
        try db.cachedStatement(sql: "DELETE FROM core_title_condition WHERE form_code = ? AND effective_from = ?").execute(
            arguments: [version.formCode, version.effectiveFrom]
        )
        let insert = try db.cachedStatement(sql: """
            INSERT INTO core_title_condition (regulation, effective_from, form_code, required_title, required_evidence) VALUES (?, ?, ?, ?, ?)
            """)
        for title in version.requiredTitles {
            try insert.execute(arguments: [version.regulation, version.effectiveFrom, version.formCode, title, nil])
        }
        for kind in version.requiredEvidence {
            try insert.execute(arguments: [version.regulation, version.effectiveFrom, version.formCode, nil, kind])
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
        let conditions = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT * FROM core_title_condition WHERE form_code = ? AND effective_from = (
                    SELECT max(effective_from) FROM core_title_condition WHERE form_code = ? AND effective_from <= ?)
                ORDER BY rowid
                """),
            arguments: [form.code, form.code, date.description]
        )
        guard !conditions.isEmpty else { return }
        let period = CalendarDate(year: date.year, month: 1, day: 1)!...date
        var unmet: [String] = []
        var regulation = ""
        for condition in conditions {
            regulation = condition["regulation"]
            if let title = condition["required_title"] as String? {
                guard !decidedWith.contains(title) else { continue }
                let held = try Bool.fetchOne(
                    db.cachedStatement(sql: """
                        SELECT 1 FROM core_award WHERE form_code = ? AND recipient_member_id = ? AND revoked_on IS NULL
                        AND decision_date BETWEEN ? AND ? LIMIT 1
                        """),
                    arguments: [title, member.row, period.lowerBound.description, period.upperBound.description]
                ) ?? false
                if !held {
                    let name = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM core_award_form WHERE code = ?"), arguments: [title]) ?? title
                    unmet.append("the title \"\(name)\" (\(title)) of \(date.year)")
                }
            } else {
                let kind: String = condition["required_evidence"]
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
