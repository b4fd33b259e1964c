import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// The sheet the module ships (version 1), and a unit's claims on it, as the tests send them.
enum DefaultSheet {
    /// The points of each criterion: 100 in all, recognised from 96.
    static let maxima: [(String, UInt32)] = [("TC", 10), ("X", 15), ("S1", 15), ("S2", 10), ("D", 15), ("AT", 20), ("PCCN", 15)]

    /// A claim on every criterion: full points, less `minus`, with evidence.
    static func claims(minus: [String: UInt32] = [:]) -> [GreenCleanScore] {
        Self.maxima.map { code, max in
            GreenCleanScore.with {
                $0.criterionCode = code
                $0.points = max - (minus[code] ?? 0)
                $0.evidence = ["Biên bản tự kiểm tra \(code) số 01/BB-CĐ"]
            }
        }
    }
}

/// A registration's steps, over the wire, as the admin or as `client`.
extension ModuleFixture {
    func register(_ unit: String, in campaign: String, on day: String = "", as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.registerUnit, .with {
            $0.campaignID = campaign
            $0.unitID = unit
            $0.registeredOn = day
        }, as: client)
    }

    @discardableResult
    func selfAssess(_ id: String, _ scores: [GreenCleanScore] = DefaultSheet.claims(), as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.selfAssess, .with { $0.id = id; $0.scores = scores }, as: client)
    }

    @discardableResult
    func submit(_ id: String, as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.submit, .with { $0.id = id }, as: client)
    }

    @discardableResult
    func appraise(_ id: String, _ adjustments: [GreenCleanAdjustment] = [], as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.appraise, .with { $0.id = id; $0.adjustments = adjustments }, as: client)
    }

    @discardableResult
    func propose(_ id: String, as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.proposeRecognition, .with { $0.id = id }, as: client)
    }

    @discardableResult
    func recognise(_ id: String, date: String = "2024-06-10", as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.recognise, .with {
            $0.id = id
            $0.decisionNumber = "12/QĐ-LĐLĐ"
            $0.decisionDate = date
        }, as: client)
    }

    @discardableResult
    func decline(_ id: String, reason: String = "Chưa đạt điểm công nhận", as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.declineRecognition, .with { $0.id = id; $0.reason = reason }, as: client)
    }

    func registration(_ id: String, as client: ThiduaClient? = nil) async throws -> GreenCleanRegistration {
        try await self.call(Methods.GreenClean.Registrations.getRegistration, .with { $0.id = id }, as: client)
    }

    /// A registration of `unit` in `campaign`, brought to `state` along the shortest way with
    /// full scores.
    func registration(of unit: String, in campaign: String, reaching state: GreenCleanState) async throws -> GreenCleanRegistration {
        let order: [GreenCleanState] = [.registered, .selfAssessed, .submitted, .appraised, .proposed, .recognised]
        var registration = try await self.register(unit, in: campaign)
        for next in order.dropFirst() where registration.state != state {
            switch next {
            case .selfAssessed: registration = try await self.selfAssess(registration.id)
            case .submitted: registration = try await self.submit(registration.id)
            case .appraised: registration = try await self.appraise(registration.id)
            case .proposed: registration = try await self.propose(registration.id)
            default: registration = try await self.recognise(registration.id)
            }
        }
        #expect(registration.state == state)
        return registration
    }

    /// A disqualifying fact about `unit`: an event on `day`, or a count of `cases` in `year`.
    @discardableResult
    func recordFact(
        _ unit: String, _ kind: GreenCleanFactKind, on day: String = "", year: UInt32 = 0, cases: UInt32 = 0,
        as client: ThiduaClient? = nil
    ) async throws -> GreenCleanSafetyFact {
        try await self.call(Methods.GreenClean.SafetyFacts.recordSafetyFact, .with {
            $0.unitID = unit
            $0.kind = kind
            $0.occurredOn = day
            $0.year = year
            $0.cases = cases
            $0.description_p = "Biên bản điều tra"
            $0.reference = "BB-01"
        }, as: client)
    }
}
