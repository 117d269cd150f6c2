import DossierCore

/// The times a relative expression can be resolved against while a text is
/// read from top to bottom.
///
/// Deictic words ("yesterday", "last week", "Friday", "now") are resolved
/// against the anchor, the article's publication date. Words that continue the
/// story ("the next day", "a year earlier", "the quarter", "April" without a
/// year) are resolved against the narrative: the most recent absolute date
/// the text itself gave, falling back to the anchor. This is HeidelTime's
/// news strategy.
struct ReferenceTime {
    /// The anchor's calendar day, read in the anchor's own zone.
    let anchorDay: Int?
    /// The anchor's ISO 8601 date, reported as `TimeExpression.anchor`.
    let anchorText: String?

    /// The year of the most recent absolute expression that gave one, and the
    /// sentence it was in.
    private var lastYear: (year: Int, sentence: Int)?
    /// The most recent day-precise date the text gave.
    var narrativeDay: Int?
    /// The first day of the most recent month the text gave without a day
    /// ("in May 2019"), while no later day-precise date replaced it: what
    /// "two months later" counts from.
    var narrativeMonthStart: Int?
    /// The most recent quarter the text spoke of ("the third quarter"), for
    /// the financial convention that "a year earlier" then means the same
    /// quarter a year before.
    var narrativeQuarter: CalendarPoint?

    init(anchor: PublicationDate?) {
        if let anchor {
            let day = CalendarMath.split(anchor.instant, utcOffsetSeconds: anchor.utcOffsetSeconds ?? 0).day
            anchorDay = day
            anchorText = CalendarPoint.day(day).value
        } else {
            anchorDay = nil
            anchorText = nil
        }
    }

    var anchorYear: Int? { anchorDay.map { CalendarMath.civil($0).year } }
    var anchorMonth: Int? { anchorDay.map { CalendarMath.civil($0).month } }

    /// The day "the next day" counts from.
    var storyDay: Int? { narrativeDay ?? anchorDay }

    /// Remembers what an absolute expression said, for the ones that follow.
    /// The year the story is in at a sentence: the one a month or a day in
    /// that same sentence gave ("signed on March 3, 2019, and in May ...").
    /// Reaching back to earlier sentences read more months wrong than right
    /// on TimeBank and AQUAINT (value F1 78.1 against 78.7), where the
    /// anchor's year is the better guess.
    func narrativeYear(at sentence: Int) -> Int? {
        guard let lastYear, sentence - lastYear.sentence <= 0 else { return nil }
        return lastYear.year
    }

    /// The year of the last absolute expression, however far back.
    var narrativeYear: Int? { lastYear?.year }

    mutating func noteAbsolute(_ point: CalendarPoint, sentence: Int) {
        guard let year = point.year, point.granularity <= .year else { return }
        // Only a month or a day moves the story ("signed on March 3, 2019. In
        // May, ..."); a bare year is as often background ("between 1994 and
        // 1997"), and reading the next month in it was wrong more often than
        // right on TimeBank and AQUAINT.
        if point.granularity <= .month { lastYear = (year, sentence) }
        if let day = point.dayNumber {
            narrativeDay = day
            narrativeMonthStart = nil
        } else if point.granularity == .month {
            narrativeMonthStart = CalendarMath.dayNumber(year: year, month: point.month, day: 1)
        }
        if point.granularity == .quarter { narrativeQuarter = point }
    }

    mutating func noteQuarter(_ point: CalendarPoint) {
        if point.granularity == .quarter, point.year != nil { narrativeQuarter = point }
    }
}
