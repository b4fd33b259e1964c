import ThiduaModuleKit

/// A row of `core_award_form`.
struct AwardFormRecord: Sendable, SQLRowDecodable {
    var code: String
    var name: String
    var recipients: RecipientKind
    var issuingKinds: [UnitKind]
    var isTitle: Bool

    init(row: SQLRow) throws {
        self.code = try row["code"]
        self.name = try row["name"]
        self.recipients = try RecipientKind(rawValue: row["recipients"]) ?? .anyRecipient
        self.issuingKinds = try (row["issuing_kinds"] as String).split(separator: ",").compactMap { Int($0).flatMap(UnitKind.init(rawValue:)) }
        self.isTitle = try row["title"]
    }

    var message: AwardForm {
        AwardForm.with {
            $0.code = self.code
            $0.name = self.name
            $0.recipients = self.recipients
            $0.issuingKinds = self.issuingKinds
            $0.title = self.isTitle
        }
    }

    /// FAILED_PRECONDITION (rule `award.recipient_kind`) unless the form goes to this kind of recipient.
    func require(individual: Bool, field: String) throws(RPCError) {
        let allowed: Bool = switch self.recipients {
        case .collective: !individual
        case .individual: individual
        default: true
        }
        guard allowed else {
            throw RPCError(
                .failedPrecondition,
                "\(self.name) (\(self.code)) goes to \(individual ? "collectives, not people" : "people, not collectives")",
                field: field,
                rule: "award.recipient_kind"
            )
        }
    }
}

/// A row of `core_award`.
struct AwardRecord: Sendable, SQLRowDecodable {
    var row: Int64
    var formCode: String
    var issuingUnitRow: Int64
    var recipientUnitRow: Int64
    var recipientMemberRow: Int64?
    var achievement: String
    var campaignRow: Int64?
    var decisionNumber: String
    var decisionDate: String
    var reason: String
    var revokedOn: String?
    var revokeReason: String?

    var id: String { EntityID.award(self.row) }

    init(row: SQLRow) throws {
        self.row = try row["id"]
        self.formCode = try row["form_code"]
        self.issuingUnitRow = try row["issuing_unit_id"]
        self.recipientUnitRow = try row["recipient_unit_id"]
        self.recipientMemberRow = try row["recipient_member_id"]
        self.achievement = try row["achievement"]
        self.campaignRow = try row["campaign_id"]
        self.decisionNumber = try row["decision_number"]
        self.decisionDate = try row["decision_date"]
        self.reason = try row["reason"]
        self.revokedOn = try row["revoked_on"]
        self.revokeReason = try row["revoke_reason"]
    }

    var message: Award {
        Award.with {
            $0.id = self.id
            $0.formCode = self.formCode
            $0.issuingUnitID = EntityID.unit(self.issuingUnitRow)
            $0.recipientUnitID = EntityID.unit(self.recipientUnitRow)
            $0.recipientMemberID = self.recipientMemberRow.map(EntityID.member) ?? ""
            $0.achievement = self.achievement
            $0.campaignID = self.campaignRow.map(EntityID.campaign) ?? ""
            $0.decisionNumber = self.decisionNumber
            $0.decisionDate = self.decisionDate
            $0.reason = self.reason
            $0.revokedOn = self.revokedOn ?? ""
            $0.revokeReason = self.revokeReason ?? ""
        }
    }
}

/// The award catalogue, grants with their rules, and caps.
enum AwardStore {
    static func requireForm(_ code: String, field: String, in db: Database) throws -> AwardFormRecord {
        guard let form = try db.fetchOne("SELECT * FROM core_award_form WHERE code = \(code)", as: AwardFormRecord.self) else {
            throw RPCError(.notFound, "there is no award form \"\(code)\" in the catalogue", field: field, rule: "award.form_exists")
        }
        return form
    }

