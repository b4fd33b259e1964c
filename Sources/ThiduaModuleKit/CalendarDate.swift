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
            (1900...2999).contains(year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The day `year`-`month`-`day`, or nil when there is no such day. Years have four digits;
    /// dates parsed from requests are further held to 1900 to 2999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The number of days in `month` of `year`, in the Gregorian calendar.
    public static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The day `date` falls on in Vietnam.
    public init(_ date: Date) {
        let parts = Self.calendar.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year!
        self.month = parts.month!
        self.day = parts.day!
    }

    public var description: String {
        // Written out by hand: this runs for every date bound to a statement, and String(format:) is slow.
        Self.zeroPadded(self.year, width: 4) + "-" + Self.zeroPadded(self.month, width: 2) + "-"
            + Self.zeroPadded(self.day, width: 2)
    }

    private static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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

/// Stored as its ISO 8601 text, "yyyy-mm-dd", which sorts as the dates do.
extension CalendarDate: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self.description) }
    public init?(sqlValue: SQLValue) {
        guard case .text(let text) = sqlValue else { return nil }
        self.init(text)
    }
}
