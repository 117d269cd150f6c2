import DossierCore
import Foundation

/// A date or time at some granularity, as a normalised temporal expression
/// points to it: the 1990s, 1998-Q3, the summer of 1998, 2025-04,
/// 1998-W02, 2025-12-28, Friday morning, 02:22:58 +05:30.
///
/// Everything is kept as calendar integers; `value` writes the TIMEX3 string
/// and `interval` the span in UTC.
struct CalendarPoint: Hashable, Sendable {
    enum Granularity: Int, Comparable, Sendable {
        case second, minute, hour, partOfDay, day, weekend, week, month, season, quarter, half, year, decade, century
        static func < (lhs: Granularity, rhs: Granularity) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The full year (for a decade its first year, 1990; for a century 1900).
    /// Nil when unknown ("XXXX-WXX-2", a weekday in a set).
    var year: Int?
    var granularity: Granularity
    var month = 1
    var day = 1
    /// ISO week (with `year` as the ISO week-numbering year).
    var week = 1
    var quarter = 1
    var half = 1
    /// Index into `SeasonAndDayPartNames.seasonCodes`.
    var season = 0
    var partOfDay = "MO"
    var hour = 0
    var minute = 0
    var second = 0
    var utcOffsetSeconds: Int?

    init(year: Int?, granularity: Granularity) {
        self.year = year
        self.granularity = granularity
    }

    static func day(_ dayNumber: Int) -> CalendarPoint {
        let c = CalendarMath.civil(dayNumber)
        var point = CalendarPoint(year: c.year, granularity: .day)
        point.month = c.month
        point.day = c.day
        return point
    }

    static func month(_ year: Int, _ month: Int) -> CalendarPoint {
        var point = CalendarPoint(year: year, granularity: .month)
        point.month = month
        return point
    }

    static func week(ofDay dayNumber: Int) -> CalendarPoint {
        let iso = CalendarMath.isoWeek(ofDay: dayNumber)
        var point = CalendarPoint(year: iso.year, granularity: .week)
        point.week = iso.week
        return point
    }

    static func quarter(_ year: Int, _ quarter: Int) -> CalendarPoint {
        var point = CalendarPoint(year: year, granularity: .quarter)
        point.quarter = quarter
        return point
    }

    /// The day number of a day-or-finer point.
    var dayNumber: Int? {
        guard let year, granularity <= .day else { return nil }
        return CalendarMath.dayNumber(year: year, month: month, day: day)
    }

    /// The TIMEX3 value string.
    var value: String {
        let yearText: String
        if let year {
            switch granularity {
            case .century: return padded(year / 100, 2)
            case .decade: return padded(year / 10, 3)
            default: yearText = padded(year, 4)
            }
        } else {
            switch granularity {
            case .century: return "XX"
            case .decade: return "XXX"
            default: yearText = "XXXX"
            }
        }
        switch granularity {
        case .century, .decade, .year: return yearText
        case .half: return yearText + "-H\(half)"
        case .quarter: return yearText + "-Q\(quarter)"
        case .season: return yearText + "-" + SeasonAndDayPartNames.seasonCodes[season]
        case .month: return yearText + "-" + twoDigits(month)
        case .week: return yearText + "-W" + twoDigits(week)
        case .weekend: return yearText + "-W" + twoDigits(week) + "-WE"
        case .day: return yearText + "-" + twoDigits(month) + "-" + twoDigits(day)
        case .partOfDay: return yearText + "-" + twoDigits(month) + "-" + twoDigits(day) + "T" + partOfDay
        case .hour, .minute:
            return yearText + "-" + twoDigits(month) + "-" + twoDigits(day) + "T" + twoDigits(hour) + ":" + twoDigits(minute) + zoneText
        case .second:
            return yearText + "-" + twoDigits(month) + "-" + twoDigits(day) + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second) + zoneText
        }
    }

    private var zoneText: String {
        guard let utcOffsetSeconds else { return "" }
        if utcOffsetSeconds == 0 { return "Z" }
        let minutes = abs(utcOffsetSeconds) / 60
        return (utcOffsetSeconds < 0 ? "-" : "+") + twoDigits(minutes / 60) + ":" + twoDigits(minutes % 60)
    }

