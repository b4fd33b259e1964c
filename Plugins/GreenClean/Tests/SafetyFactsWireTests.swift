import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// Recording, retracting and listing the facts that disqualify, over the wire.
@Suite struct SafetyFactsWireTests {
    func record(_ fixture: GreenCleanFixture, _ change: (inout RecordGreenCleanSafetyFactRequest) -> Void) async throws {
        var request = RecordGreenCleanSafetyFactRequest.with {
            $0.unitID = fixture.schoolID
            $0.description_p = "Biên bản điều tra"
        }
        change(&request)
        let _: GreenCleanSafetyFact = try await fixture.call(GreenCleanMethods.recordSafetyFact, request)
    }

    @Test func factsAreRecordedWithTheirYear() async throws {
        try await GreenCleanFixture.with { fixture in
            let accident = try await fixture.recordFact(fixture.schoolID, .seriousWorkAccident, on: "2023-11-20")
            #expect(accident.id.hasPrefix("gf"))
            #expect(accident.year == 2023)
            #expect(accident.occurredOn == "2023-11-20")
            #expect(accident.recordedOn == GreenCleanFixture.today)
            #expect(accident.reference == "BB-01")
            let cases = try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2024, cases: 3)
            #expect(cases.year == 2024 && cases.cases == 3 && cases.occurredOn.isEmpty)
        }
    }

    @Test func badFactsAreRefusedAndChangeNothing() async throws {
        try await GreenCleanFixture.with { fixture in
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
                try await fixture.expectRefusal(code, rule: rule, field: field) { try await self.record(fixture, change) }
            }
            // Another district's unit is out of a district key's reach.
            let districtKey = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["green_clean.facts"])
            try await fixture.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "unit_id") {
                try await fixture.recordFact(fixture.outsiderID, .fatalWorkAccident, on: "2024-01-02", using: districtKey)
            }
            await districtKey.close()
        }
    }

    @Test func oneCountOfCasesPerUnitAndYearCorrectedByRetraction() async throws {
        try await GreenCleanFixture.with { fixture in
            let first = try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2024, cases: 4)
            let refusal = try await fixture.expectRefusal(.alreadyExists, rule: "green_clean.fact_unique", field: "year") {
                try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2024, cases: 2)
            }
            #expect(refusal?.message.contains(first.id) == true)
            let retract = { (id: String, reason: String) async throws -> GreenCleanSafetyFact in
                try await fixture.call(GreenCleanMethods.retractSafetyFact, RetractGreenCleanSafetyFactRequest.with { $0.id = id; $0.reason = reason })
            }
            try await fixture.expectRefusal(.invalidArgument, rule: "green_clean.reason_required", field: "reason") {
                _ = try await retract(first.id, "")
            }
            let retracted = try await retract(first.id, "Số liệu sai, theo báo cáo y tế là 2 ca")
            #expect(retracted.retractedOn == GreenCleanFixture.today)
            #expect(retracted.retractReason == "Số liệu sai, theo báo cáo y tế là 2 ca")
            try await fixture.expectRefusal(.failedPrecondition, rule: "green_clean.fact_retracted", field: "id") {
                _ = try await retract(first.id, "lần nữa")
            }
            try await fixture.expectRefusal(.notFound, rule: "green_clean.fact_exists", field: "id") {
                _ = try await retract("gf77", "không có")
            }
            let corrected = try await fixture.recordFact(fixture.schoolID, .occupationalDiseaseCases, year: 2024, cases: 2)
            #expect(corrected.cases == 2)
        }
    }

    @Test func listingsShowTheSubtreeAndHideRetractedFactsUnlessAsked() async throws {
        try await GreenCleanFixture.with { fixture in
            let school = try await fixture.recordFact(fixture.schoolID, .fatalWorkAccident, on: "2024-01-02")
            let agency = try await fixture.recordFact(fixture.agencyID, .seriousFireOrExplosion, on: "2023-07-08")
            let outsider = try await fixture.recordFact(fixture.outsiderID, .seriousWorkAccident, on: "2024-03-04")
            let _: GreenCleanSafetyFact = try await fixture.call(GreenCleanMethods.retractSafetyFact, RetractGreenCleanSafetyFactRequest.with {
                $0.id = school.id
                $0.reason = "nhầm"
            })
            func list(_ change: (inout ListGreenCleanSafetyFactsRequest) -> Void, using client: ThiduaClient? = nil) async throws -> [String] {
                let page: ListGreenCleanSafetyFactsResponse = try await fixture.call(
                    GreenCleanMethods.listSafetyFacts, ListGreenCleanSafetyFactsRequest.with(change), using: client
                )
                return page.facts.map(\.id)
            }
            #expect(try await list { _ in } == [agency.id, outsider.id])
            #expect(try await list { $0.includeRetracted = true } == [school.id, agency.id, outsider.id])
            #expect(try await list { $0.year = 2024; $0.includeRetracted = true } == [school.id, outsider.id])
            #expect(try await list { $0.unitID = fixture.districtID } == [agency.id])
            let districtKey = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["green_clean.read"])
            #expect(try await list({ $0.includeRetracted = true }, using: districtKey) == [school.id, agency.id])
            await districtKey.close()
        }
    }
}
