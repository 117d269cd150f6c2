/// Headlines and section headings capitalise words that are not names ("Pakistan
/// and Bangladesh Sign New Defense Cooperation Pact"), and a tagger trained on
/// prose reads them as organisations and people. In such a line only names a
/// list vouches for count (gazetteer, analyst, a defined acronym), and the
/// tagger's spans that name something also found in the body.
///
/// A line is a headline when it does not end like a sentence and either most
/// of its words are capitalised or it is short ("Training, exercises, and the
/// question of capabilities", "Most Popular"). A byline ("By: Abhinandan
/// Mishra") is not a headline: its name is the point of it.
enum HeadlineRule {
    /// Minor words a title leaves in lower case.
    static let minorWords: Set<[UInt8]> = Set(["a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
                                               "for", "with", "by", "from", "as", "vs", "into", "over", "after", "amid"]
        .map { Array($0.utf8) })

    /// For each line of `facts.lines`, whether it is a headline. A text with no
    /// line of prose has no headline either: "Sheikh Hasina visited Dhaka" typed
    /// into the REPL is a sentence without its full stop.
    static func headlineLines(in text: TokenizedText, facts: TokenFacts) -> [Bool] {
        let headlines = facts.lines.map { isHeadline($0, in: text, facts: facts) }
        return headlines.contains(false) ? headlines : headlines.map { _ in false }
    }

    static func isHeadline(_ line: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard let last = line.last else { return false }
        let bytes = text.bytes
        if let first = line.first, isByline(first, in: text) { return false }
        let end = bytes[text.tokens[last].range]
        if end.count == 1, let byte = end.first,
           [UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ";")].contains(byte) {
            return isTitleCased(line, in: text, facts: facts)
        }
        if end.elementsEqual([0xE2, 0x80, 0x9D]) || end.elementsEqual([UInt8(ascii: "\"")]) { return false }
        var words = 0
        var capitalised = 0
        for index in line where facts.shape[index] != .other && facts.shape[index] != .number {
            let range = text.tokens[index].range
            if facts.shape[index] == .lower, range.count <= 5, minorWords.contains(Array(bytes[range])) { continue }
            words += 1
            if facts.shape[index].isUpperInitial { capitalised += 1 }
        }
        guard words > 0 else { return false }
        if words <= 8 { return true }
        return Double(capitalised) >= 0.6 * Double(words)
    }

    /// A title with a full stop ("Pence Gives GOP A Boost With Solid Debate
    /// Win Over Kaine."): at least three of its capitalised words after the
    /// first are dictionary words, and three in four of its words are
    /// capitalised. Prose full of names capitalises names, not words.
    static func isTitleCased(_ line: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Bool {
        // Counted first without the minor words' list, so that prose lines
        // (nearly all of the lines asked) cost no allocation.
        var quickWords = 0
        var quickCapitalised = 0
        for index in line where facts.shape[index] != .other && facts.shape[index] != .number {
            quickWords += 1
            if facts.shape[index] == .capitalised { quickCapitalised += 1 }
        }
        guard quickCapitalised >= 4, 2 * quickCapitalised >= quickWords else { return false }
        var words = 0
        var capitalised = 0
        for index in line where facts.shape[index] != .other && facts.shape[index] != .number {
            let range = text.tokens[index].range
            if facts.shape[index] == .lower, range.count <= 5, minorWords.contains(Array(text.bytes[range])) { continue }
            words += 1
            if facts.shape[index] == .capitalised { capitalised += 1 }
        }
        guard capitalised >= 4, 4 * capitalised >= 3 * words else { return false }
        var capitalisedWords = 0
        for index in line.dropFirst() where facts.shape[index] == .capitalised {
            if CommonWords.contains(text.bytes[text.tokens[index].range]) { capitalisedWords += 1 }
        }
        return capitalisedWords >= 3
    }

    /// "By Abhinandan Mishra", "By: ...", "BY ...".
    private static func isByline(_ token: Int, in text: TokenizedText) -> Bool {
        let word = text.bytes[text.tokens[token].range]
        return word.count == 2 && word.first! | 0x20 == UInt8(ascii: "b") && word.last! | 0x20 == UInt8(ascii: "y")
    }
}
