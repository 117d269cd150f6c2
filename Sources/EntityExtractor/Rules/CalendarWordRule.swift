/// Month and weekday names are dates, never names, however a tagger reads
/// them: "November" of "PUBLISHED: November 8, 2023" as a person, "In July,
/// the NAACP …" as an organisation, "Januar 2014 · 02:16" under a German
/// post. A span goes when every word in it is a calendar word (numbers and
/// marks between them aside).
///
/// Months that are also people's names ("May", "June", "April", "August")
/// and abbreviations that are names ("Jan", "Sun") are left to the tagger.
/// The two-letter weekday heads of a calendar widget ("Mo Tu We Th Fr Sa Su")
/// count only where the text prints at least four of them: "Su" alone is a
/// surname.
enum CalendarWordRule {
    static let calendarWords = WordSet("""
        january february march july september october november december \
        feb mar apr jun jul aug sep sept oct nov dec \
        monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat \
        januar februar märz juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag
        """)
    static let widgetWeekdays = WordSet("mo tu we th fr sa su")
    /// Distinct two-letter weekday heads that make a calendar widget.
    static let minimumWidgetWeekdays = 4

    /// Whether the span is only calendar words; `hasCalendarWidget` is asked
    /// only for a two-letter weekday head.
    static func isDate(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts, hasCalendarWidget: () -> Bool) -> Bool {
        var found = 0
        for index in tokens {
            let word = text.bytes[text.tokens[index].range]
            // Numbers and marks ("2014", "·", "02:16") stand between calendar words.
            if facts.shape[index] == .number || !word.contains(where: { ($0 | 0x20) &- 0x61 < 26 }) { continue }
            if calendarWords.containsBare(word) || (word.count == 2 && widgetWeekdays.contains(word) && hasCalendarWidget()) {
                found += 1
                continue
            }
            return false
        }
        return found > 0
    }

    /// Whether at least `minimumWidgetWeekdays` distinct two-letter weekday
    /// heads stand capitalised in the text.
    static func hasCalendarWidget(in text: TokenizedText, facts: TokenFacts) -> Bool {
        var seen: Set<UInt64> = []
        for index in text.tokens.indices where text.tokens[index].range.count == 2 && facts.shape[index].isUpperInitial {
            let word = text.bytes[text.tokens[index].range]
            if widgetWeekdays.contains(word) { seen.insert(CommonWords.foldedHash(word)) }
            if seen.count >= minimumWidgetWeekdays { return true }
        }
        return false
    }
}
