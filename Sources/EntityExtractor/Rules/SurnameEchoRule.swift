/// A person's surname alone, later in the text, where neither the tagger nor a
/// list took it for a name: news names a person in full once and by surname
/// after ("Kirstie Alley spoke on the podcast. … Alley mused …"). The tagger
/// misses surnames that are also English words ("Alley", "Young", "Price") at
/// a sentence's start or beside other capitals; without these mentions a
/// claim's speaker and a timeline event's participant fall to someone else.
///
/// A capitalised token is such a mention when it is the last word of exactly
/// one multi-word person name found before it, is not already in a
/// candidate, and stands alone (no capitalised word after it, before it only a
/// title); a number after it makes it a date ("May 5"). At a sentence's start
/// a word of the dictionary needs a past tense or a listed verb after it
/// ("Young said", "Alley mused"; not "Young people", "Young voters").
enum SurnameEchoRule {
    static func candidates(after found: [Candidate], in text: TokenizedText, facts: TokenFacts) -> [Candidate] {
        let count = text.tokens.count
        // Surname (by the hash of its bytes, as written) -> the token after its first
        // full name, or nil when two people share it.
        var surnames: [UInt64: (from: Int, name: [UInt8])?] = [:]
        for candidate in found where candidate.type == .person && candidate.tokens.count >= 2 {
            let last = candidate.tokens.upperBound - 1
            guard facts.shape[last] == .capitalised else { continue }
            guard text.tokens[last].range.count >= 3 else { continue }
            let surname = NameKey.hash(text.bytes[text.tokens[last].range])
            let name = Array(text.bytes[candidate.bytes])
            switch surnames[surname] {
            case .none: surnames[surname] = (candidate.tokens.upperBound, name)
            case .some(.some(let known)) where known.name != name: surnames[surname] = .some(nil)
            case .some(.some(let known)): surnames[surname] = (min(known.from, candidate.tokens.upperBound), name)
            default: break
            }
        }
        guard !surnames.isEmpty else { return [] }
        var covered = [Bool](repeating: false, count: count)
        for candidate in found { for token in candidate.tokens where token < count { covered[token] = true } }
        var echoes: [Candidate] = []
        for index in 0..<count where !covered[index] && facts.shape[index] == .capitalised {
            let range = text.tokens[index].range
            guard let entry = surnames[NameKey.hash(text.bytes[range])] ?? nil, index >= entry.from else { continue }
            if index + 1 < count, facts.sentence[index + 1] == facts.sentence[index] {
                let next = text.bytes[text.tokens[index + 1].range]
                if facts.shape[index + 1].isUpperInitial { continue }
                if let first = next.first, first >= 0x30, first <= 0x39 { continue }
            }
            if index > 0, facts.sentence[index - 1] == facts.sentence[index], facts.shape[index - 1].isUpperInitial,
               !SpanEdgeRule.isTitle(hash: WordSet.hash(of: index - 1, in: text, bare: true)) { continue }
            if facts.startsSentence[index], CommonWords.contains(text.bytes[range]), !verbFollows(index, in: text, facts: facts) { continue }
            echoes.append(Candidate(bytes: range, tokens: index..<(index + 1), type: .person, entity: nil, entityType: nil,
                                    source: .rule, label: .person))
        }
        return echoes
    }

    /// Whether a lower-case word that reads as a verb ("said", "mused", "admitted", "says",
    /// "will", "has") or a possessive follows token `index` in its sentence.
    private static func verbFollows(_ index: Int, in text: TokenizedText, facts: TokenFacts) -> Bool {
        guard index + 1 < text.tokens.count, facts.sentence[index + 1] == facts.sentence[index] else { return false }
        let next = text.bytes[text.tokens[index + 1].range]
        guard let first = next.first, first &- 0x61 < 26 || first == 0x27 else { return false }
        if next.elementsEqual("'s".utf8) { return true }
        if auxiliaries.contains(next) { return true }
        // A past tense; a word in "-s" is as often a plural noun ("Young voters").
        return next.count >= 4 && next.suffix(2).elementsEqual("ed".utf8)
    }

    static let auxiliaries = WordSet("has had is was will would said says told tells adds added can could thinks writes")
}
