import ThiduaModuleKit

extension CalendarDate {
    /// The same day `months` months later, or the last day of that month when it is shorter
    /// (31 January + 1 month is 28 or 29 February).
    func adding(months: Int) -> CalendarDate {
        let index = self.year * 12 + (self.month - 1) + months
        let year = index / 12
        let month = index % 12 + 1
        var day = self.day
        while true {
            if let date = CalendarDate(String(format: "%04d-%02d-%02d", year, month, day)) { return date }
            day -= 1
        }
    }

    /// 1 January of `year`.
    static func firstDay(of year: Int) -> CalendarDate {
        CalendarDate(String(format: "%04d-01-01", year))!
    }

    /// 31 December of `year`.
    static func lastDay(of year: Int) -> CalendarDate {
        CalendarDate(String(format: "%04d-12-31", year))!
    }
}
