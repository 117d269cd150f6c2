@testable import EntityExtractor
import Testing

/// The token texts of `text`, after checking every token's bytes are its text.
private func words(_ text: String) -> [String] {
    let tokenized = TokenizedText(text: text)
    let bytes = Array(text.utf8)
    for token in tokenized.tokens {
        #expect(token.range.lowerBound >= 0 && token.range.upperBound <= bytes.count)
        #expect(Array(bytes[token.range]) == Array(tokenized.text(of: token).utf8))
        #expect(!token.range.isEmpty)
    }
    for (first, second) in zip(tokenized.tokens, tokenized.tokens.dropFirst()) {
        #expect(first.range.upperBound <= second.range.lowerBound)
    }
    return tokenized.tokens.map(tokenized.text(of:))
}

@Test func titlesAndAbbreviationsKeepTheirStop() {
    #expect(words("Mr. Khan met Dr. Yunus and Lt. Gen. Asim Munir.") ==
            ["Mr.", "Khan", "met", "Dr.", "Yunus", "and", "Lt.", "Gen.", "Asim", "Munir", "."])
    #expect(words("Talks in the U.S. and the U.K. on Jan. 5 about No. 10.") ==
            ["Talks", "in", "the", "U.S.", "and", "the", "U.K.", "on", "Jan.", "5", "about", "No.", "10", "."])
}

@Test func noIsAnAbbreviationOnlyBeforeANumber() {
    #expect(words("He said No. Then he left.") == ["He", "said", "No", ".", "Then", "he", "left", "."])
}

@Test func initialsAreTokensOfTheirOwn() {
    #expect(words("J. R. Smith and e.g. A.B. Vajpayee") == ["J.", "R.", "Smith", "and", "e.g.", "A.B.", "Vajpayee"])
}

@Test func numbersKeepTheirInnerPunctuation() {
    #expect(words("Growth of 3.5 per cent, 1,000 troops, 15% more, at 10:30 on 22/08.") ==
            ["Growth", "of", "3.5", "per", "cent", ",", "1,000", "troops", ",", "15", "%", "more", ",", "at", "10:30", "on", "22/08", "."])
}

@Test func possessivesSplitOffStraightAndCurly() {
    #expect(words("Pakistan's army and Pakistan’s navy") == ["Pakistan", "'s", "army", "and", "Pakistan", "’s", "navy"])
    #expect(words("the ministers' meeting") == ["the", "ministers", "'", "meeting"])
    #expect(words("They don't know O'Brien") == ["They", "do", "n't", "know", "O'Brien"])
    #expect(words("José's plan") == ["José", "'s", "plan"])
}

@Test func hyphenatedWordsStayWhole() {
    #expect(words("Pakistan-Bangladesh ties, a Bangladesh-based anti-India group -- or not") ==
            ["Pakistan-Bangladesh", "ties", ",", "a", "Bangladesh-based", "anti-India", "group", "--", "or", "not"])
    #expect(words("a U.S.-based firm, 1996-08-22") == ["a", "U.S.-based", "firm", ",", "1996-08-22"])
}

@Test func quotesAndUnicodePunctuationSeparate() {
    #expect(words("“Never,” he said — «non» ‘yes’ \"no\"…") ==
            ["“", "Never", ",", "”", "he", "said", "—", "«", "non", "»", "‘", "yes", "’", "\"", "no", "\"", "…"])
}

@Test func datelineCapitalsAndColonSeparate() {
    #expect(words("NEW DELHI: Pakistan and Bangladesh") == ["NEW", "DELHI", ":", "Pakistan", "and", "Bangladesh"])
}

@Test func companyNamesWithAmpersand() {
    #expect(words("AT&T and S&P rose") == ["AT&T", "and", "S&P", "rose"])
}

@Test func nonEnglishTextAndEmojiNeverCrash() {
    #expect(words("Москва заявила, что") == ["Москва", "заявила", ",", "что"])
    #expect(words("قال الرئيس، اليوم؟") == ["قال", "الرئيس", "،", "اليوم", "؟"])
    #expect(words("北京。东京") == ["北京", "。", "东京"])
    #expect(words("Dhaka 🇧🇩 rally 👍🏽!") .contains("Dhaka"))
    #expect(words("") == [])
    #expect(words("   \n\n  ") == [])
}

@Test func malformedBytesNeverCrash() {
    let garbage: [UInt8] = [0xFF, 0x41, 0xC3, 0x28, 0xE2, 0x82, 0x20, 0xF0, 0x9F, 0x98, 0x2E, 0x80, 0x27, 0x73, 0xE2, 0x80]
    let text = TokenizedText(bytes: garbage, tokens: Tokenizer.tokenize(garbage), sentences: [])
    for token in text.tokens { #expect(token.range.upperBound <= garbage.count && !token.range.isEmpty) }
    #expect(SentenceSplitter.split(text.tokens, in: garbage).last?.upperBound == text.tokens.count)
    var random = SplitMix(seed: 7)
    for _ in 0..<200 {
        let bytes = (0..<Int(random.next() % 64)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let tokens = Tokenizer.tokenize(bytes)
        for token in tokens { #expect(token.range.upperBound <= bytes.count && !token.range.isEmpty) }
        _ = SentenceSplitter.split(tokens, in: bytes)
    }
}

@Test func preTokenizedWordsAreTheTokens() {
    let text = TokenizedText(words: ["Pakistan", "'s", "U.S.-based", "envoy"])
    #expect(text.tokens.map(text.text(of:)) == ["Pakistan", "'s", "U.S.-based", "envoy"])
    #expect(text.sentences == [0..<4])
    #expect(String(decoding: text.bytes, as: UTF8.self) == "Pakistan 's U.S.-based envoy")
}
