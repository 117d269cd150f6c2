import Claims
import DossierCore
import Testing

/// Issue 14, finding 4: a capture of hard-wrapped lines joins into one
/// paragraph with no sentence end, and finding claims in it was quadratic:
/// indirect speech scanned from each cue to the end of the sentence for the
/// next cue's clause, and the source classifier scanned every token of the
/// text for each claim (an 80k-word sentence: 46 s in a debug build; 320k
/// words, about 16 times that). The test runs 320k words under a one-minute
/// limit, which the linear code meets many times over.
@Suite struct ClaimScalingTests {
    let extractor = ClaimExtractor(finder: AttributionFinder(lexicon: AttributionFinderTests.lexicon))

    @Test(.timeLimit(.minutes(1))) func oneSentenceOfThreeHundredThousandWordsIsReadInOnePass() {
        let clause = "officials said that the talks between the two countries resumed after a long pause and trade was discussed at length"
        let clauseWords = clause.split(separator: " ").count
        let repeats = 320_000 / clauseWords
        let text = "This report opens with a sentence " + Array(repeating: clause, count: repeats).joined(separator: " ") + " and it ends here."
        let claims = extractor.claims(in: text, mentions: [])
        #expect(claims.count == repeats)
        // Indirect speech runs to the end of the sentence when no other cue's
        // clause (", he said") cuts it: one sentence, so every claim ends there.
        #expect(claims.allSatisfy { $0.content.last?.upperBound == text.utf8.count - 1 }, "\(claims.prefix(2))")
    }

    @Test func aCueClauseAfterACommaStillEndsTheContent() {
        let text = "The minister said that the border would reopen next week, officials said, and trade would resume."
        let claims = extractor.claims(in: text, mentions: [])
        let first = claims.first { String(decoding: Array(text.utf8)[$0.cue], as: UTF8.self) == "said" }
        let content = first?.content.first.map { String(decoding: Array(text.utf8)[$0], as: UTF8.self) }
        #expect(content == "that the border would reopen next week", "\(claims)")
    }
}
