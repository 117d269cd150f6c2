import DossierCore

/// English calendar names: months and weekdays (`CalendarNames`, shared with
/// the article store), seasons, parts of the day.
///
/// Abbreviations are the ones news agencies print ("Dec.", "Sept.", "Tues.").
/// "May" and "March" are also a name, a modal verb and a noun; the grammar,
/// not this table, decides when they are months (`DatePatterns`).
enum MonthNames {
    static let months = CalendarNames.months
    static let monthAbbreviations = CalendarNames.monthAbbreviations
    static let weekdays = CalendarNames.weekdays
    /// TIMEX3 season codes in calendar order of their start: spring (SP),
    /// summer (SU), fall (FA), winter (WI).
    static let seasonCodes = ["SP", "SU", "FA", "WI"]
    static let seasons: [(name: String, season: Int)] = [
        ("spring", 0), ("summer", 1), ("fall", 2), ("autumn", 2), ("winter", 3),
    ]
    /// TIMEX3 part-of-day codes.
    static let partsOfDay: [(name: String, code: String)] = [
        ("morning", "MO"), ("afternoon", "AF"), ("evening", "EV"), ("night", "NI"),
    ]
}
