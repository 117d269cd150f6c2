/// A listed place or people inside a longer organisation's name: "New York" in
/// "New York University", "Republican" in "Republican National Committee",
/// "Belize" in "Breaking Belize News". The capitalised words around the listed
/// name are followed out (through "of", "for", "and", "&" between capitals),
/// and when they end in an organisation's designator (`SpanEdgeRule
/// .organizationHeads`) the whole run is offered as an organisation, as if the
/// tagger had found it: `CandidateSelection` then prefers it to the shorter
/// listed name inside, so the university is never linked to the city.
enum NestedNameRule {
    static let connectors = WordSet("of for and &")

    static func organisation(around listed: Range<Int>, in text: TokenizedText, facts: TokenFacts) -> Range<Int>? {
        let line = facts.line[listed.lowerBound]
        func isName(_ index: Int) -> Bool {
            index >= 0 && index < text.tokens.count && facts.line[index] == line && facts.shape[index].isUpperInitial
        }
        func isConnector(_ index: Int) -> Bool {
            index >= 0 && index < text.tokens.count && facts.line[index] == line
                && connectors.contains(text.bytes[text.tokens[index].range])
        }
        var upper = listed.upperBound
        var lastHead: Int?
        while true {
            if isName(upper) {
                upper += 1
            } else if isConnector(upper), isName(upper + 1) {
                upper += 2
            } else {
                break
            }
            if SpanEdgeRule.organizationHeads.containsBare(text.bytes[text.tokens[upper - 1].range]) { lastHead = upper }
        }
        guard let end = lastHead else { return nil }
        var lower = listed.lowerBound
        while isName(lower - 1), !facts.startsSentence[lower],
              !SpanEdgeRule.functionWords.contains(text.bytes[text.tokens[lower - 1].range]) {
            lower -= 1
        }
        return lower..<end
    }
}