    /// Gives every award stored before achievements had keys its key. Runs at start-up, after
    /// the migrations; a no-op once every row has one.
    static func fillAchievementKeys(in db: Database) throws {
        let rows = try db.fetchAll("SELECT id, achievement FROM core_award WHERE achievement_key IS NULL")
        for row in rows {
            try db.execute("UPDATE core_award SET achievement_key = \(AchievementKey.of(try row["achievement"])) WHERE id = \(try row["id"] as Int64)")
        }
    }

    static func fetch(_ row: Int64, in db: Database) throws -> AwardRecord? {
        try db.fetchOne("SELECT * FROM core_award WHERE id = \(row)", as: AwardRecord.self)
    }

    /// Checks every rule and stores the award. Field names are those of `GrantAwardRequest`. Every
    /// award, from `Awards/GrantAward` or a module, comes through here: so does every title, whose
    /// conditions `conditions` checks.
    static func grant(_ grant: AwardGrant, by principal: Principal, conditions: TitleConditions, in db: Database) throws -> AwardRecord {
        let form = try Self.requireForm(grant.formCode, field: "form_code", in: db)
        let issuer = try Scope.unit(grant.issuingUnitID, field: "issuing_unit_id", within: principal, in: db)
        guard issuer.isLive else {
            throw RPCError(.failedPrecondition, "unit \(issuer.id) was dissolved", field: "issuing_unit_id", rule: "unit.live")
        }
        guard form.issuingKinds.contains(issuer.kind) else {
            throw RPCError(
                .failedPrecondition,
                "\(form.name) is issued by \(form.issuingKinds.map { "\($0)" }.joined(separator: ", ")); unit \(issuer.id) is \(issuer.kind)",
                field: "issuing_unit_id",
                rule: "award.issuing_level"
            )
        }
        var recipient = try Scope.unit(grant.recipientUnitID, field: "recipient_unit_id", within: principal, in: db)
        var memberRow: Int64?
        var member: MemberRecord?
        if let memberID = grant.recipientMemberID {
            let person = try MemberStore.require(memberID, field: "recipient_member_id", in: db)
            guard person.unitRow == recipient.row, person.leftOn == nil else {
                throw RPCError(
                    .failedPrecondition,
                    "member \(person.id) is not a current member of unit \(recipient.id)",
                    field: "recipient_member_id",
                    rule: "award.member_of_unit"
                )
            }
            memberRow = person.row
            member = person
            recipient = try UnitRecord.fetch(person.unitRow, in: db)!
        }
        try form.require(individual: memberRow != nil, field: "form_code")
        // A unit commends the units below it, and people of its own or lower units.
        let reaches = memberRow == nil ? recipient.path.hasPrefix(issuer.path) && recipient.row != issuer.row : recipient.path.hasPrefix(issuer.path)
        guard reaches else {
            throw RPCError(
                .failedPrecondition,
                "unit \(issuer.id) can award only \(memberRow == nil ? "units below it" : "people in its own subtree"); \(recipient.id) is not",
                field: "recipient_unit_id",
                rule: "award.issuer_above_recipient"
            )
        }
        if let campaignID = grant.campaignID {
            _ = try CampaignRecord.require(campaignID, field: "campaign_id", within: principal, in: db)
        }
        // One achievement earns one award [law: no several awards for one achievement]: compared by
        // its key, so a change of case, spacing or punctuation does not make it another achievement.
        let achievementKey = AchievementKey.of(grant.achievement)
        let existing = try db.fetchOne("""
                SELECT id, achievement FROM core_award WHERE recipient_unit_id = \(recipient.row) AND coalesce(recipient_member_id, 0) = \(memberRow ?? 0)
                AND achievement_key = \(achievementKey) AND revoked_on IS NULL
                """)
        if let existing {
            let earlier: String = try existing["achievement"]
            throw RPCError(
                .failedPrecondition,
                "award \(EntityID.award(try existing["id"])) already rewards \"\(earlier)\", the same achievement as \"\(grant.achievement)\"; one achievement earns one award",
                field: "achievement",
                rule: "award.one_per_achievement"
            )
        }
        if let member {
            try conditions.require(form, member: member, on: grant.decisionDate, field: "recipient_member_id", in: db)
        }
        try Self.checkCap(form: form.code, issuer: issuer, recipient: recipient, on: grant.decisionDate, in: db)
        let campaignRow = try grant.campaignID.map { try EntityID.row($0, prefix: "p", field: "campaign_id") }
        return try db.insert("""
                INSERT INTO core_award (form_code, issuing_unit_id, recipient_unit_id, recipient_member_id, achievement,
                    campaign_id, decision_number, decision_date, reason, achievement_key)
                VALUES (\(form.code), \(issuer.row), \(recipient.row), \(memberRow), \(grant.achievement),
                    \(campaignRow), \(grant.decisionNumber), \(grant.decisionDate), \(grant.reason), \(achievementKey))
                RETURNING *
                """, as: AwardRecord.self)
    }

