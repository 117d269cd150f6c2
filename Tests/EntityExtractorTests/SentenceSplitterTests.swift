@testable import EntityExtractor
import Testing

private func sentences(_ text: String) -> [String] {
    let tokenized = TokenizedText(text: text)
    var covered = 0
    for sentence in tokenized.sentences {
        #expect(sentence.lowerBound == covered && !sentence.isEmpty)
        covered = sentence.upperBound
    }
    #expect(covered == tokenized.tokens.count)
    return tokenized.sentences.map { sentence in
        sentence.map { tokenized.text(of: tokenized.tokens[$0]) }.joined(separator: " ")
    }
}

@Test func fullStopsEndSentencesButNotAfterTitlesOrInitials() {
    #expect(sentences("Mr. Sharif met Gen. Munir. J. R. Smith was there. They left.") ==
            ["Mr. Sharif met Gen. Munir .", "J. R. Smith was there .", "They left ."])
}

@Test func abbreviationEndsASentenceBeforeAPlainStarter() {
    #expect(sentences("He flew to the U.S. The talks began. U.S. President Trump spoke.") ==
            ["He flew to the U.S.", "The talks began .", "U.S. President Trump spoke ."])
}

@Test func closingQuotesStayWithTheirSentence() {
    #expect(sentences("He said: “We will win.” Then he left. “Why?” she asked.") ==
            ["He said : “ We will win . ”", "Then he left .", "“ Why ? ” she asked ."])
}

@Test func headlinesAndBlankLinesEndSentences() {
    let text = """
        Pakistan and Bangladesh Quietly Rebuild Defence Links
        By Abhinandan Mishra

        NEW DELHI: Pakistan and Bangladesh are rebuilding
        ties, officials said. The ISI is involved
        """
    #expect(sentences(text) == [
        "Pakistan and Bangladesh Quietly Rebuild Defence Links",
        "By Abhinandan Mishra",
        "NEW DELHI :",
        "Pakistan and Bangladesh are rebuilding ties , officials said .",
        "The ISI is involved",
    ])
}

@Test func ellipsisBeforeLowerCaseContinues() {
    #expect(sentences("It was... perhaps not. Yes!") == ["It was ... perhaps not .", "Yes !"])
}

@Test func emptyTextHasNoSentences() {
    #expect(TokenizedText(text: "").sentences.isEmpty)
    #expect(TokenizedText(text: "word").sentences == [0..<1])
}
