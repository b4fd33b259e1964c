import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import TwoGoods

/// The school year's steps, over the wire, as the admin or as `client`.
extension ModuleFixture {
    /// The union of a school: a grassroots union of the school sector under `parent`.
    func school(_ name: String, under parent: String) async throws -> String {
        try await self.unit("Công đoàn \(name)", under: parent, .grassrootsUnion, .school)
    }

    /// The union of a school fully funded by the state, which has no union from the July 2025
    /// reorganisation on. The kit's `unit` does not set `fully_state_funded`.
    func stateFundedSchool(_ name: String, under parent: String) async throws -> String {
        try await self.call(Methods.Core.Units.createUnit, .with {
            $0.parentID = parent
            $0.name = "Công đoàn \(name)"
            $0.kind = .grassrootsUnion
            $0.sector = .school
            $0.validFrom = "2000-01-01"
            $0.fullyStateFunded = true
        }, as: nil).id
    }

    /// A woman teacher of `school`, a union member.
    func teacher(_ name: String, of school: String) async throws -> String {
        try await self.member(name, of: school, .female, unionMember: true, role: "giáo viên")
    }

    /// A campaign of the module (or of `module`) for the school year that starts in `year`,
    /// launched by `launcher` over `scope` (its own subtree when empty) on 5 September; with
    /// `launched` false it stays a draft. The kit's `campaign` launches calendar years only.
    func schoolYearCampaign(
        module: String = TwoGoodsModule.moduleID, year: UInt32 = 2021, launchedBy launcher: String, scope: String = "", launched: Bool = true
    ) async throws -> String {
        let draft = try await self.call(Methods.Core.Campaigns.createCampaign, .with {
            $0.module = module
            $0.title = "Phong trào thi đua Hai tốt năm học \(year)-\(year + 1)"
            $0.launchingUnitID = launcher
            $0.scopeUnitID = scope
            $0.periodKind = .schoolYear
            $0.year = year
            $0.metric = "trường hoàn thành năm học"
        }, as: nil)
        guard launched else { return draft.id }
        return try await self.call(Methods.Core.Campaigns.launchCampaign, .with {
            $0.id = draft.id
            $0.decisionNumber = "01/KH-LĐLĐ"
            $0.decisionDate = "\(year)-09-05"
        }, as: nil).id
    }

    func enrol(_ school: String, in campaign: String, on date: String = "2021-09-15", as client: ThiduaClient? = nil) async throws -> SchoolParticipation {
        try await self.call(Methods.TwoGoods.TwoGoods.enrolSchool, .with {
            $0.campaignID = campaign
            $0.schoolUnitID = school
            $0.enrolledOn = date
        }, as: client)
    }

    @discardableResult
    func recordResult(
        _ participation: String, round: UInt32, _ classification: SchoolClassification = .outstanding,
        students: UInt32 = 400, passed: UInt32 = 392, excellent: UInt32 = 120, as client: ThiduaClient? = nil
    ) async throws -> SchoolParticipation {
        try await self.call(Methods.TwoGoods.TwoGoods.recordSchoolResult, .with {
            $0.participationID = participation
            $0.round = round
            $0.result = .with {
                $0.classification = classification
                $0.students = students
                $0.studentsPassed = passed
                $0.studentsExcellent = excellent
                $0.goodLessons = 30
            }
        }, as: client)
    }

    @discardableResult
    func review(
        _ participation: String, round: UInt32, _ kind: RoundReviewKind, on date: String, as client: ThiduaClient? = nil
    ) async throws -> SchoolParticipation {
        try await self.call(Methods.TwoGoods.TwoGoods.reviewSchoolRound, .with {
            $0.participationID = participation
            $0.round = round
            $0.kind = kind
            $0.heldOn = date
            $0.summary = "Sơ kết, tổng kết phong trào Hai tốt"
        }, as: client)
    }

    /// Both rounds' results and reviews: the school's year is reviewed on 2022-05-28.
    @discardableResult
    func completeYear(_ participation: String, _ classification: SchoolClassification = .outstanding) async throws -> SchoolParticipation {
        try await self.recordResult(participation, round: 1, classification)
        try await self.review(participation, round: 1, .interimReview, on: "2021-11-20")
        try await self.review(participation, round: 1, .finalReview, on: "2022-01-20")
        try await self.recordResult(participation, round: 2, classification)
        try await self.review(participation, round: 2, .interimReview, on: "2022-03-26")
        return try await self.review(participation, round: 2, .finalReview, on: "2022-05-28")
    }

    func recordTeacher(
        _ member: String, in participation: String, levels: [ContestLevel] = [.schoolLevel],
        selfStudy: Double = 60, training: Double = 120, as client: ThiduaClient? = nil
    ) async throws -> TeacherRecord {
        try await self.call(Methods.TwoGoods.TwoGoods.recordTeacher, .with {
            $0.participationID = participation
            $0.memberID = member
            $0.excellentTeacherResults = levels.map { .decided($0) }
            $0.initiatives = [.with { $0.title = "Đổi mới sáng tạo trong dạy và học"; $0.level = .schoolLevel; $0.reference = "12/QĐ-HT" }]
            $0.selfStudyHours = selfStudy
            $0.trainingHours = training
            $0.evidence = ["Chứng nhận bồi dưỡng thường xuyên 2021-2022"]
        }, as: client)
    }

    /// The school's commendation by `issuer`, or its teacher's when `member` is given.
    func commend(
        _ participation: String, member: String = "", by issuer: String, on date: String = "2022-06-15", form: String = "",
        as client: ThiduaClient? = nil
    ) async throws -> TwoGoodsCommendation {
        try await self.call(Methods.TwoGoods.TwoGoods.grantCommendation, .with {
            $0.participationID = participation
            $0.memberID = member
            $0.formCode = form
            $0.issuingUnitID = issuer
            $0.decisionNumber = "123/QĐ-LĐLĐ"
            $0.decisionDate = date
            $0.reason = "Thành tích xuất sắc năm học 2021-2022"
        }, as: client)
    }

    @discardableResult
    func setRuleSet(_ rules: TwoGoodsRuleSet, as client: ThiduaClient? = nil) async throws -> TwoGoodsRuleSet {
        try await self.call(Methods.TwoGoods.TwoGoods.setRuleSet, rules, as: client)
    }

    func report(of unit: String = "", year: UInt32 = 2021, as client: ThiduaClient? = nil) async throws -> TwoGoodsYearReport {
        try await self.call(Methods.TwoGoods.TwoGoods.getYearReport, .with {
            $0.unitID = unit
            $0.schoolYear = year
        }, as: client)
    }

    /// Every audit record the admin's key sees, newest first, from the core over the wire. Not
    /// the module's domain: the kit has no reader of the audit.
    func auditRecords() async throws -> [AuditRecord] {
        var records: [AuditRecord] = []
        var request = ListAuditRecordsRequest.with { $0.page.pageSize = 1000 }
        repeat {
            let page = try await self.call(Methods.Core.Audit.listAuditRecords, request, as: nil)
            records += page.records
            request.page.pageToken = page.nextPageToken
        } while !request.page.pageToken.isEmpty
        return records
    }
}

extension ExcellentTeacherResult {
    /// A result of the excellent-teacher contest at `level`, decided on `date`.
    static func decided(_ level: ContestLevel, on date: String = "2021-12-10") -> Self {
        .with {
            $0.level = level
            $0.decidedOn = date
            $0.reference = "45/QĐ-PGDĐT"
        }
    }
}
