import DossierCore

/// Tells what kind of source a claim rests on (named, anonymous, none), its
/// role where the words say it, and the entity it names or refers to.
///
/// A source is named when an entity mention of a person, organisation or
/// country lies in it ("Pakistan's Ministry of Foreign Affairs", "Trump");
/// a pronoun or "the spokesman" is linked to the one person mentioned in the
/// sentences just before it, when exactly one is; everything else that
/// stands as a source is anonymous ("officials familiar with ...", "a source").
struct SourceClassifier {
    let text: ClaimText
    let mentions: [Mention]
    private let mentionIndex: SpanIndex
    /// Indices of `mentions` by start, and the highest sentence among the
    /// first k+1 of them: `precedingEntity` walks back from a claim and stops
    /// where no earlier mention can be in its three sentences.
    private let byStart: [Int]
    private let latestSentenceUpTo: [Int]
    /// For the mention at each position of `byStart` that is a person (or an
    /// organisation or country): the position of the last one before it that
    /// names another entity, or -1. `precedingEntity` jumps there over the
    /// mentions of one name: one person named thousands of times in a
    /// sentence with as many "he said" made its walk quadratic.
    private let previousOtherPerson: [Int]
    private let previousOtherBody: [Int]
    /// The last word of each person's name, lower-cased ("alley" for Kirstie Alley) -> the person and
    /// the byte where the text first names them; nil when two people share it.
    private let surnames: [String: (entity: String, firstStart: Int)?]
    /// Counts the steps of the scans per claim, for the scaling tests (`WorkCounter`).
    private let work = WorkCounter.current

    static let personTypes: Set<EntityType> = [.person]
    static let bodyTypes: Set<EntityType> = [.organization, .geopolitical]

    init(text: ClaimText, mentions: [Mention]) {
        self.text = text
        self.mentions = mentions
        mentionIndex = SpanIndex(mentions.map(\.byteRange))
        let byStart = mentions.indices.sorted { (mentions[$0].start, $0) < (mentions[$1].start, $1) }
        self.byStart = byStart
        var latest = Int.min
        latestSentenceUpTo = byStart.map { index in
            latest = max(latest, mentions[index].sentence)
            return latest
        }
        previousOtherPerson = Self.previousOtherEntity(mentions, byStart, types: Self.personTypes)
        previousOtherBody = Self.previousOtherEntity(mentions, byStart, types: Self.bodyTypes)
        var surnames: [String: (entity: String, firstStart: Int)?] = [:]
        for index in byStart where mentions[index].type == .person {
            let entity = mentions[index].entity
            guard let last = entity.split(separator: " ").last, entity.contains(" ") else { continue }
            let surname = last.lowercased()
            switch surnames[surname] {
            case .none: surnames[surname] = (entity, mentions[index].start - 1)
            case .some(.some(let known)) where known.entity != entity: surnames[surname] = .some(nil)
            default: break
            }
        }
        self.surnames = surnames
    }

    /// See `previousOtherPerson`; positions of mentions not of `types` hold the position before.
    private static func previousOtherEntity(_ mentions: [Mention], _ byStart: [Int], types: Set<EntityType>) -> [Int] {
        var result = [Int](repeating: -1, count: byStart.count)
        var lastOfTypes = -1
        for position in byStart.indices {
            let mention = mentions[byStart[position]]
            guard types.contains(mention.type) else {
                result[position] = position - 1
                continue
            }
            if lastOfTypes >= 0 {
                result[position] = mentions[byStart[lastOfTypes]].entity != mention.entity ? lastOfTypes : result[lastOfTypes]
            }
            lastOfTypes = position
        }
        return result
    }

