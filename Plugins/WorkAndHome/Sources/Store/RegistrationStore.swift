import ThiduaModuleKit

/// A member's registration for a year, as stored: the message it is served as, without its
/// assessments (``message(assessments:)`` adds them).
struct RegistrationRecord: SQLRowDecodable {
    /// Registration ids on the wire: "wh12".
    static let kind = EntityKind(prefix: "wh", noun: "registration", rule: "work_and_home.registration_exists")

    let row: Int64
    let stored: WorkAndHomeRegistration
    let recognisedOn: CalendarDate?

    var id: String { self.stored.id }
    var campaignID: String { self.stored.campaignID }
    var unitID: String { self.stored.unitID }
    var memberName: String { self.stored.memberName }
    var year: Int { Int(self.stored.year) }
    var criteriaVersion: Int { Int(self.stored.criteriaVersion) }
    var state: WorkAndHomeState { self.stored.state }
    var reviewID: String? { self.stored.reviewID.isEmpty ? nil : self.stored.reviewID }
    var lifecycle: RegistrationLifecycle { RegistrationLifecycle(state: self.state) }

    init(row: SQLRow) throws {
        let number: Int64 = try row["id"]
        self.row = number
        self.recognisedOn = try row["recognised_on"]
        var stored: WorkAndHomeRegistration = try row.message()
        stored.id = Self.kind.id(number)
        self.stored = stored
    }

    func message(assessments: [WorkAndHomeAssessment]) -> WorkAndHomeRegistration {
        var message = self.stored
        message.assessments = assessments
        return message
    }
}

/// The registrations and their self-assessments.
enum RegistrationStore {
    /// Her assessment of each criterion and the evidence it cites.
    static let assessments = CriterionAssessments(
        table: "work_and_home_assessment", evidenceTable: "work_and_home_evidence", entryColumn: "registration_id"
    )

    static func insert(
        campaignID: String, member: MemberReference, year: Int, criteriaVersion: UInt32, registeredOn: CalendarDate, in db: Database
    ) throws -> RegistrationRecord {
        let row = try db.insert("""
            INSERT INTO work_and_home_registration
                (campaign_id, member_id, member_name, unit_id, year, criteria_version, state, registered_on)
            VALUES (\(campaignID), \(member.id), \(member.fullName), \(member.unitID), \(year), \(criteriaVersion),
                \(WorkAndHomeState.registered.rawValue), \(registeredOn))
            RETURNING id
            """)
        return try Self.require(RegistrationRecord.kind.id(row), field: "id", in: db)
    }

    /// The registration `id` names: INVALID_ARGUMENT (`id.format`) or NOT_FOUND
    /// (`work_and_home.registration_exists`) naming `field`.
    static func require(_ id: String, field: String, in db: Database) throws -> RegistrationRecord {
        try RegistrationRecord.kind.require(id, field: field) { row in
            try db.fetchOne("SELECT * FROM work_and_home_registration WHERE id = \(row)", as: RegistrationRecord.self)
        }
    }

    static func find(memberID: String, year: Int, in db: Database) throws -> RegistrationRecord? {
        try db.fetchOne("SELECT * FROM work_and_home_registration WHERE member_id = \(memberID) AND year = \(year)", as: RegistrationRecord.self)
    }

    /// Replaces her self-assessment and moves the registration to `state`.
    static func assess(_ record: RegistrationRecord, _ assessments: [CriterionAssessment], to state: WorkAndHomeState, on day: CalendarDate, in db: Database) throws {
        try Self.assessments.replace(of: record.row, with: assessments.map { assessment in
            .init(code: assessment.code, columns: ["met": assessment.met, "note": assessment.note], evidence: assessment.evidence)
        }, in: db)
        try db.execute("UPDATE work_and_home_registration SET state = \(state.rawValue), assessed_on = \(day) WHERE id = \(record.row)")
    }

    /// The codes of the criteria she assessed as not met.
    static func unmetCriteria(of record: RegistrationRecord, in db: Database) throws -> [String] {
        try db.fetchValues(
            "SELECT criterion_code FROM work_and_home_assessment WHERE registration_id = \(record.row) AND met = \(false) ORDER BY position",
            as: String.self
        )
    }

    /// Follows a move of her review to `state`.
    static func follow(_ record: RegistrationRecord, to state: WorkAndHomeState, review: ReviewReference, today: CalendarDate, in db: Database) throws {
        let recognisedOn: CalendarDate? = switch state {
        case .recognised: today
        case .published: record.recognisedOn
        default: nil
        }
        try db.execute("""
            UPDATE work_and_home_registration
            SET state = \(state.rawValue), review_id = \(review.id), round = \(review.round),
                return_reason = \(state == .returned ? review.reason : ""), recognised_on = \(recognisedOn.sqlValue)
            WHERE id = \(record.row)
            """)
    }

    static func message(of record: RegistrationRecord, in db: Database) throws -> WorkAndHomeRegistration {
        try Self.messages(of: [record], in: db)[0]
    }

    /// The messages of `records`, with their assessments read in two statements.
    static func messages(of records: [RegistrationRecord], in db: Database) throws -> [WorkAndHomeRegistration] {
        let rows = records.map(\.row)
        let evidence = try Self.assessments.evidence(of: rows, in: db)
        var assessments: [Int64: [WorkAndHomeAssessment]] = [:]
        try db.forEach("SELECT * FROM work_and_home_assessment WHERE registration_id IN \(list: rows) ORDER BY registration_id, position") { row in
            let registration: Int64 = try row["registration_id"]
            let code: String = try row["criterion_code"]
            assessments[registration, default: []].append(try .with {
                $0.criterionCode = code
                $0.met = try row["met"]
                $0.note = try row["note"]
                $0.evidence = evidence[registration]?[code] ?? []
            })
        }
        return records.map { $0.message(assessments: assessments[$0.row] ?? []) }
    }
}
