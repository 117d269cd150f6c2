import Foundation

/// A one-word name the tagger found and no list knows, read again (a one-word
/// place needs a place's context too, `PlaceEvidenceRule`):
///
/// - a first name of people (`GivenNames`: "Kevin", "Donald") the tagger
///   called a place or an organisation is a person ("Kevin was snoring"), and
///   so is a name before "administration", "presidency" or "campaign" ("the
///   Obama administration");
/// - a dictionary word the tagger called an organisation is a word
///   ("Resilience", "Section", "Letters"), unless news capitalises it as a
///   name (`NameWords`: "Congress", "Parliament", "Apple").
enum OneWordNameRule {
    enum Verdict: Equatable {
        case keep
        case drop
        case person
    }

    /// Lower-case nouns a leader's surname goes before ("the Obama administration").
    static let leaderNouns: Set<[UInt8]> = Set(["administration", "presidency", "campaign"].map { Array($0.utf8) })

    static func verdict(_ tokens: Range<Int>, label: CoNLLLabel, in text: TokenizedText, gazetteer: Gazetteer,
                        dropWords: Bool) -> Verdict {
        guard tokens.count == 1, label == .location || label == .organization else { return .keep }
        let word = text.bytes[text.tokens[tokens.lowerBound].range]
        guard gazetteer.lookup(tokens: tokens, in: text) == nil else { return .keep }
        if GivenNames.names.contains(Array(word)) { return .person }
        // "the Obama administration", "the Biden campaign": a leader's name.
        let next = tokens.upperBound
        if next < text.tokens.count, leaderNouns.contains(Array(text.bytes[text.tokens[next].range])) { return .person }
        if dropWords, label == .organization, CommonWords.contains(word), !NameWords.words.contains(CommonWords.folded(word)) {
            return .drop
        }
        return .keep
    }
}

/// First names of people (`Resources/given-names.txt`): learned by
/// `scripts/build-gazetteers` from the person names of CoNLL++ train (the
/// first word of names of two words or more, seen twice, never a place or
/// organisation, and not a dictionary word).
enum GivenNames {
    static let names: Set<[UInt8]> = {
        guard let url = Bundle.module.url(forResource: "given-names", withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "given-names", withExtension: "txt"),
              let data = FileManager.default.contents(atPath: url.path) else { return [] }
        return Set(data.split(separator: 0x0A).map { Array($0) })
    }()
}
