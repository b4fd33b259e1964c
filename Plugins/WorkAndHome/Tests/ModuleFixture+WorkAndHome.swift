import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire
import WorkAndHome

/// Her self-assessments, as the tests send them.
enum Assessments {
    /// The criteria of version 1, in order.
    static let criteria = ["work", "family", "community"]

    /// In the criteria's order: each met with evidence, except those in `unmet`.
    static func of(unmet: Set<String> = []) -> [WorkAndHomeAssessment] {
        Self.criteria.map { code in
            WorkAndHomeAssessment.with {
                $0.criterionCode = code
                $0.met = !unmet.contains(code)
                $0.note = unmet.contains(code) ? "Chưa đạt" : ""
                $0.evidence = unmet.contains(code) ? [] : ["Biên bản bình xét tiêu chí \(code) số 03/BB-CĐCS"]
            }
        }
    }
}

/// The campaign's steps, and the core review's, over the wire.
extension ModuleFixture {
    /// A new woman union member of `unit`.
    func woman(of unit: String, _ name: String = "Lê Thị Hoa") async throws -> String {
        try await self.member(name, of: unit, .female)
    }

    func register(_ member: String, in campaign: String, on day: String = "", as client: ThiduaClient? = nil) async throws -> WorkAndHomeRegistration {
        try await self.call(Methods.WorkAndHome.Registrations.registerMember, .with {
            $0.campaignID = campaign
            $0.memberID = member
            $0.registeredOn = day
        }, as: client)
    }

    @discardableResult
    func assess(_ id: String, _ assessments: [WorkAndHomeAssessment] = Assessments.of(), as client: ThiduaClient? = nil) async throws -> WorkAndHomeRegistration {
        try await self.call(Methods.WorkAndHome.Registrations.selfAssess, .with { $0.id = id; $0.assessments = assessments }, as: client)
    }

    @discardableResult
    func propose(_ id: String, summary: String = "", as client: ThiduaClient? = nil) async throws -> WorkAndHomeRegistration {
        try await self.call(Methods.WorkAndHome.Registrations.propose, .with { $0.id = id; $0.summary = summary }, as: client)
    }

    func registration(_ id: String, as client: ThiduaClient? = nil) async throws -> WorkAndHomeRegistration {
        try await self.call(Methods.WorkAndHome.Registrations.getRegistration, .with { $0.id = id }, as: client)
    }

    /// A new woman member of `unit`, registered in `campaign`, assessed and proposed.
    func proposed(of unit: String, in campaign: String) async throws -> WorkAndHomeRegistration {
        let registration = try await self.register(try await self.woman(of: unit), in: campaign)
        try await self.assess(registration.id)
        return try await self.propose(registration.id)
    }

    func review(_ id: String) async throws -> Review {
        try await self.call(Methods.Core.Reviews.getReview, .with { $0.id = id })
    }

    @discardableResult
    func approve(_ review: String) async throws -> Review {
        try await self.call(Methods.Core.Reviews.approveReview, .with { $0.id = review })
    }

    @discardableResult
    func reject(_ review: String, reason: String = "Thiếu xác nhận của tổ dân phố về tiêu chí gia đình") async throws -> Review {
        try await self.call(Methods.Core.Reviews.rejectReview, .with { $0.id = review; $0.reason = reason })
    }

    @discardableResult
    func publish(_ review: String) async throws -> Review {
        try await self.call(Methods.Core.Reviews.publishReview, .with { $0.id = review })
    }

    /// What `campaign` achieved under `unit`: the recognised members' units, counted.
    func achieved(in campaign: String, under unit: String) async throws -> UInt64 {
        try await self.call(Methods.Core.Campaigns.getProgress, .with { $0.campaignID = campaign; $0.unitID = unit }).total.achieved
    }
}
