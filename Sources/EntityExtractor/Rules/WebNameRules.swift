/// The rules for names on the web as analysts and OntoNotes read them
/// (`MentionPipeline.Options.webRules`; CoNLL scoring annotates otherwise),
/// gathered so the pipeline asks them in two places:
///
/// - `reviewListed`: listed names, after the gazetteers — short party codes
///   need their country (`ShortCodeContextRule`), a listed place before a
///   facility's head is that facility's name ("Dresden" of "Dresden Drive"),
///   and a listed name inside a longer organisation's name gives way to it
///   (`NestedNameRule`);
/// - `review`: each tagger span — its edges (`SpanEdgeRule`), organisations
///   going on over "of"/"for", people made of words (`WordsOnlyPersonRule`),
///   one-word names (`OneWordNameRule`), model codes before their number
///   (`ModelCodeRule`: "GTX 1080") and one-word places without a place's
///   context (`PlaceEvidenceRule`).
struct WebNameRules {
    let gazetteer: Gazetteer
    let webRules: Bool
    /// `PlaceEvidenceRule.standsAsPlace`'s answers, by hash of the folded word.
    private var placeAnswers: [UInt64: Bool] = [:]
    /// `ModelCodeRule.codes` of the text, found when a span first asks.
    private var modelCodes: HashInterner?
    /// Tagger spans that name a law, an event, an award or a product
    /// (`NonOrganisationHeadRule`): listed names inside them are no mentions.
    private(set) var namesOfNoEntity: [Range<Int>] = []

    /// Heads after which a listed place is part of a longer name: a
    /// facility's ("Dresden Drive") or a park's, which is also how suburbs are
    /// named ("St. Louis Park", "Washington Park": neither is the city or the state).
    static let longerNameHeads = WordSet(SpanEdgeRule.facilityHeadWords + " park")

    init(gazetteer: Gazetteer, webRules: Bool) {
        self.gazetteer = gazetteer
        self.webRules = webRules
    }

    func reviewListed(_ found: inout [Candidate], in text: TokenizedText, facts: TokenFacts) {
        ShortCodeContextRule.filter(&found, in: text, gazetteer: gazetteer)
        guard webRules else { return }
        found.removeAll { candidate in
            candidate.source == .gazetteer && candidate.tokens.upperBound < text.tokens.count
                && facts.shape[candidate.tokens.upperBound] == .capitalised
                && Self.longerNameHeads.containsBare(text.bytes[text.tokens[candidate.tokens.upperBound].range])
        }
        for candidate in found where candidate.source != .analyst && candidate.type != .organization && candidate.type != .person {
            let whole = text.tokens[candidate.tokens.lowerBound].range.lowerBound..<text.tokens[candidate.tokens.upperBound - 1].range.upperBound
            guard candidate.bytes == whole,
                  let run = NestedNameRule.organisation(around: candidate.tokens, in: text, facts: facts) else { continue }
            let bytes = text.tokens[run.lowerBound].range.lowerBound..<text.tokens[run.upperBound - 1].range.upperBound
            found.append(Candidate(bytes: bytes, tokens: run, type: .organization, entity: nil, entityType: nil,
                                   source: .model, label: .organization))
        }
    }

    /// The tokens and label a tagger span stands for, or nil when it is no name.
    mutating func review(_ tokens: Range<Int>, label taggerLabel: CoNLLLabel, in text: TokenizedText,
                         facts: TokenFacts) -> SpanEdgeRule.Result? {
        guard let edged = SpanEdgeRule.trimmed(tokens, label: taggerLabel, in: text, facts: facts, facilities: webRules) else {
            return nil
        }
        var (tokens, label) = (edged.tokens, edged.label)
        if webRules, NonOrganisationHeadRule.namesNoEntity(tokens, in: text, facts: facts) {
            namesOfNoEntity.append(tokens)
            return nil
        }
        if webRules, RoleInNameRule.endsInRole(tokens, label: label, in: text) { return nil }
        if webRules, let person = RoleInNameRule.person(in: tokens, label: label, in: text, facts: facts) {
            return SpanEdgeRule.Result(tokens: person, label: .person)
        }
        if webRules, label == .organization { tokens = SpanEdgeRule.extendedOrganisation(tokens, in: text, facts: facts) }
        if webRules, WordsOnlyPersonRule.isPhrase(tokens, label: taggerLabel, in: text) { return nil }
        if webRules, ModelCodeRule.isModelCode(tokens, in: text, facts: facts, gazetteer: gazetteer) { return nil }
        if webRules, tokens.count == 1, facts.shape[tokens.lowerBound] == .allCaps {
            if modelCodes == nil { modelCodes = ModelCodeRule.codes(in: text, facts: facts, gazetteer: gazetteer) }
            if let codes = modelCodes, ModelCodeRule.isNamedModel(tokens, in: text, facts: facts, codes: codes) { return nil }
        }
        switch OneWordNameRule.verdict(tokens, label: label, in: text, gazetteer: gazetteer, dropWords: webRules) {
        case .drop: return nil
        case .person: label = .person
        case .keep:
            if webRules, label == .location, tokens.count == 1, gazetteer.lookup(tokens: tokens, in: text) == nil {
                let word = text.bytes[text.tokens[tokens.lowerBound].range]
                let key = CommonWords.foldedHash(word)
                let isPlace = placeAnswers[key] ?? PlaceEvidenceRule.standsAsPlace(word, in: text, facts: facts, gazetteer: gazetteer)
                placeAnswers[key] = isPlace
                if !isPlace { return nil }
            }
        }
        return SpanEdgeRule.Result(tokens: tokens, label: label)
    }
}
