import DossierCore

/// Cleans the names of a byline as pages write it: "By Jane Doe | Updated:
/// Dec 28, 2025", "Emily Burack 8 January 2020, 3:51 pm", "By Glen Owen And
/// Brendan Carlin For The Mail On Sunday", "Jane DoePublished 11:11 PM EST"
/// (a name glued to the next element's text), and placeholders such as
/// "Unknown" or "No Author".
enum BylineText {
    /// Longer texts are paragraphs, not names.
    static let maximumLength = 100

    /// The names alone, or nil when nothing name-like is left.
    static func names(in text: String) -> String? {
        let unglued = separatingGluedLabels(HTMLText.collapsingWhitespace(text))
        guard let firstPart = unglued.split(whereSeparator: { "|•·".contains($0) }).first else { return nil }
        var words = firstPart.split(separator: " ").map(String.init)
        while let first = words.first, leadingLabels.contains(first.lowercased()) { words.removeFirst() }
        var kept: [String] = []
        for (index, word) in words.enumerated() {
            if endsTheNames(word, next: index + 1 < words.count ? words[index + 1] : nil) { break }
            // "Adam Aaronson Staff Writer", but "Editorial Staff" is the whole byline.
            if kept.count >= 2, roleWords.contains(word.lowercased().trimmingCharacters(in: .punctuationCharacters)) { break }
            kept.append(word == "And" ? "and" : word)
        }
        let names = kept.joined(separator: " ").trimmingCharacters(in: .init(charactersIn: " ,;:-–—"))
        guard !names.isEmpty, names.count <= maximumLength, names.contains(where: \.isLetter),
              !placeholders.contains(names.lowercased()), NewsDateParser.parse(names) == nil else { return nil }
        return names
    }

    /// Words that open a byline: "By", "By:", "Von", "Written by", "Posted by".
    private static let leadingLabels: Set<String> = ["by", "by:", "von", "written", "words", "posted", "author:", "autor:"]

    /// Where the names stop: a date or time (a word with a digit, a month
    /// before a number, "am"/"pm"), a label ("Published", "Updated", "on",
    /// "at"), "For The Mail On Sunday", a role ("Staff Writer") or "Follow".
    private static func endsTheNames(_ word: String, next: String?) -> Bool {
        if word.contains(where: \.isNumber) { return true }
        let lowercased = word.lowercased().trimmingCharacters(in: .punctuationCharacters)
        if stopWords.contains(lowercased) || word == "For" { return true }
        if CalendarNames.monthNumber(lowercased) != nil, next?.first?.isNumber == true { return true }
        return false
    }

    private static let stopWords: Set<String> = [
        "published", "updated", "posted", "modified", "last", "on", "at", "am", "pm", "follow", "email", "twitter",
        "veröffentlicht", "aktualisiert",
    ]

    private static let roleWords: Set<String> = ["staff", "writer", "reporter", "correspondent", "contributor", "editor"]

    private static let placeholders: Set<String> = [
        "unknown", "no author", "admin", "administrator", "author", "publisher", "guest", "anonymous", "staff", "editor",
    ]

    /// "Jane DoePublished" as "Jane Doe Published": a label glued to a
    /// lowercase letter is the next element's text run into the name.
    private static func separatingGluedLabels(_ text: String) -> String {
        var result = text
        for label in gluableLabels {
            var searchStart = result.startIndex
            while let range = result.range(of: label, range: searchStart..<result.endIndex) {
                if range.lowerBound > result.startIndex, result[result.index(before: range.lowerBound)].isLowercase {
                    result.insert(" ", at: range.lowerBound)
                    searchStart = result.index(range.lowerBound, offsetBy: label.count + 1, limitedBy: result.endIndex) ?? result.endIndex
                } else {
                    searchStart = range.upperBound
                }
            }
        }
        return result
    }

    private static let gluableLabels = ["Published", "Updated", "Posted", "Last updated", "Follow", "Staff"]
}