    /// FAILED_PRECONDITION (rule `award.cap`) when one more award of the form would pass the cap
    /// of the regulation in force on the decision date, in the decision's calendar year:
    ///
    /// - `max_count` counts the awards of the form the issuer gave that year: what one unit may
    ///   issue.
    /// - `max_percent_of_basis` counts in the recipient's unit, whoever issued: the regulation
    ///   caps "Chiến sĩ thi đua cơ sở" at 15% of the people of the agency, organisation or unit
    ///   (cơ quan, tổ chức, đơn vị) who hold "Lao động tiên tiến" that year [Decree 98/2023/NĐ-CP
    ///   under Law 06/2022/QH15], a share of one unit's people. Counted by issuer, a unit that
    ///   confers the one title but not the other had no basis at all, and one that confers both on
    ///   several units pooled their bases.
    static func checkCap(form: String, issuer: UnitRecord, recipient: UnitRecord, on date: CalendarDate, in db: Database) throws {
        guard let cap = try db.fetchOne("""
            SELECT * FROM core_award_cap WHERE form_code = \(form) AND effective_from <= \(date.description)
            ORDER BY effective_from DESC LIMIT 1
            """) else { return }
        let year = String(format: "%04d", date.year)
        let regulation: String = try cap["regulation"]
        let maxCount: Int = try cap["max_count"]
        if maxCount > 0 {
            let after = (try db.fetchValue("""
                    SELECT count(*) FROM core_award WHERE form_code = \(form) AND issuing_unit_id = \(issuer.row)
                    AND substr(decision_date, 1, 4) = \(year) AND revoked_on IS NULL
                    """, as: Int.self) ?? 0) + 1
            if after > maxCount {
                throw RPCError(
                    .failedPrecondition,
                    "unit \(issuer.id) may issue at most \(maxCount) \(form) in \(date.year) under \(regulation); this would be number \(after)",
                    field: "form_code",
                    rule: "award.cap",
                    values: ["form": form, "year": "\(date.year)", "limit": "\(maxCount)", "count": "\(after)", "regulation": regulation]
                )
            }
        }
        let percent: Int = try cap["max_percent_of_basis"]
        if percent > 0, let basis = try cap["basis_form_code"] as String? {
            func held(_ code: String) throws -> Int {
                try db.fetchValue("""
                        SELECT count(*) FROM core_award WHERE form_code = \(code) AND recipient_unit_id = \(recipient.row)
                        AND substr(decision_date, 1, 4) = \(year) AND revoked_on IS NULL
                        """, as: Int.self) ?? 0
            }
            let after = try held(form) + 1
            let allowed = try held(basis) * percent / 100
            if after > allowed {
                throw RPCError(
                    .failedPrecondition,
                    "unit \(recipient.id) may hold \(form) for at most \(percent)% of its \(basis) of \(date.year) (\(allowed)) under \(regulation); this would be number \(after)",
                    field: "form_code",
                    rule: "award.cap",
                    values: ["form": form, "year": "\(date.year)", "limit": "\(allowed)", "count": "\(after)", "regulation": regulation]
                )
            }
        }
    }
}
