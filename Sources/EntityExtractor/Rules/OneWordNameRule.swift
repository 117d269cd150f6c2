import Foundation

/// A one-word name the tagger found and no list knows, read again (a one-word
/// place needs a place's context too, `PlaceEvidenceRule`):
///
/// - a first name of people (`GivenNames`: "Kevin", "Donald") the tagger
///   called a place or an organisation is a person ("Kevin was snoring"), and
///   so is a name before "administration", "presidency" or "campaign" ("the
///   Obama administration");
/// - a dictionary word the tagger called an organisation or a person is a word
///   ("Resilience", "Section", "Letters"), unless news capitalises it as a
///   name (`NameWords`: "Congress", "Parliament", "Apple");
/// - an unlisted capital code the tagger called an organisation is a model
///   code when a model number follows it inside a sentence ("the GTX 1080
///   card", "the GTX 970,"): an organisation's acronym is followed by a
///   number only in a table's row ("PSV 2 Ajax 1"), where a name comes next.
enum OneWordNameRule {
    enum Verdict: Equatable {
        case keep
        case drop
        case person
    }

    /// Lower-case nouns a leader's surname goes before ("the Obama administration").
    static let leaderNouns = WordSet("administration presidency campaign")

    static func verdict(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText, gazetteer: Gazetteer,
                        dropWords: Bool) -> Verdict {
        guard tokens.count == 1 else { return .keep }
        let word = text.bytes[text.tokens[tokens.lowerBound].range]
        guard gazetteer.lookup(tokens: tokens, in: text) == nil else { return .keep }
        // A one-word "person" that is a dictionary word news never uses as a
        // name, nor a first name: "Partners", "Zones", "Center", "Daddy".
        if label == .person {
            let isWord = dropWords && !NameWords.words.contains(word) && !GivenNames.names.contains(word) && CommonWords.contains(word)
            return isWord ? .drop : .keep
        }
        guard label == .location || label == .organization else { return .keep }
        if GivenNames.names.contains(word) { return .person }
        // "the Obama administration", "the Biden campaign": a leader's name.
        let next = tokens.upperBound
        if next < text.tokens.count, text.bytes[text.tokens[next].range].first.map({ $0 &- 0x61 < 26 }) == true,
           leaderNouns.contains(text.bytes[text.tokens[next].range]) { return .person }
        if dropWords, label == .organization, !NameWords.words.contains(word), CommonWords.contains(word) {
            return .drop
        }
        if dropWords, label == .organization, isModelCode(tokens.lowerBound, in: text) { return .drop }
        return .keep
    }
}

extension OneWordNameRule {
    /// Token `index` is two to five capitals followed by a number of two to
    /// five digits and then by no capitalised word.
    static func isModelCode(_ index: Int, in text: TokenizedText) -> Bool {
        let word = text.bytes[text.tokens[index].range]
        guard (2...5).contains(word.count), word.allSatisfy({ $0 &- 0x41 < 26 }), index + 1 < text.tokens.count else { return false }
        let number = text.bytes[text.tokens[index + 1].range]
        guard (2...5).contains(number.count), number.allSatisfy({ $0 &- 0x30 < 10 }) else { return false }
        guard index + 2 < text.tokens.count, let next = text.bytes[text.tokens[index + 2].range].first else { return true }
        return !(next &- 0x41 < 26) && !(next &- 0x30 < 10)
    }
}

/// First names of people (`Resources/given-names.txt`): learned by
/// `scripts/build-gazetteers` from the person names of CoNLL++ train (the
/// first word of names of two words or more, seen twice, never a place or
/// organisation, and not a dictionary word).
enum GivenNames {
    static let names = WordSet(resource: "given-names")
}
