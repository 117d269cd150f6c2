import DossierCore
import Foundation

/// How a date reads on a timeline: at its own precision ("2025-04", not
/// 2025-04-01), with its modifier in words ("early 2010s", "~2010").
enum EventLabel {
    /// The part of the day whose interval starts at `hour` (CalendarPoint's
    /// morning 6-12, afternoon 12-18, evening 18-22, night 20-6).
    static func partOfDayName(startingAt hour: Int) -> String {
        switch hour {
        case 6..<12: return "morning"
        case 12..<18: return "afternoon"
        case 18..<20: return "evening"
        default: return "night"
        }
    }

    static func text(interval: DateInterval, precision: TimeExpression.Precision, modifier: TimeExpression.Modifier?) -> String {
        let (day, second) = CalendarMath.split(interval.start, utcOffsetSeconds: 0)
        let (year, month, dayOfMonth) = CalendarMath.civil(day)
        var label: String
        switch precision {
        case .second, .minute, .hour:
            label = "\(isoDay(year, month, dayOfMonth)) \(twoDigits(second / 3600)):\(twoDigits(second % 3600 / 60)) UTC"
        case .partOfDay:
            // "Tuesday night" is the writer's night, in a time zone the text
            // seldom gives: its name, not an hour in UTC ("20:00 UTC" was
            // 4 pm on the US East Coast).
            label = "\(isoDay(year, month, dayOfMonth)) \(partOfDayName(startingAt: second / 3600))"
        case .day:
            label = isoDay(year, month, dayOfMonth)
        case .week:
            let week = CalendarMath.isoWeek(ofDay: day)
            label = "\(week.year)-W\(twoDigits(week.week))"
        case .month:
            label = "\(year)-\(twoDigits(month))"
        case .quarter:
            label = "\(year)-Q\((month - 1) / 3 + 1)"
        case .season, .halfYear:
            let last = CalendarMath.civil(CalendarMath.split(interval.end.addingTimeInterval(-1), utcOffsetSeconds: 0).day)
            label = "\(year)-\(twoDigits(month))..\(last.year)-\(twoDigits(last.month))"
        case .year:
            label = String(year)
        case .decade:
            label = "\(year - year % 10)s"
        case .century:
            let century = year / 100 + 1
            label = "\(century)\(ordinalSuffix(century)) century"
        }
        switch modifier {
        case .approx: return "~" + label
        case .start: return "early " + label
        case .mid: return "mid " + label
        case .end: return "late " + label
        case .before, .onOrBefore: return "before " + label
        case .after, .onOrAfter: return "after " + label
        default: return label
        }
    }

    /// A span at its precision: "2025-09..2025-12" for "over the past few
    /// months" ending in December.
    static func span(interval: DateInterval, precision: TimeExpression.Precision) -> String {
        let last = DateInterval(start: interval.end.addingTimeInterval(-1), duration: 0)
        let from = text(interval: interval, precision: precision, modifier: nil)
        let to = text(interval: last, precision: precision, modifier: nil)
        return from == to ? from : from + ".." + to
    }

    static func isoDay(_ year: Int, _ month: Int, _ day: Int) -> String {
        "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : String(number)
    }

    private static func ordinalSuffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}
