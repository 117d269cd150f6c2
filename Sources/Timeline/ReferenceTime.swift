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
    /// The year the story is in at a sentence: the one given in that sentence
    /// or the one before it. Further back, the story has usually moved on.
    func narrativeYear(at sentence: Int) -> Int? {
        guard let lastYear, sentence - lastYear.sentence <= 1 else { return nil }
        return lastYear.year
    }

    /// The year of the last absolute expression, however far back.
    var narrativeYear: Int? { lastYear?.year }

    mutating func noteAbsolute(_ point: CalendarPoint, sentence: Int) {
        guard let year = point.year, point.granularity <= .year else { return }
        lastYear = (year, sentence)
        if let day = point.dayNumber { narrativeDay = day }
        if point.granularity == .quarter { narrativeQuarter = point }
    }

    mutating func noteQuarter(_ point: CalendarPoint) {
        if point.granularity == .quarter, point.year != nil { narrativeQuarter = point }
    }
}