    static let personPronouns: Set<String> = ["he", "she", "him", "her", "i"]
    static let subjectPronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "you"]
    static let descriptions: Set<String> = ["spokesman", "spokeswoman", "spokesperson", "minister", "president", "senator",
                                            "official", "ambassador", "secretary", "chairman", "candidate", "governor"]

    static let roles: [(SourceRole, Set<String>)] = [
        (.spokesperson, ["spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "representative",
                         "representatives", "mouthpiece"]),
        (.witness, ["witness", "witnesses", "eyewitness", "eyewitnesses", "resident", "residents", "bystander",
                    "bystanders", "onlookers", "survivor", "survivors", "neighbor", "neighbors", "neighbour", "neighbours",
                    "villagers", "passengers"]),
        (.expert, ["analyst", "analysts", "expert", "experts", "professor", "researcher", "researchers", "economist",
                   "economists", "scholar", "scholars", "observer", "observers", "strategist", "strategists",
                   "commentator", "commentators", "academic", "academics", "specialist", "specialists", "scientist",
                   "scientists", "pollster", "pollsters", "historian", "consultant"]),
        (.media, ["newspaper", "newspapers", "times", "post", "journal", "reuters", "bbc", "cnn", "magazine", "tv",
                  "television", "broadcaster", "outlet", "outlets", "media", "channel", "daily", "tribune", "guardian",
                  "telegraph", "herald", "gazette", "politico", "axios", "bloomberg", "msnbc", "nbc", "cbs", "abc",
                  "fox", "ap", "afp", "reporter", "reporters", "correspondent", "press", "news", "agency"]),
        (.document, ["report", "reports", "study", "studies", "poll", "polls", "survey", "surveys", "statement",
                     "statements", "document", "documents", "memo", "letter", "data", "records", "filing", "filings",
                     "analysis", "assessment", "assessments", "paper", "research", "dossier", "review", "audit", "census", "figures",
                     "release", "communique", "communiqué", "transcript", "cable", "complaint", "indictment", "ruling"]),
        (.official, ["official", "officials", "minister", "ministers", "ministry", "government", "governments",
                     "president", "secretary", "department", "administration", "police", "military", "army",
                     "governor", "senator", "senators", "lawmaker", "lawmakers", "diplomat", "diplomats", "ambassador",
                     "embassy", "authorities", "officer", "officers", "commander", "commanders", "prosecutor",
                     "prosecutors", "congressman", "congresswoman", "mayor", "cabinet", "parliament", "office",
                     "agency", "agencies", "general", "council", "court", "regime", "state", "ministries", "aide",
                     "aides", "adviser", "advisers", "advisor", "advisors", "chief", "leader", "leaders", "commission"]),
    ]

    func classify(_ claim: inout Claim) {
        guard let source = claim.source else {
            claim.kind = .none
            return
        }
        let tokens = tokens(in: source)
        let words = tokens.map { text.words[$0] }
        claim.role = role(words)
        // A name is the source's head when it ends the phrase ("Pakistan's Ministry of
        // Foreign Affairs") or starts it without a possessive ("Tina Brown, the
        // journalist"); "officials in Pakistan" and "chatter within Pakistan's
        // military" are not named sources.
        let anonymousHead = words.contains { Self.anonymousHeads.contains($0) }
        let capitalisedEnd = capitalisedOpeningEnd(tokens)
        let named = mentionIndex.candidates(overlapping: source).map { mentions[$0] }.filter { mention in
            guard mention.byteRange.overlaps(source), mention.type != .group, mention.type != .location else { return false }
            let endsPhrase = mention.byteRange.upperBound >= source.upperBound
            // "Dr Anthony Fauci, a key member of ...", "Axios' Kaveh Waddell": a name after
            // capitalised titles or an outlet's possessive starts the phrase as well.
            let opensPhrase = mention.byteRange.lowerBound <= source.lowerBound || mention.byteRange.lowerBound < capitalisedEnd
            let startsPhrase = opensPhrase && !self.possessive(after: mention.byteRange.upperBound)
            return startsPhrase || (endsPhrase && !anonymousHead)
        }
        if let mention = named.first(where: { $0.type == .person }) ?? named.first {
            claim.kind = .named
            claim.entity = mention.entity
            if claim.role == nil, mention.type == .geopolitical { claim.role = .official }
            return
        }
        let pronoun = words.count == 1 && Self.personPronouns.contains(words[0])
        let description = words.count == 2 && (words[0] == "the") && Self.descriptions.contains(words[1])
        if pronoun || description, let person = precedingEntity(before: source.lowerBound, types: Self.personTypes) {
            claim.kind = .named
            claim.entity = person
            return
        }
        // "Alley mused": a surname alone, which the extractor did not take for a name there,
        // is the one person named in full before it with that last name.
        if words.count <= 2, let last = tokens.last, text.isCapitalized(last),
           case .some(.some(let person)) = surnames[text.words[last]],
           person.firstStart < source.lowerBound {
            claim.kind = .named
            claim.entity = person.entity
            return
        }
        // "it said": the one organisation or country just before, when there is one.
        if words.count == 1, words[0] == "it", let body = precedingEntity(before: source.lowerBound, types: Self.bodyTypes) {
            claim.kind = .named
            claim.entity = body
            return
        }
        claim.kind = pronoun ? .named : .anonymous
    }

    /// The end of the source's opening run of capitalised words and possessives ("Dr
    /// Anthony Fauci", "Ex-Environment Secretary Theresa Villiers", "Axios' Kaveh Waddell"),
    /// up to its first lower-case word or punctuation: a name beginning in it begins the
    /// phrase, titles before it aside. The source's start when it opens with neither.
    private func capitalisedOpeningEnd(_ tokens: [Int]) -> Int {
        var end = tokens.first.map { text.tokenized.tokens[$0].range.lowerBound } ?? 0
        for token in tokens {
            let word = text.words[token]
            guard text.isCapitalized(token) || word == "'" || word == "’" || word == "'s" || word == "’s" else { break }
            end = text.tokenized.tokens[token].range.upperBound
        }
        return end
    }

    static let anonymousHeads: Set<String> = [
        "official", "officials", "source", "sources", "analyst", "analysts", "expert", "experts", "diplomat", "diplomats",
        "people", "person", "aide", "aides", "observer", "observers", "insider", "insiders", "someone", "chatter", "chatters",
        "circles", "quarters",
    ]

    private func possessive(after offset: Int) -> Bool {
        guard let token = firstToken(startingAtOrAfter: offset) else { return false }
        return text.words[token] == "'s" || text.words[token] == "’s" || text.words[token] == "'" || text.words[token] == "’"
    }

    /// The tokens overlapping `span`. Tokens are in order and do not overlap,
    /// so a binary search finds the first: a scan of every token for each
    /// claim made a long text quadratic.
    private func tokens(in span: ByteSpan) -> [Int] {
        let tokens = text.tokenized.tokens
        var index = firstIndex(in: tokens.count) { tokens[$0].range.upperBound > span.lowerBound }
        var result: [Int] = []
        while index < tokens.count, tokens[index].range.lowerBound < span.upperBound {
            if tokens[index].range.overlaps(span) { result.append(index) }
            index += 1
        }
        work?.add(result.count, ClaimExtractor.scanWork)
        return result
    }

    /// The first token starting at or after the byte `offset`.
    private func firstToken(startingAtOrAfter offset: Int) -> Int? {
        let tokens = text.tokenized.tokens
        let index = firstIndex(in: tokens.count) { tokens[$0].range.lowerBound >= offset }
        return index < tokens.count ? index : nil
    }

    /// The first index in 0..<count where `isPast` holds, for a predicate
    /// false and then true along the indices; `count` when it never holds.
    private func firstIndex(in count: Int, where isPast: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private func role(_ words: [String]) -> SourceRole? {
        for (role, keys) in Self.roles where words.contains(where: keys.contains) { return role }
        return nil
    }

    /// The entity of `types` a pronoun at `offset` refers to: the one named
    /// earlier in its own sentence when there is exactly one ("Pakistan said
    /// it has signed a pact with Bangladesh": Pakistan, not the later
    /// Bangladesh), else the one mentioned in the three sentences before, if
    /// exactly one.
    private func precedingEntity(before offset: Int, types: Set<EntityType>) -> String? {
        guard let token = firstToken(startingAtOrAfter: offset) else { return nil }
        let sentence = text.sentenceOf[token] + 1
        var inSentence: [String] = [], recent: [String] = []
        // From the last mention before `offset` back to where every earlier
        // one lies before the three sentences. Mentions by start run in
        // sentence order, so the pronoun's own sentence comes first.
        var position = firstIndex(in: byStart.count) { mentions[byStart[$0]].start - 1 >= offset } - 1
        let previousOther = types == Self.personTypes ? previousOtherPerson : previousOtherBody
        var steps = 0
        defer { work?.add(steps, ClaimExtractor.scanWork) }
        while position >= 0, latestSentenceUpTo[position] >= sentence - 3 {
            steps += 1
            let mention = mentions[byStart[position]]
            let visited = position
            position -= 1
            guard types.contains(mention.type), mention.byteRange.upperBound <= offset else { continue }
            if mention.sentence >= sentence {
                if !inSentence.contains(mention.entity) { inSentence.append(mention.entity) }
                if inSentence.count > 1 { return nil }
            } else if mention.sentence >= sentence - 3 {
                if !inSentence.isEmpty { return inSentence[0] }
                if !recent.contains(mention.entity) { recent.append(mention.entity) }
                if recent.count > 1 { return nil }
            } else {
                continue
            }
            // The mentions down to the last one naming another entity name
            // this one again (or are of other types): none changes the answer.
            position = min(position, previousOther[visited])
        }
        if !inSentence.isEmpty { return inSentence.count == 1 ? inSentence[0] : nil }
        return recent.count == 1 ? recent[0] : nil
    }
}
