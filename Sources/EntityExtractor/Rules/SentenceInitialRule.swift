import Foundation

/// A capital at the start of a sentence or line says nothing: "Officials",
/// "Analysts", "Unlock", "Home", "Security officials" are words. A tagger span
/// that starts a sentence is dropped when it is
///
/// - one common English word (a lower-case entry of a dictionary) that is a
///   role noun of news ("Officials", "Sources"), that news writes in lower
///   case mid-sentence (`SentenceCaseWords`: "Updated", "Maybe", "Nobody"), or
///   that the text also uses in lower case ("Unlock ... want to unlock",
///   "Defense planners ... defense pact"); or
/// - a common word followed by lower-case words only ("Security officials").
///
/// Names that are words ("Woods", "Reading" the club) stay, and so do
/// multi-word names ("Federal Reserve", "Mark Brooks"). Names
/// a list vouches for are not asked: "China" and "Turkey" are common words too.
enum SentenceInitialRule {
    /// Plural nouns for the people news quotes without naming.
    static let roleNouns: Set<[UInt8]> = Set([
        "officials", "analysts", "sources", "experts", "observers", "diplomats", "authorities", "residents",
        "witnesses", "critics", "officers", "chatters", "insiders", "investigators", "lawmakers", "leaders",
        "militants", "police", "protesters", "rebels", "security", "soldiers", "troops", "villagers", "activists",
    ].map { Array($0.utf8) })

    /// `writesInLowerCase` answers `writesInLowerCase(_:in:facts:)` for the
    /// text, remembering its answers if it likes.
    static func isCommonWordSpan(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText, facts: TokenFacts,
                                 writesInLowerCase: ([UInt8]) -> Bool) -> Bool {
        guard let first = tokens.first, facts.startsSentence[first] else { return false }
        let word = text.bytes[text.tokens[first].range]
        guard CommonWords.contains(word) else { return false }
        if tokens.count == 1 {
            let key = CommonWords.folded(word)
            return roleNouns.contains(key) || SentenceCaseWords.words.contains(word) || writesInLowerCase(key)
        }
        return tokens.dropFirst().allSatisfy { facts.shape[$0] == .lower || facts.shape[$0] == .other }
    }

    /// Whether the text writes `word` (lower-cased) in lower case somewhere:
    /// a token of shape `.lower` with the same `NameKey.foldedHash`. Asked of
    /// a few words a text, so the tokens are scanned for each rather than all
    /// hashed up front; a lower-case token starts with the same byte as the
    /// word, which turns nearly all of them away before hashing. Callers keep
    /// the answers per word, so a long text asking often scans once a word.
    static func writesInLowerCase(_ word: [UInt8], in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard let firstByte = word.first else { return false }
        let key = NameKey.foldedHash(word)
        return text.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in text.tokens.enumerated()
            where facts.shape[index] == .lower && bytes[token.range.lowerBound] == firstByte {
                if NameKey.foldedHash(bytes[token.range]) == key { return true }
            }
            return false
        }
    }
}

/// The lower-case words of the wamerican word list (`Resources/common-words.txt`,
/// written by `scripts/build-gazetteers`), loaded once.
enum CommonWords {
    static let words: Set<[UInt8]> = {
        guard let url = Bundle.module.url(forResource: "common-words", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "common-words", withExtension: "txt"),
              let data = FileManager.default.contents(atPath: url.path) else { return [] }
        var words = Set<[UInt8]>(minimumCapacity: 70_000)
        var start = 0
        let bytes = [UInt8](data)
        for index in bytes.indices where bytes[index] == 0x0A {
            if index > start { words.insert(Array(bytes[start..<index])) }
            start = index + 1
        }
        return words
    }()

    static func contains(_ word: ArraySlice<UInt8>) -> Bool {
        words.contains(folded(word))
    }

    static func folded(_ word: ArraySlice<UInt8>) -> [UInt8] {
        word.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// `NameKey.hash(folded(word))`, without making the folded bytes.
    static func foldedHash(_ word: ArraySlice<UInt8>) -> UInt64 {
        NameKey.hash(word.lazy.map(asciiLowercased))
    }
}

/// Common words whose capital, in news, is only ever the one a sentence or a
/// line starts with (`Resources/sentence-case-words.txt`): learned by
/// `scripts/build-gazetteers` from where news corpora capitalise them
/// mid-sentence (at most one time in twenty). "Bill", "Mark", "China" are
/// capitalised mid-sentence often, and are not in it.
enum SentenceCaseWords {
    static let words = WordSet(resource: "sentence-case-words")
}
