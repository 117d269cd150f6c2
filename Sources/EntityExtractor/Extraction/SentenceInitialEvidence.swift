/// A single dictionary word opening a sentence ("If", "There", "Expansion")
/// is capitalised because it opens the sentence; the tagger's span on it
/// stands only when the text also capitalises the word where no sentence
/// starts, in a line that is not a headline ("Reading" the club named again
/// mid-sentence, "Woods" after "Tiger"). `SentenceInitialRule` asks the
/// opposite question (is the word written in lower case here?); this one
/// covers the words a text never writes again, by asking for evidence of a
/// name instead of evidence of a word.
enum SentenceInitialEvidence {
    /// Whether the tagger span `tokens` is a lone sentence-initial dictionary
    /// word with no capitalised use elsewhere; `capitalisedElsewhere` answers
    /// `isCapitalisedElsewhere` for the folded word (callers cache it).
    static func lacksNameEvidence(_ tokens: Range<Int>, in text: TokenizedText, facts: TokenFacts,
                                  capitalisedElsewhere: ([UInt8]) -> Bool) -> Bool {
        guard tokens.count == 1, let first = tokens.first, facts.startsSentence[first] else { return false }
        let word = text.bytes[text.tokens[first].range]
        guard word.count > 1, CommonWords.contains(word) else { return false }
        return !capitalisedElsewhere(CommonWords.folded(word))
    }

    /// Whether `word` (folded) is written capitalised somewhere that starts
    /// no sentence and lies in no headline line.
    static func isCapitalisedElsewhere(_ word: [UInt8], in text: TokenizedText, facts: TokenFacts) -> Bool {
        let key = NameKey.foldedHash(word)
        return text.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in text.tokens.enumerated()
            where !facts.startsSentence[index] && facts.shape[index].isUpperInitial && token.range.count == word.count {
                if text.lines[facts.line[index]].kind == .headline { continue }
                if NameKey.foldedHash(bytes[token.range]) == key { return true }
            }
            return false
        }
    }
}
