import Foundation

/// A day of the calendar, written "YYYY-MM-DD" on the wire, with the arithmetic the rules need
/// (days, working days, years). Days are counted in Vietnam's time zone.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 7 * 3600)!
        return calendar
    }()

    /// Parses "YYYY-MM-DD", refusing anything else, including days that do not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day),
            let date = Self.calendar.date(from: DateComponents(year: year, month: month, day: day)),
            Self.calendar.component(.day, from: date) == day
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in Vietnam.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    public var description: String {
        String(format: "%04d-%02d-%02d", self.year, self.month, self.day)
    }

    private var date: Date {
        Self.calendar.date(from: DateComponents(year: self.year, month: self.month, day: self.day))!
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(Self.calendar.date(byAdding: .day, value: days, to: self.date)!)
    }

    public func adding(years: Int) -> CalendarDate {
        CalendarDate(Self.calendar.date(byAdding: .year, value: years, to: self.date)!)
    }

    /// Days from `self` to `other`; negative when `other` is earlier.
    public func days(until other: CalendarDate) -> Int {
        Self.calendar.dateComponents([.day], from: self.date, to: other.date).day!
    }

    /// Monday to Friday.
    public var isWorkingDay: Bool {
        let weekday = Self.calendar.component(.weekday, from: self.date)
        return weekday != 1 && weekday != 7
    }

    /// The date `count` working days after this one (Saturdays and Sundays skipped).
    public func adding(workingDays count: Int) -> CalendarDate {
        var date = self
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if date.isWorkingDay { remaining -= 1 }
        }
        return date
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate {
    /// Parses a request field, throwing INVALID_ARGUMENT that names it.
    public static func parse(_ text: String, field: String) throws(RPCError) -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw RPCError(
                .invalidArgument,
                "\(field) must be a date written YYYY-MM-DD; got \"\(text)\"",
                field: field,
                rule: "date.format"
            )
        }
        return date
    }
}
