import ThiduaModuleKit

extension CalendarDate {
    /// The same day `months` months later, or the last day of that month when it is shorter
    /// (31 January + 1 month is 28 or 29 February).
    func adding(months: Int) -> CalendarDate {
        let index = self.year * 12 + (self.month - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        return CalendarDate(year: year, month: month, day: min(self.day, CalendarDate.days(inMonth: month, of: year)))!
    }

    /// 1 January of `year`.
    static func firstDay(of year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 1, day: 1)!
    }

    /// 31 December of `year`.
    static func lastDay(of year: Int) -> CalendarDate {
        CalendarDate(year: year, month: 12, day: 31)!
    }
}
