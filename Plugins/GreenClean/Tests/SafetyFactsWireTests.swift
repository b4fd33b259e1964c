import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

/// Recording, retracting and listing the facts that disqualify, over the wire.
@Suite struct SafetyFactsWireTests {
    func record(_ f: ModuleFixture, on unit: String, _ change: (inout RecordGreenCleanSafetyFactRequest) -> Void) async throws {
        var request = RecordGreenCleanSafetyFactRequest.with {
            $0.unitID = unit
            $0.description_p = "Biên bản điều tra"
        }
        change(&request)
        _ = try await f.call(Methods.GreenClean.SafetyFacts.recordSafetyFact, request)
    }

    @Test func factsAreRecordedWithTheirYear() async throws {
        try await Organisation.with { f, org in
            let accident = try await f.recordFact(org.school, .seriousWorkAccident, on: "2023-11-20")
            #expect(accident.id.hasPrefix("gf"))
            #expect(accident.year == 2023)
            #expect(accident.occurredOn == "2023-11-20")
            #expect(accident.recordedOn == Organisation.today)
            #expect(accident.reference == "BB-01")
            let cases = try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 3)
            #expect(cases.year == 2024 && cases.cases == 3 && cases.occurredOn.isEmpty)
        }
    }

    @Test func badFactsAreRefusedAndChangeNothing() async throws {
        try await Organisation.with { f, org in
            let cases: [((inout RecordGreenCleanSafetyFactRequest) -> Void, StatusCode, String, String)] = [
                ({ $0.kind = .unspecified; $0.occurredOn = "2024-01-02" }, .invalidArgument, "kind", "field.enum"),
                ({ $0.kind = .fatalWorkAccident }, .invalidArgument, "occurred_on", "field.required"),
                ({ $0.kind = .fatalWorkAccident; $0.occurredOn = "2024-06-16" }, .invalidArgument, "occurred_on", "date.future"),
                ({ $0.kind = .fatalWorkAccident; $0.occurredOn = "2024-01-02"; $0.cases = 1 }, .invalidArgument, "cases", "green_clean.fact_fields"),
                ({ $0.kind = .fatalWorkAccident; $0.occurredOn = "2024-01-02"; $0.year = 2023 }, .invalidArgument, "year", "green_clean.fact_fields"),
                ({ $0.kind = .fatalWorkAccident; $0.occurredOn = "2024-01-02"; $0.description_p = " " }, .invalidArgument, "description", "field.required"),
                ({ $0.kind = .occupationalDiseaseCases; $0.year = 2024; $0.occurredOn = "2024-01-02" }, .invalidArgument, "occurred_on", "green_clean.fact_fields"),
                ({ $0.kind = .occupationalDiseaseCases; $0.year = 2025; $0.cases = 1 }, .invalidArgument, "year", "green_clean.fact_year"),
                ({ $0.kind = .occupationalDiseaseCases; $0.cases = 1 }, .invalidArgument, "year", "green_clean.fact_year"),
            ]
            for (change, code, field, rule) in cases {
                try await f.expectRefusal(code, rule: rule, field: field) { try await self.record(f, on: org.school, change) }
            }
            // Another district's unit is out of a district key's reach.
            let districtKey = try await f.client(scopedTo: org.district, permissions: ["green_clean.facts"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                try await f.recordFact(org.outsider, .fatalWorkAccident, on: "2024-01-02", as: districtKey)
            }
        }
    }

    @Test func oneCountOfCasesPerUnitAndYearCorrectedByRetraction() async throws {
        try await Organisation.with { f, org in
            let first = try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 4)
            try await f.expectRefusal(.alreadyExists, rule: "green_clean.fact_unique", field: "year") {
                try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 2)
            }
            let refusal = await #expect(throws: RPCError.self) {
                try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 2)
            }
            #expect(refusal?.message.contains(first.id) == true)
            let retract = { (id: String, reason: String) async throws -> GreenCleanSafetyFact in
                try await f.call(Methods.GreenClean.SafetyFacts.retractSafetyFact, .with { $0.id = id; $0.reason = reason })
            }
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                _ = try await retract(first.id, "")
            }
            let retracted = try await retract(first.id, "Số liệu sai, theo báo cáo y tế là 2 ca")
            #expect(retracted.retractedOn == Organisation.today)
            #expect(retracted.retractReason == "Số liệu sai, theo báo cáo y tế là 2 ca")
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.fact_retracted", field: "id") {
                _ = try await retract(first.id, "lần nữa")
            }
            try await f.expectRefusal(.notFound, rule: "green_clean.fact_exists", field: "id") {
                _ = try await retract("gf77", "không có")
            }
            let corrected = try await f.recordFact(org.school, .occupationalDiseaseCases, year: 2024, cases: 2)
            #expect(corrected.cases == 2)
        }
    }

    @Test func listingsShowTheSubtreeAndHideRetractedFactsUnlessAsked() async throws {
        try await Organisation.with { f, org in
            let school = try await f.recordFact(org.school, .fatalWorkAccident, on: "2024-01-02")
            let agency = try await f.recordFact(org.agency, .seriousFireOrExplosion, on: "2023-07-08")
            let outsider = try await f.recordFact(org.outsider, .seriousWorkAccident, on: "2024-03-04")
            _ = try await f.call(Methods.GreenClean.SafetyFacts.retractSafetyFact, RetractGreenCleanSafetyFactRequest.with {
                $0.id = school.id
                $0.reason = "nhầm"
            })
            func list(_ change: (inout ListGreenCleanSafetyFactsRequest) -> Void, as client: ThiduaClient? = nil) async throws -> [String] {
                try await f.call(Methods.GreenClean.SafetyFacts.listSafetyFacts, .with(change), as: client).facts.map(\.id)
            }
            #expect(try await list { _ in } == [agency.id, outsider.id])
            #expect(try await list { $0.includeRetracted = true } == [school.id, agency.id, outsider.id])
            #expect(try await list { $0.year = 2024; $0.includeRetracted = true } == [school.id, outsider.id])
            #expect(try await list { $0.unitID = org.district } == [agency.id])
            let districtKey = try await f.client(scopedTo: org.district, permissions: ["green_clean.read"])
            #expect(try await list({ $0.includeRetracted = true }, as: districtKey) == [school.id, agency.id])
        }
    }
}
