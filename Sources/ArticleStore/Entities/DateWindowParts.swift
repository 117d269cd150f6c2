import DossierCore

/// A date window `[since, until)` cut into the pieces the per-entity date
/// buckets answer exactly: whole UTC calendar months (`entity_month`), the
/// whole UTC days outside them (`entity_day`), and the parts of a day at
/// either end (`entity_article`, the articles themselves).
///
/// A year's window that starts and ends mid-day is then ten or eleven month
/// rows, up to sixty day rows and two partial days per entity, however many
/// articles the window holds.
public struct DateWindowParts: Hashable, Sendable {
    /// A half-open range `[lower, upper)` of month or day numbers; a nil bound
    /// is unbounded on that side.
    public struct Span: Hashable, Sendable {
        public var lower: Int64?
        public var upper: Int64?
    }

    /// A half-open range of instants, seconds since 1970.
    public struct InstantSpan: Hashable, Sendable {
        public var lower: Double
        public var upper: Double
    }

    /// Whole months inside the window, numbered as `month(ofDay:)` does.
    public private(set) var months: Span?
    /// Whole days inside the window and outside `months`: at most two spans.
    public private(set) var days: [Span] = []
    /// What is left at the ends: at most two spans, each shorter than a day.
    public private(set) var instants: [InstantSpan] = []

    /// No article can fall in the window (`since` at or after `until`).
    public var isEmpty: Bool { months == nil && days.isEmpty && instants.isEmpty }

    public static let secondsPerDay = 86_400.0

    /// `since` and `until` in seconds since 1970; nil: unbounded on that side.
    public init(since: Double?, until: Double?) {
        // Beyond the dates a store accepts, a bound only says "everything"
        // or "nothing"; clamping keeps the day arithmetic within Int64.
        let margin = 400 * Self.secondsPerDay
        let supported = (PublicationDate.supportedSeconds.lowerBound - margin)...(PublicationDate.supportedSeconds.upperBound + margin)
        var lower: Double? = nil, upper: Double? = nil
        if let since {
            if since.isNaN || since > supported.upperBound { return }   // nothing is at or after it
            if since > supported.lowerBound { lower = since }
        }
        if let until {
            if until.isNaN || until < supported.lowerBound { return }   // nothing is before it
            if until < supported.upperBound { upper = until }
        }
        if let lower, let upper, lower >= upper { return }
        // Whole days [firstDay, endDay).
        let firstDay = lower.map { Int64(($0 / Self.secondsPerDay).rounded(.up)) }
        let endDay = upper.map { Int64(($0 / Self.secondsPerDay).rounded(.down)) }
        if let firstDay, let endDay, let lower, let upper, firstDay >= endDay {
            instants = [InstantSpan(lower: lower, upper: upper)]
            return
        }
        if let lower, let firstDay, lower < Self.start(ofDay: firstDay) {
            instants.append(InstantSpan(lower: lower, upper: Self.start(ofDay: firstDay)))
        }
        if let upper, let endDay, Self.start(ofDay: endDay) < upper {
            instants.append(InstantSpan(lower: Self.start(ofDay: endDay), upper: upper))
        }
        // Whole months [firstMonth, endMonth) within those days.
        let firstMonth = firstDay.map { day in
            let month = Self.month(ofDay: day)
            return Self.firstDay(ofMonth: month) == day ? month : month + 1
        }
        let endMonth = endDay.map { Self.month(ofDay: $0) }
        if let firstMonth, let endMonth, firstMonth >= endMonth {
            days = [Span(lower: firstDay, upper: endDay)]
            return
        }
        months = Span(lower: firstMonth, upper: endMonth)
        if let firstDay, let firstMonth, firstDay < Self.firstDay(ofMonth: firstMonth) {
            days.append(Span(lower: firstDay, upper: Self.firstDay(ofMonth: firstMonth)))
        }
        if let endDay, let endMonth, Self.firstDay(ofMonth: endMonth) < endDay {
            days.append(Span(lower: Self.firstDay(ofMonth: endMonth), upper: endDay))
        }
    }

    static func start(ofDay day: Int64) -> Double { Double(day) * secondsPerDay }

    /// The UTC day of an instant, numbered from 1970-01-01 (0). The stored
    /// dates are within `PublicationDate.supportedSeconds`, far inside Int64.
    public static func day(ofSeconds seconds: Double) -> Int64 {
        Int64((seconds / secondsPerDay).rounded(.down))
    }

    /// The month of a day, numbered from January 1970 (0): `(year - 1970) *
    /// 12 + month - 1` in the proleptic Gregorian calendar (as PostgreSQL's
    /// `date` counts). H. Hinnant's `civil_from_days`.
    public static func month(ofDay day: Int64) -> Int64 {
        let shifted = day + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153                // 0 = March
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year - 1970) * 12 + (month - 1)
    }

    /// The first day of a month numbered as `month(ofDay:)` does
    /// (`days_from_civil`).
    public static func firstDay(ofMonth number: Int64) -> Int64 {
        let yearsFrom1970 = number >= 0 ? number / 12 : (number - 11) / 12
        let month = number - yearsFrom1970 * 12 + 1
        let year = 1970 + yearsFrom1970 - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
