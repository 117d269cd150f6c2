/// An unlisted one-word "place" the tagger found is a place when the text
/// somewhere puts it where places go: after a preposition of place ("in
/// Copperfield", "the Copperfield area" after "in the"), before a comma and a
/// listed place or a state's abbreviation ("Brookhaven, Georgia", "Flint,
/// Mich."), or listed with a listed place ("Seoul, Daejeon and Cheongju"). Words the tagger calls places for
/// their capital alone ("Obamacare", "Omicron", "Halloween", "VA") have no
/// such use and are dropped.
enum PlaceEvidenceRule {
    static let prepositions = WordSet("in at from near across outside inside around toward towards visit visited visiting")
    static let determiners = WordSet("the a an northern southern eastern western central downtown suburban rural nearby")
    static let conjunctions = WordSet("and or")

    /// Whether `word` stands somewhere in `text` as a place would. Only the
    /// word's own occurrences are looked at (same folded bytes), so asking
    /// costs a pass over the tokens' first bytes and little more.
    static func standsAsPlace(_ word: ArraySlice<UInt8>, in text: TokenizedText, facts: TokenFacts, gazetteer: Gazetteer) -> Bool {
        guard let first = word.first else { return false }
        let key = CommonWords.foldedHash(word)
        let firstFolded = asciiLowercased(first)
        for (index, token) in text.tokens.enumerated()
        where facts.shape[index].isUpperInitial && asciiLowercased(text.bytes[token.range.lowerBound]) == firstFolded
            && CommonWords.foldedHash(text.bytes[token.range]) == key {
            if isPlaceLike(at: index, in: text, facts: facts, gazetteer: gazetteer) { return true }
        }
        return false
    }

    private static func isPlaceLike(at index: Int, in text: TokenizedText, facts: TokenFacts, gazetteer: Gazetteer) -> Bool {
        let count = text.tokens.count
        var previous = index - 1
        while previous >= 0, determiners.contains(text.bytes[text.tokens[previous].range]) { previous -= 1 }
        let afterPreposition = previous >= 0 && prepositions.contains(text.bytes[text.tokens[previous].range])
        var beforePlace = false
        if index + 2 < count, text.bytes[text.tokens[index + 1].range].elementsEqual([0x2C]),
           let entry = gazetteer.longestMatch(in: text, at: index + 2)?.entry, entry.isPolity {
            beforePlace = true
        }
        func isComma(_ token: Int) -> Bool { token >= 0 && token < count && text.bytes[text.tokens[token].range].elementsEqual([0x2C]) }
        func isAbbreviation(_ token: Int) -> Bool {
            guard token >= 0, token < count, facts.shape[token].isUpperInitial else { return false }
            let bytes = text.bytes[text.tokens[token].range]
            return bytes.count <= 6 && bytes.last == 0x2E
        }
        func isListedPlace(_ token: Int) -> Bool {
            token >= 0 && token < count && gazetteer.lookup(tokens: token..<(token + 1), in: text)?.isPolity == true
        }
        // "Flint, Mich.", a dateline "HEMPSTEAD, N.Y.", and "Mich." itself.
        let beforeAbbreviation = isComma(index + 1) && isAbbreviation(index + 2)
        let abbreviationAfterPlace = isComma(index - 1) && isAbbreviation(index)
        // "Seoul, Daejeon and Cheongju": listed with a listed place.
        let coordinated = (isComma(index - 1) || (index >= 1 && conjunctions.contains(text.bytes[text.tokens[index - 1].range])))
            && (isListedPlace(index - 2) || (isComma(index + 1) && isListedPlace(index + 2)))
        return afterPreposition || beforePlace || beforeAbbreviation || abbreviationAfterPlace || coordinated
    }
}
