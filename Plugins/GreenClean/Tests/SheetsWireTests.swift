import GreenClean
import Testing
import ThiduaClient
import ThiduaCoreAPI
import ThiduaWire

/// The versioned criteria sheets, over the wire.
@Suite struct SheetsWireTests {
    static func newSheet(effectiveFrom: String = "2025-01-01") -> DefineGreenCleanSheetRequest {
        DefineGreenCleanSheetRequest.with {
            $0.title = "Thang điểm 2025"
            $0.regulation = "Hướng dẫn 2025 của LĐLĐ tỉnh"
            $0.effectiveFrom = effectiveFrom
            $0.passingScore = 80
            $0.criteria = [
                .with { $0.code = "XANH"; $0.name = "Xanh"; $0.maxPoints = 30 },
                .with { $0.code = "SACH"; $0.name = "Sạch"; $0.maxPoints = 30 },
                .with { $0.code = "ATVSLD"; $0.name = "An toàn, vệ sinh lao động"; $0.maxPoints = 40 },
            ]
            $0.reason = "Quy định mới"
        }
    }

    @Test func theModuleShipsTheOlderSheetPassingAt96Of100() async throws {
        try await Organisation.with { f, _ in
            let sheet = try await f.call(Methods.GreenClean.Sheets.getSheet, GetGreenCleanSheetRequest())
            #expect(sheet.version == 1)
            #expect(sheet.passingScore == 96)
            #expect(sheet.maxScore == 100)
            #expect(sheet.criteria.map(\.code) == DefaultSheet.maxima.map(\.0))
            #expect(sheet.criteria.map(\.maxPoints) == DefaultSheet.maxima.map(\.1))
            #expect(sheet.effectiveFrom == "2000-01-01")
        }
    }

    @Test func aNewVersionAppliesToCampaignsOfItsYearsOnly() async throws {
        try await Organisation.with { f, org in
            let defined = try await f.call(Methods.GreenClean.Sheets.defineSheet, Self.newSheet())
            #expect(defined.version == 2)
            #expect(defined.maxScore == 100)
            let listed = try await f.call(Methods.GreenClean.Sheets.listSheets, ListGreenCleanSheetsRequest())
            #expect(listed.sheets.map(\.version) == [2, 1])

            let thisYear = try await f.register(org.school, in: org.campaign)
            #expect(thisYear.sheetVersion == 1)
            let nextYearCampaign = try await f.campaign(module: GreenCleanModule.moduleID, launchedBy: org.district, year: 2025)
            let nextYear = try await f.register(org.school, in: nextYearCampaign)
            #expect(nextYear.sheetVersion == 2)
            #expect(nextYear.passingScore == 80)

            let assessed = try await f.selfAssess(nextYear.id, [
                .with { $0.criterionCode = "XANH"; $0.points = 30; $0.evidence = ["ảnh"] },
                .with { $0.criterionCode = "SACH"; $0.points = 20; $0.evidence = ["ảnh"] },
                .with { $0.criterionCode = "ATVSLD"; $0.points = 35; $0.evidence = ["sổ"] },
            ])
            #expect(assessed.claimedTotal == 85)
            try await f.expectRefusal(.invalidArgument, rule: "criteria.unknown") {
                try await f.selfAssess(thisYear.id, assessed.results.map { result in
                    GreenCleanScore.with { $0.criterionCode = result.criterionCode; $0.points = result.claimedPoints; $0.evidence = ["x"] }
                })
            }
            try await f.expectRefusal(.notFound, rule: "green_clean.sheet_exists", field: "version") {
                _ = try await f.call(Methods.GreenClean.Sheets.getSheet, GetGreenCleanSheetRequest.with { $0.version = 9 })
            }
        }
    }

    @Test func onlyARootKeyDefinesAVersionAndNeverBackdatesOne() async throws {
        try await Organisation.with { f, org in
            let provinceKey = try await f.client(scopedTo: org.province, permissions: ["green_clean.manage"])
            try await f.expectRefusal(.permissionDenied, rule: "scope.root") {
                _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, Self.newSheet(), as: provinceKey)
            }
            let reader = try await f.client(scopedTo: f.rootUnitID, permissions: ["green_clean.read"])
            try await f.expectRefusal(.permissionDenied, rule: "auth.permission") {
                _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, Self.newSheet(), as: reader)
            }
            _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, Self.newSheet())
            try await f.expectRefusal(.failedPrecondition, rule: "green_clean.sheet_order", field: "effective_from") {
                _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, Self.newSheet(effectiveFrom: "2024-12-31"))
            }
            var unfit = Self.newSheet()
            unfit.passingScore = 101
            try await f.expectRefusal(.invalidArgument, rule: "green_clean.passing_score", field: "passing_score") {
                _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, unfit)
            }
            var duplicate = Self.newSheet()
            duplicate.criteria[2].code = "XANH"
            try await f.expectRefusal(.invalidArgument, rule: "field.duplicate", field: "criteria[2].code") {
                _ = try await f.call(Methods.GreenClean.Sheets.defineSheet, duplicate)
            }
        }
    }
}
