/// English calendar names: months, weekdays, seasons, parts of the day.
///
/// Abbreviations are the ones news agencies print ("Dec.", "Sept.", "Tues.").
/// "May" and "March" are also a name, a modal verb and a noun; the grammar,
/// not this table, decides when they are months (`DatePatterns`).
enum MonthNames {
    static let months: [(name: String, month: Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ]
    static let monthAbbreviations: [(name: String, month: Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    /// ISO numbering: 1 Monday ... 7 Sunday.
    static let weekdays: [(name: String, weekday: Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5), ("sat", 6), ("sun", 7),
    ]
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
