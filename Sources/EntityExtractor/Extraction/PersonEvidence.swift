/// Whether the text shows a person where the tagger found a one-word person
/// that something else may explain: a listed city or subdivision ("Gwangju
/// hitting 14 degrees and Daegu, 15 degrees"; `CandidateSelection`) or a
/// dictionary word news also capitalises as a name ("the iPad Pro";
/// `OneWordNameRule.dropWordsWithoutPersonEvidence`). The tagger reads any
/// capitalised word in a subject's place as a person, so the other reading
/// stands unless the text says otherwise:
///
/// - the span has more than one word ("Charlotte Church");
/// - the word is a known first name (`GivenNames`);
/// - the word ends a longer tagger person elsewhere in the text (a surname
///   used alone: "Karen Austin … Austin left");
/// - a reporting verb follows it ("Austin said", "Brown told reporters").
struct PersonEvidence {
    /// Folded hashes of the last words of the tagger's longer person spans.
    private var surnames = HashInterner()

    init(_ candidates: [Candidate], in text: TokenizedText) {
        for candidate in candidates where candidate.source == .model && candidate.type == .person && candidate.tokens.count >= 2 {
            _ = surnames.insert(WordSet.hash(of: candidate.tokens.upperBound - 1, in: text))
        }
    }

    static let reportingVerbs = WordSet("said says told added asked wrote writes tweeted posted explained argued insisted")

    func shows(_ tokens: Range<Int>, in text: TokenizedText) -> Bool {
        guard tokens.count == 1 else { return true }
        let token = tokens.lowerBound
        if GivenNames.names.contains(text.bytes[text.tokens[token].range]) { return true }
        if surnames.id(of: WordSet.hash(of: token, in: text)) != nil { return true }
        let next = token + 1
        return next < text.tokens.count && Self.reportingVerbs.contains(text.bytes[text.tokens[next].range])
    }
}
