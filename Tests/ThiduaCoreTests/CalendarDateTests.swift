import Testing
import ThiduaModuleKit

/// Dates as requests write them, and the arithmetic the rules do on them.
@Suite struct CalendarDateTests {
    @Test("real days parse and print back", arguments: ["2024-02-29", "1900-01-01", "2999-12-31", "2026-11-23"])
    func realDaysRoundTrip(text: String) throws {
        #expect(try #require(CalendarDate(text)).description == text)
    }

    @Test(
        "anything else is refused",
        arguments: ["2023-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "1899-12-31", "3000-01-01", "2024-1-01", "24-01-01", "2024/01/01", ""]
    )
    func malformedOrMissingDaysAreRefused(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func centuriesFollowTheGregorianLeapRule() {
        #expect(CalendarDate.days(inMonth: 2, of: 2000) == 29)
        #expect(CalendarDate.days(inMonth: 2, of: 2100) == 28)
        #expect(CalendarDate.days(inMonth: 2, of: 2024) == 29)
        #expect(CalendarDate.days(inMonth: 2, of: 2025) == 28)
        #expect(CalendarDate.days(inMonth: 4, of: 2025) == 30)
    }

    @Test func datesBuiltByArithmeticMayLeaveTheRangeRequestsAreHeldTo() throws {
        // An agreement signed late in 2999 ends in 3002: computed, never parsed from a request.
        let later = try #require(CalendarDate(year: 3002, month: 5, day: 31))
        #expect(later.description == "3002-05-31")
        #expect(try #require(CalendarDate(year: 987, month: 3, day: 5)).description == "0987-03-05")
        #expect(CalendarDate(year: 10_000, month: 1, day: 1) == nil)
        #expect(try #require(CalendarDate("2999-06-01")).adding(years: 3) == later.adding(days: 1))
    }
}
