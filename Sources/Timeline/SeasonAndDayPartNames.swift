/// English calendar names beyond months and weekdays (those are DossierCore's
/// `CalendarNames`, shared with the article store): seasons and parts of the
/// day. "May" and "March" are also a name, a modal verb and a noun; the
/// grammar, not these tables, decides when they are months (`DatePatterns`).
enum SeasonAndDayPartNames {
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
