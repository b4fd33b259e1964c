import Foundation
import Testing
import ThiduaClient
import ThiduaCore
import ThiduaCoreAPI
import ThiduaWire

@Suite struct ImportTests {
    private func importUnits(_ csv: String, using fixture: CoreFixture) async throws -> [ImportProgress] {
        var steps: [ImportProgress] = []
        for try await step in try fixture.admin.serverStreaming(
            Methods.Core.Import.importUnits, ImportCsvRequest.with { $0.csv = Data(csv.utf8) }
        ) {
            steps.append(step)
        }
        return steps
    }

    @Test func aFileWithBadRowsImportsNothingAndNamesEachProblem() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            try await fixture.createUnit("LĐLĐ huyện", under: root, kind: .districtFederation, code: "D1")
            let before = try fixture.count("core_unit")
            let csv = """
                code,parent_code,name,kind,sector,valid_from
                A,D1,Trường A,GRASSROOTS_UNION,SCHOOL,2020-01-01
                B,D1,,GRASSROOTS_UNION,SCHOOL,2020-01-01
                C,D1,Trường C,GRASSROOTS_UNION,PLANET,2020-02-30
                A,NOPE,"Trường ""A"" lần hai",GRASSROOTS_UNION,,
                """
            let error = await expectRefusal(.invalidArgument) {
                _ = try await self.importUnits(csv, using: fixture)
            }
            let problems = error?.details.map { "\($0.field): \($0.rule)" } ?? []
            #expect(problems == [
                "line 3, column name: field.required",
                "line 4, column sector: field.enum",
                "line 4, column valid_from: date.format",
                "line 5, column code: unit.code_unique",
            ])
            #expect(error?.message == "the file has 4 problems; nothing was imported")
            #expect(try fixture.count("core_unit") == before)

            // The database checks come second, all or nothing too.
            let unknownParent = "code,parent_code,name,kind\nE,D1,Trường E,GRASSROOTS_UNION\nF,NOPE,Trường F,GRASSROOTS_UNION\n"
            let second = await expectRefusal(.invalidArgument) { _ = try await self.importUnits(unknownParent, using: fixture) }
            #expect(second?.details.map(\.field) == ["line 3, column parent_code"])
            #expect(try fixture.count("core_unit") == before)
        }
    }

    @Test func aGoodFileImportsEveryRowWithOneAuditRecord() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            try await fixture.createUnit("LĐLĐ huyện", under: root, kind: .districtFederation, code: "D1")
            let audits = try fixture.count("core_audit")
            var csv = "code,parent_code,name,kind,sector\nX,D1,\"Công đoàn xã, thị trấn\",COMMUNE_UNION,\n"
            for index in 0..<2500 { csv += "S\(index),X,Trường \(index),grassroots_union,school\n" }
            let steps = try await self.importUnits(csv, using: fixture)
            #expect(steps.map(\.rowsChecked) == [1000, 2000, 2501])
            #expect(steps.last?.done == true)
            #expect(steps.last?.rowsImported == 2501)
            #expect(try fixture.count("core_audit") == audits + 1)
            let commune = try #require(try fixture.database { try String.fetchOne($0, sql: "SELECT name FROM core_unit WHERE code = 'X'") })
            #expect(commune == "Công đoàn xã, thị trấn")
        }
    }

    @Test func membersNeedAKnownUnitAndAKnownGender() async throws {
        try await CoreFixture.with { fixture in
            let root = try await fixture.rootID
            try await fixture.createUnit("Trường", under: root, sector: .school, code: "T1")
            let csv = "unit_code,full_name,gender,role,union_member,joined_on\nT1,Lê Thị Hoa,nữ,teacher,true,2015-09-01\nT2,Trần Văn Nam,nam,,true,\nT1,Ngô Thị Lan,other,,false,2019-01-01\n"
            let error = await expectRefusal(.invalidArgument) {
                for try await _ in try fixture.admin.serverStreaming(
                    Methods.Core.Import.importMembers, ImportCsvRequest.with { $0.csv = Data(csv.utf8) }
                ) {}
            }
            #expect(error?.details.map(\.field) == ["line 4, column gender", "line 4, column joined_on"])
            #expect(try fixture.count("core_member") == 0)
        }
    }
}
