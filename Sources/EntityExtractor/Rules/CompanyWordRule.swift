/// A listed company whose name is an English word ("Apple", "Target", "Visa",
/// "Amazon"; kind `company-word` in `gazetteer-companies.tsv`) is the company
/// only where a capital says name: not at the start of a sentence or line
/// ("Target audiences..."), not after a lower-case "the" ("the Amazon", the
/// river), and not next to another capitalised word.
enum CompanyWordRule {
    static func accepts(_ entry: GazetteerEntry, at tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard entry.kind == "company-word" else { return true }
        if facts.startsSentence[tokens.lowerBound] { return false }
        let previous = tokens.lowerBound - 1
        if previous >= 0, text.bytes[text.tokens[previous].range].elementsEqual("the".utf8) { return false }
        // Among other capitalised words it is a word of a title or of another
        // name ("Super PACs Target Latino Voters", "Apple Valley Road").
        if previous >= 0, facts.line[previous] == facts.line[tokens.lowerBound], facts.shape[previous].isUpperInitial {
            return false
        }
        let next = tokens.upperBound
        if next < text.tokens.count, facts.line[next] == facts.line[tokens.lowerBound], facts.shape[next].isUpperInitial {
            return false
        }
        return true
    }
}
