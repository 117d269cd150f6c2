/// English month and weekday names as news prints them, full and abbreviated
/// ("Dec.", "Sept.", "Tues."), lower-case. One list for the article store's
/// date parser and the temporal tagger, so both read the same words as dates.
public enum CalendarNames {
    public static let months: [(name: String, month: Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
        ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11), ("december", 12),
    ]
    /// "may" is a full name already.
    public static let monthAbbreviations: [(name: String, month: Int)] = [
        ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    /// ISO numbering: 1 Monday ... 7 Sunday.
    public static let weekdays: [(name: String, weekday: Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("mon", 1), ("tue", 2), ("tues", 2), ("wed", 3), ("thu", 4), ("thur", 4), ("thurs", 4), ("fri", 5), ("sat", 6), ("sun", 7),
    ]

    private static let monthByName: [String: Int] = Dictionary(months + monthAbbreviations, uniquingKeysWith: { first, _ in first })
    private static let weekdayByName: [String: Int] = Dictionary(weekdays, uniquingKeysWith: { first, _ in first })

    /// 1-12 for a month name or abbreviation, lower-case and without dots.
    public static func monthNumber(_ word: String) -> Int? { monthByName[word] }

    /// 1 (Monday) to 7 for a weekday name or abbreviation, lower-case and without dots.
    public static func weekdayNumber(_ word: String) -> Int? { weekdayByName[word] }
}
