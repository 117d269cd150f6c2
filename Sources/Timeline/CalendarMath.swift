import Foundation

/// Proleptic Gregorian arithmetic on plain integers: day numbers, weekdays,
/// ISO weeks, month steps. The tagger resolves thousands of expressions per
/// megabyte, so it does not go through `Calendar` and `DateComponents`.
enum CalendarMath {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of a day number (`civil_from_days`).
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// ISO weekday: 1 Monday ... 7 Sunday.
    static func weekday(ofDay dayNumber: Int) -> Int {
        // 1970-01-01 was a Thursday (4).
        let w = (dayNumber + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year: year, month: month)
    }

    /// The ISO 8601 week-numbering year and week of a day.
    static func isoWeek(ofDay dayNumber: Int) -> (year: Int, week: Int) {
        let thursday = dayNumber - weekday(ofDay: dayNumber) + 4
        let year = civil(thursday).year
        let firstDay = self.dayNumber(year: year, month: 1, day: 1)
        return (year, (thursday - firstDay) / 7 + 1)
    }

    /// The Monday of an ISO week.
    static func mondayOf(isoYear: Int, week: Int) -> Int {
        let january4 = dayNumber(year: isoYear, month: 1, day: 4)
        let mondayOfWeek1 = january4 - weekday(ofDay: january4) + 1
        return mondayOfWeek1 + (week - 1) * 7
    }

    /// (year, month) moved by a number of months.
    static func addMonths(year: Int, month: Int, _ months: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + months
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }

    /// A date moved by months, the day clamped to the target month's length.
    static func addMonths(toDay dayNumber: Int, _ months: Int) -> Int {
        let c = civil(dayNumber)
        let target = addMonths(year: c.year, month: c.month, months)
        let day = min(c.day, daysInMonth(year: target.year, month: target.month))
        return self.dayNumber(year: target.year, month: target.month, day: day)
    }

    /// The UTC instant a day number starts at.
    static func date(ofDay dayNumber: Int, seconds: Int = 0) -> Date {
        Date(timeIntervalSince1970: Double(dayNumber) * 86_400 + Double(seconds))
    }

    /// The day number and the second of the day of an instant, read in a zone.
    static func split(_ date: Date, utcOffsetSeconds: Int) -> (day: Int, second: Int) {
        // Dates reach the engine validated (years 1-9999); a value that was not
        // would trap when converted, so it is held to ±3 million years first.
        let seconds = date.timeIntervalSince1970
        let bounded = seconds.isFinite ? min(max(seconds, -1e14), 1e14) : 0
        let total = Int(floor(bounded)) + max(-86_400, min(86_400, utcOffsetSeconds))
        let day = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        return (day, total - day * 86_400)
    }
}
