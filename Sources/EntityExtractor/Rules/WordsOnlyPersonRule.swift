import Foundation

/// A "person" made of dictionary words only, none of which news uses as a
/// name, is a phrase the tagger read as a name because of its capitals:
/// "Annual Subscription", "Weekly Pass", "Boot Camp", "Bad Optics". People
/// whose names are words keep them: "Mark Brown", "Rose Hill", "Theresa May"
/// have a word news capitalises mid-sentence (`NameWords`), "Will Dunham" a
/// word that is none.
enum WordsOnlyPersonRule {
    static let connectors: Set<[UInt8]> = Set(["of", "and", "the", "our", "&"].map { Array($0.utf8) })

    static func isPhrase(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText) -> Bool {
        guard label == .person, tokens.count >= 2 else { return false }
        for index in tokens {
            let word = CommonWords.folded(text.bytes[text.tokens[index].range])
            if connectors.contains(word) { continue }
            guard CommonWords.words.contains(word), !NameWords.words.contains(word) else { return false }
        }
        return true
    }
}

/// Dictionary words that news capitalises mid-sentence one time in five or
/// more (`Resources/name-words.txt`, learned by `scripts/build-gazetteers`
/// with `SentenceCaseWords`): names that are words ("brown", "mark", "may").
enum NameWords {
    static let words: Set<[UInt8]> = {
        guard let url = Bundle.module.url(forResource: "name-words", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "name-words", withExtension: "txt"),
              let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return Set(data.split(separator: 0x0A).map { Array($0) })
    }()
}
