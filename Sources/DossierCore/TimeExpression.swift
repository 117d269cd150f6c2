import Foundation

/// A temporal expression found in a text, normalised as TimeML's TIMEX3 does.
///
/// The `value` is the TIMEX3 value an annotator would write ("2025-04",
/// "2025-12-28T02:22:58+05:30", "P15Y", "201", "PAST_REF", "XXXX-WXX-2"), so
/// results compare directly with TimeBank-style gold data and with HeidelTime
/// or SUTime output. Everything an analyst computes with is also given as
/// plain values: the calendar span (`interval`), how fine the expression is
/// (`precision`) and, for lengths of time, the amount and unit (`duration`).
///
/// Offsets are 1-based, inclusive byte positions into the UTF-8 text, as for
/// `Mention`, so `string.sub(text, start, stop)` in Lua gives back `text`.
public struct TimeExpression: Hashable, Sendable, Codable {
    /// TIMEX3's four types.
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// A calendar date or period: "April 2025", "the early 2010s", "yesterday", "now".
        case date = "DATE"
        /// A time of day, with or without its date: "3 p.m.", "Friday morning".
        case time = "TIME"
        /// A length of time: "15 years", "the past few months", "decades".
        case duration = "DURATION"
        /// A recurrence: "every year", "weekly", "each Monday".
        case set = "SET"
    }

    /// TIMEX3's `mod` attribute: what the words around the core say about it.
    public enum Modifier: String, Hashable, Sendable, Codable, CaseIterable {
        case approx = "APPROX"
        case start = "START"
        case mid = "MID"
        case end = "END"
        case before = "BEFORE"
        case after = "AFTER"
        case onOrBefore = "ON_OR_BEFORE"
        case onOrAfter = "ON_OR_AFTER"
        case lessThan = "LESS_THAN"
        case moreThan = "MORE_THAN"
        case equalOrLess = "EQUAL_OR_LESS"
        case equalOrMore = "EQUAL_OR_MORE"
    }

    /// How fine the expression is, from a second to a century. A month-precise
    /// date ("April 2025") is never shown or compared as its first day.
    public enum Precision: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        case second, minute, hour, partOfDay, day, week, month, quarter, season, halfYear, year, decade, century

        public static func < (lhs: Precision, rhs: Precision) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// The calendar units a duration is counted in.
    public enum Unit: String, Hashable, Sendable, Codable, CaseIterable {
        case second, minute, hour, day, week, month, quarter, year, decade, century, millennium

        /// The unit's letter in an ISO 8601 / TIMEX3 duration ("Y" in "P15Y").
        /// Quarters, decades, centuries and millennia use TIMEX3's extensions
        /// Q, DE (written "E" by some annotators), CE and L.
        public var timexLetter: String {
            switch self {
            case .second: return "S"
            case .minute: return "M"
            case .hour: return "H"
            case .day: return "D"
            case .week: return "W"
            case .month: return "M"
            case .quarter: return "Q"
            case .year: return "Y"
            case .decade: return "DE"
            case .century: return "CE"
            case .millennium: return "L"
            }
        }

        /// True for the units written after ISO 8601's "T" (PT3H, PT20M).
        public var isTimeOfDayUnit: Bool { self == .second || self == .minute || self == .hour }
    }

    /// A length of time: "nearly 15 years" is 15 years, approximate; "decades"
    /// is an unspecified number of decades.
    public struct Duration: Hashable, Sendable, Codable {
        /// How many units; nil when the text does not say ("decades", "several days").
        public var amount: Double?
        public var unit: Unit
        /// True when the text hedges the amount ("nearly", "about", "a few", "decades").
        public var isApproximate: Bool

        public init(amount: Double?, unit: Unit, isApproximate: Bool = false) {
            self.amount = amount
            self.unit = unit
            self.isApproximate = isApproximate
        }

        /// The length in seconds at average calendar lengths (a month is
        /// 30.436875 days, a year 365.2425 days); nil when the amount is unknown.
        public var approximateSeconds: Double? {
            guard let amount else { return nil }
            let day = 86_400.0
            let seconds: Double
            switch unit {
            case .second: seconds = 1
            case .minute: seconds = 60
            case .hour: seconds = 3_600
            case .day: seconds = day
            case .week: seconds = 7 * day
            case .month: seconds = 30.436875 * day
            case .quarter: seconds = 3 * 30.436875 * day
            case .year: seconds = 365.2425 * day
            case .decade: seconds = 3_652.425 * day
            case .century: seconds = 36_524.25 * day
            case .millennium: seconds = 365_242.5 * day
            }
            return amount * seconds
        }
    }

    /// The words as written.
    public var text: String
    /// First byte, 1-based.
    public var start: Int
    /// Last byte, 1-based and inclusive.
    public var stop: Int
    public var type: Kind
    /// The TIMEX3 value: an ISO 8601 date or time at the expression's own
    /// precision ("2025-04", "1998-Q3", "1998-SU", "1998-W02", "199" for the
    /// 1990s, "19" for the 20th century, "2025-12-28T02:22:58+05:30"), a
    /// duration ("P15Y", "PXDE", "PT3H"), a recurrence's period ("P1Y",
    /// "XXXX-WXX-1"), or PAST_REF / PRESENT_REF / FUTURE_REF.
    public var value: String
    public var modifier: Modifier?
    /// The calendar span the expression denotes, in UTC, as [start, end):
    /// "April 2025" is 2025-04-01..2025-05-01; "the early 2010s" 2010..2014
    /// (START, MID and END narrow the span to its first, middle or last 40%);
    /// "over the past few months" the three months before the anchor's day
    /// ("few" and unsaid amounts are taken as three); "the past 15 years" the
    /// 15 years before it. Calendar days are UTC days; a time with a zone is
    /// converted. Nil for unanchored durations ("nearly 15 years"), sets and
    /// vague references (PAST_REF).
    public var interval: DateInterval?
    /// How fine the expression is; nil for vague references (PAST_REF) and sets.
    public var precision: Precision?
    /// The amount and unit of a DURATION (and of a SET's period).
    public var duration: Duration?
    /// True when the value was computed from the anchor or from a date earlier
    /// in the text ("yesterday", "last month", "Friday", "a year earlier").
    public var isRelative: Bool
    /// The date a relative expression was resolved against, as an ISO 8601
    /// date ("2025-12-28"); nil for absolute expressions.
    public var anchor: String?
    /// The zone the text gave ("IST" gives 19800), in seconds east of UTC.
    public var utcOffsetSeconds: Int?

    public init(text: String, start: Int, stop: Int, type: Kind, value: String, modifier: Modifier? = nil,
                interval: DateInterval? = nil, precision: Precision? = nil, duration: Duration? = nil,
                isRelative: Bool = false, anchor: String? = nil, utcOffsetSeconds: Int? = nil) {
        self.text = text
        self.start = start
        self.stop = stop
        self.type = type
        self.value = value
        self.modifier = modifier
        self.interval = interval
        self.precision = precision
        self.duration = duration
        self.isRelative = isRelative
        self.anchor = anchor
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The 0-based, half-open byte range, for Swift code slicing UTF-8.
    public var byteRange: Range<Int> { (start - 1)..<stop }
}
