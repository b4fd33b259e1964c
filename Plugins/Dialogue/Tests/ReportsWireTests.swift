import Testing
import ThiduaClient
import ThiduaTesting
import ThiduaWire

@testable import Dialogue

/// Coverage and expiring agreements, through the wire.
@Suite struct ReportsWireTests {
    func coverage(_ f: ModuleFixture, of unitID: String = "", asOf: String = "", as client: ThiduaClient? = nil) async throws -> BargainingCoverage {
        try await f.call(Methods.Dialogue.BargainingReports.getBargainingCoverage, .with {
            $0.unitID = unitID
            $0.asOf = asOf
        }, as: client)
    }

    @Test func coverageOfASubtree() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.garmentID, 240, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(org.electronicsID, 180, asOf: "2024-01-01")
            // The garment company: an agreement from 15 April 2024 for two years, and its dialogue.
            _ = try await f.agreementInForce(org.garmentID, requestedOn: "2024-04-01", signedOn: "2024-04-15", termYears: 2)
            let dialogue = try await f.planPeriodic(org.garmentID)
            _ = try await f.hold(dialogue.id)
            // The electronics company: an agreement expiring 14 April 2025, not continued.
            _ = try await f.agreementInForce(org.electronicsID, requestedOn: "2024-04-01", signedOn: "2024-04-15", termYears: 1, inFavour: 120)

            let report = try await self.coverage(f, of: org.districtID)
            #expect(report.unitName == "LĐLĐ quận Thanh Xuân")
            #expect(report.asOf == DialogueFixture.today)
            #expect(report.year == 2025)
            #expect(report.total.unionisedEnterprises == 2)
            #expect(report.total.withAgreementInForce == 1)
            #expect(report.total.agreementSharePermille == 500)
            #expect(report.total.withPeriodicDialogue == 1)
            #expect(report.total.periodicDialogueSharePermille == 500)
            #expect(report.total.employees == 430)
            #expect(report.total.employeesCoveredByAgreement == 250)
            #expect(report.bySector.map(\.sector) == [3, 6])
            #expect(report.bySector.map(\.figures.withAgreementInForce) == [1, 0])
            #expect(report.grades.map(\.grade) == [.gradeB])
            #expect(report.agreementsExpiring == 0)

            // On 1 March 2025 both agreements applied, the second in its renewal window; no
            // dialogue had been held yet that year.
            let earlier = try await self.coverage(f, of: org.districtID, asOf: "2025-03-01")
            #expect(earlier.total.withAgreementInForce == 2)
            #expect(earlier.total.withPeriodicDialogue == 0)
            #expect(earlier.agreementsExpiring == 1)
            let expiring = try await f.call(Methods.Dialogue.BargainingReports.listExpiringAgreements, .with {
                $0.asOf = "2025-03-01"
            })
            #expect(expiring.agreements.map(\.endsOn) == ["2025-04-14"])
            #expect(expiring.agreements.first?.daysLeft == 44)
            #expect(expiring.agreements.first?.unitName == "CĐCS Công ty TNHH Điện tử Hạ Đình")
            #expect(expiring.agreements.first?.agreement.state == .renewalWindow)
        }
    }

    @Test func reportsStayInsideTheKeysSubtree() async throws {
        try await DialogueFixture.with { f, org in
            let district = try await f.client(scopedTo: org.districtID, permissions: [DialoguePermissions.read])
            let mine = try await self.coverage(f, as: district)
            #expect(mine.unitID == org.districtID)
            #expect(mine.total.unionisedEnterprises == 2)
            let everything = try await self.coverage(f)
            #expect(everything.total.unionisedEnterprises == 3)
            try await f.expectRefusal(.permissionDenied, rule: "scope.subtree") {
                _ = try await self.coverage(f, of: f.rootUnitID, as: district)
            }
            try await f.expectRefusal(.invalidArgument, rule: "date.format") {
                _ = try await self.coverage(f, asOf: "30/06/2025")
            }
        }
    }

    @Test func expiringAgreementsArePagedSoonestFirst() async throws {
        try await DialogueFixture.with { f, org in
            _ = try await f.recordHeadcount(org.garmentID, 240, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(org.electronicsID, 180, asOf: "2024-01-01")
            _ = try await f.recordHeadcount(org.elsewhereID, 900, asOf: "2024-01-01")
            _ = try await f.agreementInForce(org.garmentID, requestedOn: "2024-08-05", signedOn: "2024-08-20", termYears: 1)
            _ = try await f.agreementInForce(org.electronicsID, requestedOn: "2024-07-01", signedOn: "2024-07-15", termYears: 1, inFavour: 120)
            _ = try await f.agreementInForce(org.elsewhereID, requestedOn: "2024-07-01", signedOn: "2024-07-22", termYears: 1, inFavour: 600)
            var ends: [String] = []
            var token = ""
            repeat {
                let page = try await f.call(Methods.Dialogue.BargainingReports.listExpiringAgreements, .with {
                    $0.pageSize = 2
                    $0.pageToken = token
                })
                ends += page.agreements.map(\.endsOn)
                token = page.nextPageToken
            } while !token.isEmpty
            #expect(ends == ["2025-07-14", "2025-07-21", "2025-08-19"])
        }
    }
}
