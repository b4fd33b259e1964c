import Foundation
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaTesting
import ThiduaWire

@testable import Innovation

/// Importing a register an upper level's council has already decided.
@Suite struct ImportTests {
    static func row(_ title: String, author: String, firstApplied: String = "2022-02-10", benefit: UInt64 = 30_000_000) -> DecidedInitiative {
        .with {
            $0.title = title
            $0.kind = .operational
            $0.authors = [InitiativeAuthor.with {
                $0.memberID = author
                $0.sharePercent = 100
                $0.category = .directWorker
            }]
            $0.application = .applied
            $0.firstAppliedOn = firstApplied
            $0.benefitVnd = benefit
        }
    }

    static func request(_ fixture: InnovationFixture, _ rows: [DecidedInitiative]) -> ImportDecidedRegisterRequest {
        .with {
            $0.campaignID = fixture.campaignID
            $0.unitID = fixture.schoolID
            $0.decisionNumber = "45/QĐ-LĐLĐ"
            $0.decisionDate = "2022-05-20"
            $0.initiatives = rows
        }
    }

    func importRegister(_ request: ImportDecidedRegisterRequest, _ fixture: InnovationFixture, using client: ThiduaClient? = nil) async throws -> ImportDecidedRegisterResponse {
        try await fixture.call("thidua.innovation.v1.Initiatives/ImportDecidedRegister", request, using: client)
    }

    @Test func aDecidedRegisterArrivesRecognisedAndCountedInsideTheWindow() async throws {
        try await InnovationFixture.with { fixture in
            let rows = [
                Self.row("Sơ đồ tư duy trong ôn tập", author: fixture.teacherID),
                Self.row("Góc đọc sách lớp học", author: fixture.teamMemberID, benefit: 12_500_000),
                Self.row("Phiếu học tập điện tử", author: fixture.secondTeacherID, firstApplied: "2021-05-04"),
            ]
            let response = try await self.importRegister(Self.request(fixture, rows), fixture)
            #expect(response.unitID == fixture.schoolID)
            #expect(response.imported == 3)
            #expect(response.counted == 2)
            #expect(response.benefitVnd == 72_500_000)
            #expect(response.initiativeIds.count == 3)

            let first = try await fixture.get(response.initiativeIds[0])
            #expect(first.state == .recognised)
            #expect(first.decisionNumber == "45/QĐ-LĐLĐ")
            #expect(first.recognisedOn == "2022-05-20")
            #expect(first.registerNumber == 1)
            #expect(first.counted)
            #expect(first.history.map(\.action) == ["imported"])
            #expect(first.history[0].reason.contains("45/QĐ-LĐLĐ"))
            #expect(try await fixture.get(response.initiativeIds[2]).counted == false)
            #expect(try await fixture.progress(of: fixture.districtID).achieved == 2)

            let audits = try await fixture.auditRecords().filter { $0.method.hasSuffix("ImportDecidedRegister") }
            #expect(audits.map(\.targetType) == ["thidua.innovation.v1.ImportDecidedRegisterResponse"])
            #expect(try await fixture.changes().filter { $0.entityType == "thidua.innovation.v1.Initiative" }.count == 3)

            // The register is novel against what is stored: the same import again is refused whole.
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "initiatives[0].title") {
                _ = try await self.importRegister(Self.request(fixture, rows), fixture)
            }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func oneBadRowRefusesTheWholeRegister() async throws {
        try await InnovationFixture.with { fixture in
            let good = Self.row("Sơ đồ tư duy", author: fixture.teacherID)
            var notApplied = Self.row("Chưa áp dụng", author: fixture.teacherID)
            notApplied.application = .notApplied
            notApplied.firstAppliedOn = ""
            var blank = Self.row("", author: fixture.teacherID)
            blank.kind = .unspecified
            let before = try fixture.server.snapshot()

            let invalid = await expectRefusal(.invalidArgument, rule: "field.required", field: "initiatives[1].title") {
                _ = try await self.importRegister(Self.request(fixture, [good, blank]), fixture)
            }
            #expect(invalid?.details.map(\.field) == ["initiatives[1].title", "initiatives[1].kind"])
            await expectRefusal(.failedPrecondition, rule: "innovation.applied", field: "initiatives[1].application") {
                _ = try await self.importRegister(Self.request(fixture, [good, notApplied]), fixture)
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "initiatives[1].title") {
                _ = try await self.importRegister(Self.request(fixture, [good, Self.row("SƠ ĐỒ TƯ DUY.", author: fixture.secondTeacherID)]), fixture)
            }
            // Applied after the council decided: the first-application date is checked against the decision.
            await expectRefusal(.invalidArgument, rule: "innovation.first_applied_future", field: "initiatives[0].first_applied_on") {
                _ = try await self.importRegister(Self.request(fixture, [Self.row("Muộn", author: fixture.teacherID, firstApplied: "2022-05-21")]), fixture)
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.author_in_unit", field: "initiatives[1].authors[0].member_id") {
                _ = try await self.importRegister(Self.request(fixture, [good, Self.row("Khác", author: fixture.otherTeacherID)]), fixture)
            }
            await expectRefusal(.invalidArgument, rule: "innovation.import_rows", field: "initiatives") {
                _ = try await self.importRegister(Self.request(fixture, []), fixture)
            }
            await expectRefusal(.invalidArgument, rule: "innovation.decision_future", field: "decision_date") {
                _ = try await self.importRegister(.with { $0 = Self.request(fixture, [good]); $0.decisionDate = "2022-06-16" }, fixture)
            }
            await expectRefusal(.invalidArgument, rule: "field.required", field: "decision_number") {
                _ = try await self.importRegister(.with { $0 = Self.request(fixture, [good]); $0.decisionNumber = " " }, fixture)
            }
            #expect(try fixture.server.snapshot() == before)
        }
    }

    @Test func onlyAnUpperLevelDecides() async throws {
        try await InnovationFixture.with { fixture in
            let rows = [Self.row("Sơ đồ tư duy", author: fixture.teacherID)]
            let school = try await fixture.connect(scopedTo: fixture.schoolID, permissions: ["innovation.decide"])
            let before = try fixture.server.snapshot()
            await expectRefusal(.failedPrecondition, rule: "innovation.decider_above", field: "decider_unit_id") {
                _ = try await self.importRegister(.with { $0 = Self.request(fixture, rows); $0.deciderUnitID = fixture.schoolID }, fixture)
            }
            await expectRefusal(.failedPrecondition, rule: "innovation.decider_above", field: "decider_unit_id") {
                _ = try await self.importRegister(.with { $0 = Self.request(fixture, rows); $0.deciderUnitID = fixture.otherSchoolID }, fixture)
            }
            // A key of the school itself cannot record its own register as decided.
            await expectRefusal(.permissionDenied, rule: "scope.subtree", field: "decider_unit_id") {
                _ = try await self.importRegister(Self.request(fixture, rows), fixture, using: school)
            }
            await school.close()
            #expect(try fixture.server.snapshot() == before)

            let district = try await fixture.connect(scopedTo: fixture.districtID, permissions: ["innovation.decide"])
            let response = try await self.importRegister(Self.request(fixture, rows), fixture, using: district)
            #expect(response.imported == 1)
            await district.close()
        }
    }
}
