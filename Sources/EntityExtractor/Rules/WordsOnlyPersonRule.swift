import Foundation

/// A "person" made of dictionary words only, none of which news uses as a
/// name, is a phrase the tagger read as a name because of its capitals:
/// "Annual Subscription", "Weekly Pass", "Boot Camp", "Bad Optics". People
/// whose names are words keep them: "Mark Brown", "Rose Hill", "Theresa May"
/// have a word news capitalises mid-sentence (`NameWords`), "Will Dunham" a
/// word that is none.
enum WordsOnlyPersonRule {
    static let connectors = WordSet("of and the our &")

    static func isPhrase(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText) -> Bool {
        guard label == .person, tokens.count >= 2 else { return false }
        for index in tokens {
            let word = text.bytes[text.tokens[index].range]
            if connectors.contains(word) { continue }
            guard !NameWords.words.contains(word), CommonWords.contains(word) else { return false }
        }
        return true
    }
}

/// Dictionary words that news capitalises mid-sentence one time in five or
/// more (`Resources/name-words.txt`, learned by `scripts/build-gazetteers`
/// with `SentenceCaseWords`): names that are words ("brown", "mark", "may").
enum NameWords {
    static let words = WordSet(resource: "name-words")
}
