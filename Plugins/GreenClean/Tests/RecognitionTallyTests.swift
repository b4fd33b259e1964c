import Testing

@testable import GreenClean

/// The report's arithmetic, without I/O.
@Suite struct RecognitionTallyTests {
    static func entry(_ unit: String, _ year: Int, _ state: RegistrationLifecycle.State, round: Int = 1, proposed: Bool = false, upward: Bool = false) -> RecognitionTally.Entry {
        RecognitionTally.Entry(
            unitID: unit,
            year: year,
            lifecycle: RegistrationLifecycle(state: state, round: round, wasProposed: proposed, proposedUpward: upward)
        )
    }

    @Test func countsPerYearAndSectorAndDistinctUnits() {
        let sectors = ["u1": 4, "u2": 4, "u3": 2, "u4": 1]
        let entries = [
            Self.entry("u1", 2021, .recognised, proposed: true, upward: true),
            Self.entry("u2", 2021, .notRecognised, proposed: true),
            Self.entry("u3", 2021, .registered, round: 0),
            Self.entry("u3", 2022, .proposed, round: 2, proposed: true),
            Self.entry("u4", 2022, .returned),
            Self.entry("u4", 2023, .appraised),
            Self.entry("u9", 2022, .recognised, proposed: true),
        ]
        let tally = RecognitionTally(entries, years: 2021...2022, sectorOfUnit: sectors)

        #expect(tally.years.map(\.year) == [2021, 2022])
        var expected2021 = RecognitionTally.Figures()
        expected2021.registered = 3
        expected2021.submitted = 2
        expected2021.appraised = 2
        expected2021.proposed = 2
        expected2021.recognised = 1
        expected2021.notRecognised = 1
        expected2021.proposedUpward = 1
        #expect(tally.years[0].total == expected2021)
        #expect(tally.years[0].bySector.keys.sorted() == [2, 4])
        #expect(tally.years[0].bySector[4]?.registered == 2)
        #expect(tally.years[0].bySector[2]?.submitted == 0)

        #expect(tally.years[1].total.registered == 2)
        #expect(tally.years[1].total.proposed == 1)
        #expect(tally.years[1].total.appraised == 1)
        #expect(tally.years[1].total.recognised == 0)
        #expect(tally.years[1].bySector[1]?.submitted == 1)

        // u9 is outside the subtree, 2023 outside the range; u3 registered twice counts once.
        #expect(tally.unitsRegistered == 4)
        #expect(tally.unitsRecognised == 1)
    }

    @Test func everyYearOfTheRangeIsListedEvenWhenEmpty() {
        let tally = RecognitionTally([], years: 2019...2021, sectorOfUnit: [:])
        #expect(tally.years.map(\.year) == [2019, 2020, 2021])
        #expect(tally.years.allSatisfy { $0.total == RecognitionTally.Figures() && $0.bySector.isEmpty })
        #expect(tally.unitsRegistered == 0)
    }
}
