import DossierCore
import Foundation

/// How a date reads on a timeline: at its own precision ("2025-04", not
/// 2025-04-01), with its modifier in words ("early 2010s", "~2010").
enum EventLabel {
    static func text(interval: DateInterval, precision: TimeExpression.Precision, modifier: TimeExpression.Modifier?) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .weekOfYear, .yearForWeekOfYear], from: interval.start)
        let year = c.year!
        var label: String
        switch precision {
        case .second, .minute, .hour, .partOfDay:
            label = String(format: "%04d-%02d-%02d %02d:%02d UTC", year, c.month!, c.day!, c.hour!, c.minute!)
        case .day:
            label = String(format: "%04d-%02d-%02d", year, c.month!, c.day!)
        case .week:
            label = String(format: "%04d-W%02d", c.yearForWeekOfYear!, c.weekOfYear!)
        case .month:
            label = String(format: "%04d-%02d", year, c.month!)
        case .quarter:
            label = "\(year)-Q\((c.month! - 1) / 3 + 1)"
        case .season, .halfYear:
            let end = calendar.date(byAdding: .day, value: -1, to: interval.end) ?? interval.end
            let last = calendar.dateComponents([.year, .month], from: end)
            label = String(format: "%04d-%02d..%04d-%02d", year, c.month!, last.year!, last.month!)
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
