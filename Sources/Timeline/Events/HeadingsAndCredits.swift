/// Lines of a page that are no prose: a heading ("Potted Bougainvillea –
/// Good Soil and Drainage", "Bender-Shaped Covers For AI Personal
/// Assistants") and a credit ("—submitted by Stella D."). Their
/// participles are adjectives or bylines, nothing that happened.
extension EventExtractor {
    /// A heading: two to twelve words, every word of four letters or more
    /// capitalised, no full stop, question or exclamation mark at its end.
    /// A headline is one too: its capitalised verbs were never triggers
    /// (a capital inside a sentence is a name), only its first word could be.
    static func isHeading(_ words: [EventTrigger.Word], text: String) -> Bool {
        guard words.count >= 2, words.count <= 12 else { return false }
        var last = text.utf8.endIndex
        while last > text.utf8.startIndex {
            let previous = text.utf8.index(before: last)
            let byte = text.utf8[previous]
            guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") else { break }
            last = previous
        }
        guard last > text.utf8.startIndex else { return false }
        let end = text.utf8[text.utf8.index(before: last)]
        // A closing quotation mark or bracket may stand after the full stop: any of them ends prose.
        if [UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: ")"), 0x9D, 0x99].contains(end) { return false }
        let long = words.filter { $0.text.utf8.count >= 4 && $0.text.first?.isLetter == true }
        return long.count >= 2 && long.allSatisfy { $0.text.first?.isUppercase == true }
    }

    /// A credit line: a participle of making or sending ("submitted",
    /// "written", "posted", "compiled") then "by" and at most four more
    /// words, the whole line ("—submitted by Stella D.", "Reported by Jane
    /// Doe"). The byline names who wrote the text, not a happening.
    static func isCredit(_ words: [EventTrigger.Word]) -> Bool {
        guard words.count >= 3, words.count <= 6, creditParticiples.contains(words[0].lowercased) else { return false }
        return words[1].lowercased == "by"
    }
    static let creditParticiples: Set<String> = [
        "submitted", "written", "posted", "compiled", "edited", "reported", "contributed", "sent", "shared", "curated",
        "translated", "illustrated", "photographed", "produced", "updated", "reviewed", "adapted",
    ]
}
