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
///   name (`NameWords`: "Congress", "Parliament", "Apple").
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
        return .keep
    }
}

extension OneWordNameRule {
    /// A one-word "person" that is a dictionary word news also capitalises as
    /// a name (`NameWords`: "Pro", "Brown", "Trump") is the word, not a name,
    /// where a name would not stand and nothing in the text shows a person
    /// (`PersonEvidence`: a first name, the surname of a longer name, a
    /// reporting verb after it):
    ///
    /// - right after another capitalised word that is no title or role: the
    ///   last word of a product's name ("the iPad Pro", "MacBook Air"), which
    ///   the tagger also calls an organisation;
    /// - after an article and before a lower-case word that is no leader's
    ///   noun nor a function word: a word describing a noun ("the Pro model",
    ///   but "the Trump administration", "the Guardian in Dhaka");
    /// - at a sentence's start before a lower-case word, when the same text
    ///   writes the word as the last word of a product's name (the first case
    ///   above, somewhere else, outside any longer name the tagger or the
    ///   lists found: "The MacBook Pro is new. Pro users pay extra", but
    ///   "the White House … House members"). Without that sign the shape is a
    ///   subject's ("Trump supporters", "Brown said"), and the tagger's
    ///   reading stands.
    ///
    /// Elsewhere the tagger's person stands ("Trump responded"): the word
    /// alone cannot tell.
    static func dropWordsWithoutPersonEvidence(_ model: inout [Candidate], listed: [Candidate], in text: TokenizedText,
                                               facts: TokenFacts) {
        guard model.contains(where: { ($0.type == .person || $0.type == .organization) && $0.tokens.count == 1 }) else { return }
        let evidence = PersonEvidence(model, in: text)
        // Folded hashes of the words this text writes after a product's name, asked for once.
        var productWords: HashInterner?
        let taggerNames = model.filter { $0.tokens.count > 1 }
        model.removeAll { candidate in
            guard candidate.type == .person || candidate.type == .organization, candidate.tokens.count == 1 else { return false }
            let token = candidate.tokens.lowerBound
            guard CommonWords.contains(text.bytes[text.tokens[token].range]),
                  text.lines[facts.line[token]].kind != .dataRow else { return false }
            let next = token + 1
            guard token > 0, !facts.startsSentence[token] else {
                // At a sentence's start: a product's word only where the text shows it as one.
                guard next < text.tokens.count, facts.sentence[next] == facts.sentence[token], facts.shape[next] == .lower,
                      !SpanEdgeRule.functionWords.contains(text.bytes[text.tokens[next].range]) else { return false }
                if productWords == nil { productWords = productNameWords(in: text, facts: facts, names: taggerNames + listed) }
                guard productWords?.id(of: WordSet.hash(of: token, in: text)) != nil else { return false }
                return !evidence.shows(candidate.tokens, in: text)
            }
            let before = text.bytes[text.tokens[token - 1].range]
            let afterName = followsProductName(token, in: text, facts: facts)
            let describing = articles.contains(before) && next < text.tokens.count
                && facts.shape[next] == .lower && !leaderNouns.contains(text.bytes[text.tokens[next].range])
                && !SpanEdgeRule.functionWords.contains(text.bytes[text.tokens[next].range])
            guard afterName || (describing && candidate.type == .person) else { return false }
            return candidate.type == .organization || !evidence.shows(candidate.tokens, in: text)
        }
    }

    /// Whether the word at `token` stands inside a sentence right after
    /// another capitalised word that is no title or role: the last word of a
    /// product's name ("the iPad Pro"). "The Post", "This Week" at a
    /// sentence's start are no product's name, nor is a first name or a word
    /// capitalised only by its place ("Mark Brown", "Will Knight" alone on a
    /// byline's line).
    private static func followsProductName(_ token: Int, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard token > 0, !facts.startsSentence[token], facts.shape[token - 1].isUpperInitial else { return false }
        let before = text.bytes[text.tokens[token - 1].range]
        return !SpanEdgeRule.honorifics.containsBare(before) && !SpanEdgeRule.roles.contains(before)
            && !articles.contains(before) && !SpanEdgeRule.functionWords.contains(before)
            && !GivenNames.names.contains(before) && !NameWords.words.contains(before)
            && !(facts.startsSentence[token - 1] && CommonWords.contains(before))
    }

    /// The dictionary words this text writes after a product's name, by
    /// folded hash. Words inside a longer name found in the text are not
    /// counted: "House" of "the White House" is no product's word.
    private static func productNameWords(in text: TokenizedText, facts: TokenFacts, names: [Candidate]) -> HashInterner {
        var insideName = [Bool](repeating: false, count: text.tokens.count)
        for name in names where name.tokens.count > 1 {
            for token in name.tokens where token < insideName.count { insideName[token] = true }
        }
        var words = HashInterner()
        for token in text.tokens.indices where facts.shape[token].isUpperInitial && !insideName[token]
            && followsProductName(token, in: text, facts: facts) {
            let word = text.bytes[text.tokens[token].range]
            if CommonWords.contains(word) { _ = words.insert(WordSet.hash(of: token, in: text)) }
        }
        return words
    }

    private static let articles = WordSet("the a an")
}

/// First names of people (`Resources/given-names.txt`): learned by
/// `scripts/build-gazetteers` from the person names of CoNLL++ train (the
/// first word of names of two words or more, seen twice, never a place or
/// organisation, and not a dictionary word).
enum GivenNames {
    static let names = WordSet(resource: "given-names")
}
