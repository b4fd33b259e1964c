import Testing
import ThiduaModuleKit

@testable import GreenClean

/// Which recorded facts disqualify a unit for a year, without I/O.
@Suite struct DisqualifierTests {
    static func incident(_ id: String, _ kind: SafetyFact.Kind, on day: String, unit: String = "u5", retracted: Bool = false) -> SafetyFact {
        let date = CalendarDate(day)!
        return SafetyFact(id: id, unitID: unit, kind: kind, year: date.year, occurredOn: date, cases: 0, isRetracted: retracted)
    }

    static func cases(_ id: String, _ count: Int, in year: Int, unit: String = "u5", retracted: Bool = false) -> SafetyFact {
        SafetyFact(id: id, unitID: unit, kind: .occupationalDiseaseCases, year: year, occurredOn: nil, cases: count, isRetracted: retracted)
    }

    @Test func accidentsFiresAndExplosionsOfTheYearDisqualify() {
        let facts = [
            Self.incident("gf1", .fatalWorkAccident, on: "2021-05-03"),
            Self.incident("gf2", .seriousWorkAccident, on: "2021-08-20"),
            Self.incident("gf3", .seriousFireOrExplosion, on: "2021-11-02"),
            Self.incident("gf4", .fatalWorkAccident, on: "2020-12-31"),
            Self.incident("gf5", .fatalWorkAccident, on: "2021-02-01", retracted: true),
            Self.incident("gf6", .fatalWorkAccident, on: "2021-02-01", unit: "u6"),
        ]
        let found = SafetyFact.disqualifiers(of: "u5", year: 2021, among: facts)
        #expect(found.map(\.factID) == ["gf1", "gf2", "gf3"])
        #expect(found.map(\.description) == [
            "fatal work accident on 2021-05-03 (gf1)",
            "serious work accident on 2021-08-20 (gf2)",
            "serious fire or explosion on 2021-11-02 (gf3)",
        ])
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: facts).isEmpty)
        #expect(SafetyFact.disqualifiers(of: "u6", year: 2021, among: facts).map(\.factID) == ["gf6"])
    }

    @Test(arguments: [
        (previous: 2, current: 3, disqualifies: true),
        (previous: 3, current: 3, disqualifies: false),
        (previous: 3, current: 1, disqualifies: false),
        (previous: 0, current: 1, disqualifies: true),
    ])
    func moreOccupationalDiseaseCasesThanTheYearBeforeDisqualify(_ counts: (previous: Int, current: Int, disqualifies: Bool)) {
        let facts = [Self.cases("gf1", counts.previous, in: 2021), Self.cases("gf2", counts.current, in: 2022)]
        let found = SafetyFact.disqualifiers(of: "u5", year: 2022, among: facts)
        #expect(found.map(\.factID) == (counts.disqualifies ? ["gf2"] : []))
        if counts.disqualifies {
            #expect(found[0].kind == .occupationalDiseaseCases)
            #expect(found[0].description.contains("\(counts.current) in 2022, \(counts.previous) in 2021"))
        }
    }

    @Test func aYearWithoutACountHasNoCases() {
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: [Self.cases("gf1", 2, in: 2022)]).map(\.factID) == ["gf1"])
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: [Self.cases("gf1", 0, in: 2022)]).isEmpty)
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: [Self.cases("gf1", 4, in: 2021)]).isEmpty)
    }

    @Test func aRetractedCountCountsForNothing() {
        let facts = [
            Self.cases("gf1", 5, in: 2021, retracted: true),
            Self.cases("gf2", 3, in: 2022),
        ]
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: facts).map(\.factID) == ["gf2"])
        let retractedCurrent = [Self.cases("gf1", 1, in: 2021), Self.cases("gf2", 3, in: 2022, retracted: true)]
        #expect(SafetyFact.disqualifiers(of: "u5", year: 2022, among: retractedCurrent).isEmpty)
    }
}