    private func twoDigits(_ n: Int) -> String {
        n >= 0 && n < 10 ? "0" + String(n) : String(n)
    }

    /// `n` with leading zeros to `width` digits (no `String(format:)`: it
    /// goes through Foundation's formatter and was a quarter of the tagger's time).
    private func padded(_ n: Int, _ width: Int) -> String {
        let digits = String(abs(n))
        let zeros = digits.count < width ? String(repeating: "0", count: width - digits.count) : ""
        return (n < 0 ? "-" : "") + zeros + digits
    }

    var precision: TimeExpression.Precision {
        switch granularity {
        case .second: return .second
        case .minute: return .minute
        case .hour: return .hour
        case .partOfDay: return .partOfDay
        case .day: return .day
        case .weekend, .week: return .week
        case .month: return .month
        case .season: return .season
        case .quarter: return .quarter
        case .half: return .halfYear
        case .year: return .year
        case .decade: return .decade
        case .century: return .century
        }
    }

    /// The first and the last-plus-one day of the point, as day numbers.
    var dayRange: (Int, Int)? {
        guard let year else { return nil }
        func d(_ y: Int, _ m: Int, _ dd: Int) -> Int { CalendarMath.dayNumber(year: y, month: m, day: dd) }
        switch granularity {
        case .century: return (d(year, 1, 1), d(year + 100, 1, 1))
        case .decade: return (d(year, 1, 1), d(year + 10, 1, 1))
        case .year: return (d(year, 1, 1), d(year + 1, 1, 1))
        case .half: return (d(year, half * 6 - 5, 1), half == 2 ? d(year + 1, 1, 1) : d(year, 7, 1))
        case .quarter:
            let first = quarter * 3 - 2
            return (d(year, first, 1), quarter == 4 ? d(year + 1, 1, 1) : d(year, first + 3, 1))
        case .season:
            // Meteorological seasons: spring March-May, summer June-August,
            // fall September-November, winter December to February (the
            // winter of 2025 starts in December 2025).
            let first = 3 + season * 3
            let start = d(year, first, 1)
            let next = CalendarMath.addMonths(year: year, month: first, 3)
            return (start, d(next.year, next.month, 1))
        case .month:
            let next = CalendarMath.addMonths(year: year, month: month, 1)
            return (d(year, month, 1), d(next.year, next.month, 1))
        case .week:
            let monday = CalendarMath.mondayOf(isoYear: year, week: week)
            return (monday, monday + 7)
        case .weekend:
            let monday = CalendarMath.mondayOf(isoYear: year, week: week)
            return (monday + 5, monday + 7)
        case .day, .partOfDay, .hour, .minute, .second:
            let day = d(year, month, day)
            return (day, day + 1)
        }
    }

    /// The span in UTC, [start, end).
    var interval: DateInterval? {
        guard let (first, last) = dayRange else { return nil }
        let offset = utcOffsetSeconds ?? 0
        switch granularity {
        case .partOfDay:
            let (from, to): (Int, Int)
            switch partOfDay {
            case "MO": (from, to) = (6, 12)
            case "AF": (from, to) = (12, 18)
            case "EV": (from, to) = (18, 22)
            case "NI": (from, to) = (20, 30)
            default: (from, to) = (0, 24)
            }
            return DateInterval(start: CalendarMath.date(ofDay: first, seconds: from * 3600),
                                end: CalendarMath.date(ofDay: first, seconds: to * 3600))
        case .hour, .minute, .second:
            let seconds = hour * 3600 + minute * 60 + second - offset
            let length = granularity == .hour ? 3600 : granularity == .minute ? 60 : 1
            return DateInterval(start: CalendarMath.date(ofDay: first, seconds: seconds),
                                end: CalendarMath.date(ofDay: first, seconds: seconds + length))
        default:
            return DateInterval(start: CalendarMath.date(ofDay: first), end: CalendarMath.date(ofDay: last))
        }
    }
}
