import DossierCore

/// Nouns that report: "Trump's criticism of the deal", "his calls for an
/// inquiry", "amid allegations that she ...", "claims by intelligence
/// agencies that ...". PolNeAR's annotators mark them as attributions (the
/// possessor or the "by"/"from" phrase the source, the noun and its
/// preposition the cue, what follows the content); the verb rules read a
/// noun's determiner as its subject and built nothing, or a wrong claim.
///
/// Which nouns report is not listed here: the rule only reads a candidate the
/// cue classifier proposed, in a noun's position, and the claim scorer, trained
/// on the claims this builds, decides which are kept.
extension AttributionFinder {
    /// Possessive determiners: the possessor is the source ("his comments on").
    static let possessivePronouns: Set<String> = ["his", "her", "their", "its", "my", "our", "your"]
    /// Words a verb never follows directly, so the word after them is a noun: articles,
    /// demonstratives and prepositions (not "to", which takes infinitives).
    static let nounIntroducers: Set<String> = [
        "the", "a", "an", "this", "these", "those", "such", "any", "some", "amid", "against", "despite", "over",
        "about", "with", "without", "of", "by", "from", "for", "in", "on", "among", "following", "after", "before",
    ]
    /// Words after a reporting noun that introduce what it is about.
    static let nominalComplements: Set<String> = ["of", "for", "to", "about", "on", "against", "over", "regarding", "that"]
    /// Words after a reporting noun that introduce whose it is ("claims by", "criticism from").
    static let nominalAgents: Set<String> = ["by", "from"]
    /// Adjectives before a reporting noun that no suffix shows.
    static let plainAdjectives: Set<String> = [
        "new", "own", "many", "several", "fresh", "harsh", "strong", "latest", "recent", "public", "early", "other",
        "further", "first", "last", "more", "most", "few", "frequent", "loud", "broad", "widespread", "blunt",
    ]
    /// Adjective suffixes ("repeated", "controversial", "explosive", "dubious").
    static let adjectiveSuffixes = ["ed", "al", "ic", "ive", "ous", "est", "ful", "ent", "ant", "ary", "ible", "able", "ish"]

    /// Whether a lower-case word before a noun reads as its adjective.
    static func looksAdjectival(_ word: String) -> Bool {
        plainAdjectives.contains(word) || word.utf8.count > 4 && adjectiveSuffixes.contains { word.hasSuffix($0) }
    }

    /// Words that end a prepositional content ("criticism of the deal was ..."): a verb's auxiliaries.
    static let nominalContentStops: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
        "must", "did", "does", "do", "came", "comes", "drew", "draws",
    ]
}

extension AttributionFinder.Pass {
    /// What the candidate cue at `cueTokens` is when it stands as a noun.
    struct NominalReading {
        /// The claim built there, or nil when the noun has no complement (no claim at all:
        /// the verb rules would read its determiner as a subject).
        var claim: Claim?
    }

    /// The claim of a reporting noun at `cueTokens` (the noun, and a preposition after it when
    /// the lexicon joined them: "support for"), or nil when the word does not stand as a noun:
    /// after an article, demonstrative, preposition or possessive, past up to two modifiers
    /// ("his repeated calls for"), or opening its sentence before a preposition
    /// ("Support for Sanders has ...").
    func nominalClaim(_ cueTokens: Range<Int>, sentence: Range<Int>) -> NominalReading? {
        let c = cueTokens.lowerBound
        let word = text.words[c]
        // A participle is a verb or an adjective ("the widely reported claim"), never the noun.
        guard !word.hasSuffix("ed"), !text.isPunctuation(c), !AttributionFinder.auxiliaries.contains(word) else { return nil }
        // Only the noun, or the noun and its preposition; a longer cue holds a verb.
        let joinedPreposition = cueTokens.count == 2 && AttributionFinder.nominalComplements.contains(text.words[c + 1])
            && text.words[c + 1] != "that"
        guard cueTokens.count == 1 || joinedPreposition else { return nil }
        guard let position = nounPosition(c, sentence: sentence) else { return nil }

        var after = cueTokens.upperBound
        var source: Range<Int>?
        if case .owned(let possessor) = position { source = possessor }
        var cueEnd = cueTokens.upperBound
        // "claims by intelligence agencies that ...": the agent after the noun is whose it is.
        if !joinedPreposition, source == nil, after < sentence.upperBound, AttributionFinder.nominalAgents.contains(text.words[after]) {
            let start = after + 1
            var end = start
            while end < sentence.upperBound, end - start < finder.maximumSourceTokens, !isRightBoundary(end) || text.words[end] == "of",
                  text.words[end] != "," { end += 1 }
            guard end > start else { return NominalReading(claim: nil) }
            source = start..<end
            after = end
        }
        var content: [ByteSpan] = []
        if joinedPreposition {
            content = nominalContent(from: after, sentence: sentence)
        } else if after < sentence.upperBound, text.words[after] == "that" {
            // "allegations that she ...": the clause, as a verb's.
            content = indirect(from: after, sentence: sentence)
        } else if after < sentence.upperBound, AttributionFinder.nominalComplements.contains(text.words[after]) {
            cueEnd = after + 1
            content = nominalContent(from: after + 1, sentence: sentence)
        }
        guard !content.isEmpty else { return NominalReading(claim: nil) }
        let cueSpan = text.span(c..<cueEnd)
        return NominalReading(claim: Claim(source: source.map { text.span($0) }, cue: cueSpan, content: content,
                                           sentence: text.sentenceOf[c] + 1))
    }

