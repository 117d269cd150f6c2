/// Numbers written as words, as they appear in durations and ages ("fifteen
/// years", "twenty-four hours", "a dozen years") and ordinals in dates and
/// quarters ("the third quarter", "the 28th").
enum NumberWords {
    static let cardinals: [(name: String, value: Int)] = [
        ("zero", 0), ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
        ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
        ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
        ("nineteen", 19), ("twenty", 20), ("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60),
        ("seventy", 70), ("eighty", 80), ("ninety", 90), ("hundred", 100), ("thousand", 1000), ("dozen", 12),
    ]
    /// The cardinals' names, for asking whether a word is one.
    static let cardinalNames: Set<String> = Set(cardinals.map(\.name))
    static let ordinals: [(name: String, value: Int)] = [
        ("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7),
        ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13),
        ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18),
        ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("twenty-first", 21), ("twenty-second", 22),
        ("twenty-third", 23), ("thirty-first", 31),
    ]

    /// True for the tens that combine with a unit word ("twenty-four").
    static func isTens(_ value: Int) -> Bool { value >= 20 && value <= 90 && value % 10 == 0 }
}
