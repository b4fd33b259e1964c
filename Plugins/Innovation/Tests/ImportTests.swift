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

    static func request(_ org: InnovationFixture, _ rows: [DecidedInitiative]) -> ImportDecidedRegisterRequest {
        .with {
            $0.campaignID = org.campaignID
            $0.unitID = org.schoolID
            $0.decisionNumber = "45/QĐ-LĐLĐ"
            $0.decisionDate = "2022-05-20"
            $0.initiatives = rows
        }
    }

    func importRegister(_ request: ImportDecidedRegisterRequest, _ f: ModuleFixture, as client: ThiduaClient? = nil) async throws -> ImportDecidedRegisterResponse {
        try await f.call(Methods.Innovation.Initiatives.importDecidedRegister, request, as: client)
    }

    @Test func aDecidedRegisterArrivesRecognisedAndCountedInsideTheWindow() async throws {
        try await InnovationFixture.with { f, org in
            let rows = [
                Self.row("Sơ đồ tư duy trong ôn tập", author: org.teacherID),
                Self.row("Góc đọc sách lớp học", author: org.teamMemberID, benefit: 12_500_000),
                Self.row("Phiếu học tập điện tử", author: org.secondTeacherID, firstApplied: "2021-05-04"),
            ]
            let response = try await self.importRegister(Self.request(org, rows), f)
            #expect(response.unitID == org.schoolID)
            #expect(response.imported == 3)
            #expect(response.counted == 2)
            #expect(response.benefitVnd == 72_500_000)
            #expect(response.initiativeIds.count == 3)

            let first = try await f.initiative(response.initiativeIds[0])
            #expect(first.state == .recognised)
            #expect(first.decisionNumber == "45/QĐ-LĐLĐ")
            #expect(first.recognisedOn == "2022-05-20")
            #expect(first.registerNumber == 1)
            #expect(first.counted)
            #expect(first.history.map(\.action) == ["imported"])
            #expect(first.history[0].reason.contains("45/QĐ-LĐLĐ"))
            #expect(try await f.initiative(response.initiativeIds[2]).counted == false)
            #expect(try await f.progress(of: org.districtID, in: org.campaignID).achieved == 2)

            let audits = try await f.auditRecords().filter { $0.method.hasSuffix("ImportDecidedRegister") }
            #expect(audits.map(\.targetType) == ["thidua.innovation.v1.ImportDecidedRegisterResponse"])
            #expect(try await f.changes().filter { $0.entityType == "thidua.innovation.v1.Initiative" }.count == 3)

            // The register is novel against what is stored: the same import again is refused whole.
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "initiatives[0].title") {
                _ = try await self.importRegister(Self.request(org, rows), f)
            }
        }
    }

    @Test func oneBadRowRefusesTheWholeRegister() async throws {
        try await InnovationFixture.with { f, org in
            let good = Self.row("Sơ đồ tư duy", author: org.teacherID)
            var notApplied = Self.row("Chưa áp dụng", author: org.teacherID)
            notApplied.application = .notApplied
            notApplied.firstAppliedOn = ""
            var blank = Self.row("", author: org.teacherID)
            blank.kind = .unspecified

            var invalid: RPCError?
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "initiatives[1].title") {
                do { _ = try await self.importRegister(Self.request(org, [good, blank]), f) } catch { invalid = error as? RPCError; throw error }
            }
            #expect(invalid?.details.map(\.field) == ["initiatives[1].title", "initiatives[1].kind"])
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.applied", field: "initiatives[1].application") {
                _ = try await self.importRegister(Self.request(org, [good, notApplied]), f)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.novel_in_unit", field: "initiatives[1].title") {
                _ = try await self.importRegister(Self.request(org, [good, Self.row("SƠ ĐỒ TƯ DUY.", author: org.secondTeacherID)]), f)
            }
            // Applied after the council decided: the first-application date is checked against the decision.
            try await f.expectRefusal(.invalidArgument, rule: "innovation.first_applied_future", field: "initiatives[0].first_applied_on") {
                _ = try await self.importRegister(Self.request(org, [Self.row("Muộn", author: org.teacherID, firstApplied: "2022-05-21")]), f)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.author_in_unit", field: "initiatives[1].authors[0].member_id") {
                _ = try await self.importRegister(Self.request(org, [good, Self.row("Khác", author: org.otherTeacherID)]), f)
            }
            try await f.expectRefusal(.invalidArgument, rule: "innovation.import_rows", field: "initiatives") {
                _ = try await self.importRegister(Self.request(org, []), f)
            }
            try await f.expectRefusal(.invalidArgument, rule: "innovation.decision_future", field: "decision_date") {
                _ = try await self.importRegister(.with { $0 = Self.request(org, [good]); $0.decisionDate = "2022-06-16" }, f)
            }
            try await f.expectRefusal(.invalidArgument, rule: "field.required", field: "decision_number") {
                _ = try await self.importRegister(.with { $0 = Self.request(org, [good]); $0.decisionNumber = " " }, f)
            }
        }
    }

    @Test func onlyAnUpperLevelDecides() async throws {
        try await InnovationFixture.with { f, org in
            let rows = [Self.row("Sơ đồ tư duy", author: org.teacherID)]
            let school = try await f.client(scopedTo: org.schoolID, permissions: ["innovation.decide"])
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.decider_above", field: "decider_unit_id") {
                _ = try await self.importRegister(.with { $0 = Self.request(org, rows); $0.deciderUnitID = org.schoolID }, f)
            }
            try await f.expectRefusal(.failedPrecondition, rule: "innovation.decider_above", field: "decider_unit_id") {
                _ = try await self.importRegister(.with { $0 = Self.request(org, rows); $0.deciderUnitID = org.otherSchoolID }, f)
            }
            // A key of the school itself cannot record its own register as decided.
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree", field: "decider_unit_id") {
                _ = try await self.importRegister(Self.request(org, rows), f, as: school)
            }

            let district = try await f.client(scopedTo: org.districtID, permissions: ["innovation.decide"])
            let response = try await self.importRegister(Self.request(org, rows), f, as: district)
            #expect(response.imported == 1)
        }
    }
}