    /// How a word stands as a noun: with no possessor ("the", "amid"), or with one.
    enum NounPosition {
        case unowned
        /// "Trump's", "the senator's", "his": the possessor's tokens.
        case owned(Range<Int>)
    }

    /// Whether the word at `noun` stands as a noun, and its possessor if it has one.
    private func nounPosition(_ noun: Int, sentence: Range<Int>) -> NounPosition? {
        var left = noun - 1
        var modifiers = 0
        // Up to two adjectives ("his repeated calls", "the new claims"); a noun there would be
        // the subject of a verb ("the senator calls for").
        while left >= sentence.lowerBound, modifiers < 2, !text.isCapitalized(left), !cue[left],
              AttributionFinder.looksAdjectival(text.words[left]) {
            left -= 1
            modifiers += 1
        }
        // "Support for Sanders has been strongest": a sentence opening with the noun.
        if left < sentence.lowerBound {
            return modifiers == 0 && text.isCapitalized(noun) ? .unowned : nil
        }
        let before = text.words[left]
        if AttributionFinder.nounIntroducers.contains(before) { return .unowned }
        if AttributionFinder.possessivePronouns.contains(before) { return .owned(left..<(left + 1)) }
        // "Trump's", "Democrats'": the possessor's phrase. "he's" is "he is".
        guard before == "'s" || before == "’s" || before == "'" || before == "’", left - 1 >= sentence.lowerBound,
              !SourceClassifier.subjectPronouns.contains(text.words[left - 1]) else { return nil }
        let last = left - 1
        var first = last
        if text.isCapitalized(last) {
            // A name: its capitalised words and the dots of initials ("Mr. Trump's").
            while first - 1 >= sentence.lowerBound, last - first < finder.maximumSourceTokens,
                  text.isCapitalized(first - 1) || text.words[first - 1] == "." && first - 2 >= sentence.lowerBound && text.isCapitalized(first - 2) {
                first -= 1
            }
        } else {
            // A description: back to its article within four words ("the senator's").
            var look = last
            while look >= sentence.lowerBound, last - look < 4, !text.isPunctuation(look) {
                if ["the", "a", "an"].contains(text.words[look]) { break }
                look -= 1
            }
            guard look >= sentence.lowerBound, ["the", "a", "an"].contains(text.words[look]) else { return nil }
            first = look
        }
        return .owned(first..<(last + 1))
    }

    /// What a reporting noun's preposition introduces ("criticism of the deal drew ..."): to the
    /// next comma, auxiliary or cue, at most the sentence's content end.
    private func nominalContent(from start: Int, sentence: Range<Int>) -> [ByteSpan] {
        let limit = contentEnd(sentence)
        guard start < limit, !text.isPunctuation(start) || text.quotes[start] == .open else { return [] }
        if text.words[start] == "that" { return indirect(from: start, sentence: sentence) }
        var end = start
        while end < limit, end - start < 30 {
            let word = text.words[end]
            if end > start, word == "," || word == ";" || word == ":" || AttributionFinder.dashes.contains(word)
                || AttributionFinder.nominalContentStops.contains(word) || cue[end] { break }
            end += 1
        }
        return end > start ? [text.span(start..<end)] : []
    }
}
