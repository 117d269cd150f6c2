import DossierCore

/// Gathers candidates from every source for one text, in order of trust, and
/// keeps the ones that win (`CandidateSelection`):
///
/// 1. the analyst's lexicon, longest match first;
/// 2. acronym definitions and every use of a defined acronym;
/// 3. gazetteer names (demonyms become NORP mentions of their country), and
///    names inside hyphenated words;
/// 4. the tagger's spans, mapped to `EntityType`, less those the headline and
///    sentence-initial rules reject;
/// 5. a person's surname alone after the full name (`SurnameEchoRule`).
struct MentionPipeline {
    struct Options {
        /// Look inside hyphenated words ("Bangladesh-based"): off for CoNLL
        /// scoring, whose gold spans are whole tokens.
        var hyphenParts = true
        /// Headline lines keep only listed names: off for CoNLL, whose
        /// headlines are annotated like prose.
        var headlines = true
        /// Keep the tagger's MISC spans that are not NORP (for CoNLL scoring).
        var keepMiscellaneous = false
        /// The tagger outranks the gazetteers (for CoNLL scoring, see `CandidateSelection`).
        var modelFirst = false
        /// Take "'s" off the end of tagger spans; CoNLL keeps it ("Lord 's").
        var trimPossessives = true
        /// Rules for names as OntoNotes and analysts see them, which CoNLL
        /// annotates otherwise (`WebNameRules`): facilities, one-word names
        /// without a place's context, "people" made of words, listed names
        /// inside organisation names.
        var webRules = true
    }

    let gazetteer: Gazetteer
    /// The analyst's lexicon as a gazetteer of its own.
    let analyst: Gazetteer
    let options: Options

    init(gazetteer: Gazetteer, lexicon: AnalystLexicon, options: Options = Options()) {
        self.gazetteer = gazetteer
        self.analyst = lexicon.gazetteer
        self.options = options
    }

    func candidates(_ text: TokenizedText, modelSpans: [TaggedSpan]) -> (candidates: [Candidate], facts: TokenFacts) {
        let facts = TokenFacts(text)
        guard !text.tokens.isEmpty else { return ([], facts) }
        var found: [Candidate] = []

        // 1. The analyst's names.
        var index = 0
        while index < text.tokens.count {
            if let match = analyst.longestMatch(in: text, at: index) {
                found.append(Candidate(bytes: byteRange(match.tokens, text), tokens: match.tokens, type: match.entry.type,
                                       entity: match.entry.name, entityType: match.entry.type, source: .analyst,
                                       label: ModelSpanTyping.label(for: match.entry.type)))
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }

        // 2. Acronyms the text defines.
        // "Affordable Care Act (ACA)": a law's acronym names no entity either,
        // wherever the text uses it (`NoEntityAcronyms`).
        var noEntityAcronyms = NoEntityAcronyms()
        // "Al Unser Jr (U.S.)" gives a nationality, not a definition.
        let definitions = AcronymDefinitionRule.definitions(in: text, facts: facts).filter { definition in
            if options.webRules, NonOrganisationHeadRule.namesNoEntity(definition.longForm, in: text, facts: facts) {
                noEntityAcronyms.insert(definition.acronym)
                return false
            }
            guard let entry = gazetteer.lookup(word: definition.acronym[...]) else { return true }
            return entry.type == .organization || entry.type == .person
        }
        var defined: [[UInt8]: Candidate] = [:]
        for definition in definitions {
            let long = longFormCandidate(definition, text: text, modelSpans: modelSpans)
            found.append(long)
            var short = long
            short.bytes = text.tokens[definition.acronymToken].range
            short.tokens = definition.acronymToken..<(definition.acronymToken + 1)
            short.source = .rule
            found.append(short)
            if defined[definition.acronym] == nil { defined[definition.acronym] = short }
        }
        for use in AcronymDefinitionRule.uses(of: definitions, in: text) {
            guard var candidate = defined[use.definition.acronym] else { continue }
            candidate.bytes = text.tokens[use.token].range
            candidate.tokens = use.token..<(use.token + 1)
            found.append(candidate)
        }

        // 3. Gazetteer names, and names inside hyphenated words. A name in
        // any case counts only from a capitalised token, and one kept with
        // its case has no lower-case letter: a token starting with an ASCII
        // lower-case letter (two in three) starts no name, and is not asked.
        index = 0
        while index < text.tokens.count {
            let range = text.tokens[index].range
            let startsLower = !range.isEmpty && text.bytes[range.lowerBound] &- 0x61 < 26
            if !startsLower, let match = gazetteer.longestMatch(in: text, at: index),
               match.isExactCase || facts.shape[index].isUpperInitial,
               CompanyWordRule.accepts(match.entry, at: match.tokens, in: text, facts: facts) {
                if let candidate = gazetteerCandidate(match.entry, bytes: byteRange(match.tokens, text), tokens: match.tokens) {
                    found.append(candidate)
                }
                index = match.tokens.upperBound
                continue
            }
            // Asked first: few tokens have a hyphen, and the rule's call cost
            // more than the answer.
            if options.hyphenParts, HyphenatedWordRule.hasHyphen(text.tokens[index].range, in: text.bytes) {
                found += HyphenatedWordRule.candidates(in: text, token: index) { range in
                    partCandidate(range, text: text, defined: defined)
                }
            }
            index += 1
        }

        var webNames = WebNameRules(gazetteer: gazetteer, webRules: options.webRules)
        webNames.reviewListed(&found, in: text, facts: facts)

        // 4. The tagger.
        // Only a line in headline casing needs the rule: in a byline, a
        // dateline or a row of results the capitals are the names (`LineKind`).
        var headlines = options.headlines ? HeadlineRule.headlineLines(in: text, facts: facts) : []
        for (index, line) in text.lines.enumerated() where index < headlines.count && !line.kind.capitalisesCommonWords {
            headlines[index] = false
        }
        let typing = ModelSpanTyping(gazetteer: gazetteer)
        var model: [Candidate] = []
        var lowerCaseAnswers: [[UInt8]: Bool] = [:]
        var capitalisedAnswers: [[UInt8]: Bool] = [:]
        var calendarWidget: Bool?
        for span in modelSpans {
            guard let possessiveFree = cleaned(span.tokens, text: text, facts: facts),
                  let reviewed = webNames.review(possessiveFree, label: span.label, in: text, facts: facts) else { continue }
            let (tokens, label) = (reviewed.tokens, reviewed.label)
            if CalendarWordRule.isDate(tokens, in: text, facts: facts, hasCalendarWidget: {
                if let known = calendarWidget { return known }
                let answer = CalendarWordRule.hasCalendarWidget(in: text, facts: facts)
                calendarWidget = answer
                return answer
            }) { continue }
            if SentenceInitialRule.isCommonWordSpan(tokens, label: label, in: text, facts: facts, writesInLowerCase: { word in
                if let known = lowerCaseAnswers[word] { return known }
                let answer = SentenceInitialRule.writesInLowerCase(word, in: text, facts: facts)
                lowerCaseAnswers[word] = answer
                return answer
            }) { continue }
            if SentenceInitialEvidence.lacksNameEvidence(tokens, in: text, facts: facts, capitalisedElsewhere: { word in
                if let known = capitalisedAnswers[word] { return known }
                let answer = SentenceInitialEvidence.isCapitalisedElsewhere(word, in: text, facts: facts)
                capitalisedAnswers[word] = answer
                return answer
            }) { continue }
            guard let type = typing.type(of: label, tokens: tokens, in: text) else {
                if options.keepMiscellaneous {
                    model.append(Candidate(bytes: byteRange(tokens, text), tokens: tokens, type: .group, entity: nil,
                                           entityType: nil, source: .model, label: label, isMiscellaneous: true))
                }
                continue
            }
            model.append(Candidate(bytes: byteRange(tokens, text), tokens: tokens, type: type, entity: nil,
                                   entityType: nil, source: .model, label: label))
        }
        if !headlines.isEmpty {
            // In a headline, a tagger span stands only when the same words are a
            // tagger span in the body too.
            // A person's surname alone counts ("Sharif" after "Shehbaz Sharif").
            // By hash of the words' folded bytes: a set of byte arrays cost an
            // allocation per span.
            var bodyTexts = HashInterner()
            for candidate in model where !headlines[facts.line[candidate.tokens.lowerBound]] {
                _ = bodyTexts.insert(CommonWords.foldedHash(text.bytes[candidate.bytes]))
                if candidate.type == .person, let last = candidate.tokens.last {
                    _ = bodyTexts.insert(CommonWords.foldedHash(text.bytes[text.tokens[last].range]))
                }
            }
            model.removeAll { candidate in
                headlines[facts.line[candidate.tokens.lowerBound]]
                    && bodyTexts.id(of: CommonWords.foldedHash(text.bytes[candidate.bytes])) == nil
            }
        }
        if options.webRules { OneWordNameRule.dropWordsWithoutPersonEvidence(&model, listed: found, in: text, facts: facts) }
        found += model
        // 5. A person's surname alone after the full name, where nothing above took it ("Alley mused").
        if options.webRules { found += SurnameEchoRule.candidates(after: found, in: text, facts: facts) }
        if !webNames.namesOfNoEntity.isEmpty {
            found.removeAll { candidate in
                candidate.source != .analyst && webNames.namesOfNoEntity.contains { span in
                    span.lowerBound <= candidate.tokens.lowerBound && candidate.tokens.upperBound <= span.upperBound
                }
            }
            for span in webNames.namesOfNoEntity { noEntityAcronyms.insertInitials(of: span, in: text, facts: facts) }
        }
        if !noEntityAcronyms.isEmpty {
            found.removeAll { noEntityAcronyms.names($0, in: text) }
        }
        return (CandidateSelection.select(found, in: text, facts: facts, modelFirst: options.modelFirst), facts)
    }

    private func byteRange(_ tokens: Range<Int>, _ text: TokenizedText) -> Range<Int> {
        text.tokens[tokens.lowerBound].range.lowerBound..<text.tokens[tokens.upperBound - 1].range.upperBound
    }

    private func gazetteerCandidate(_ entry: GazetteerEntry, bytes: Range<Int>, tokens: Range<Int>) -> Candidate? {
        if entry.type == .group {
            return DemonymRule.candidate(for: entry, bytes: bytes, tokens: tokens, gazetteer: gazetteer)
        }
        return Candidate(bytes: bytes, tokens: tokens, type: entry.type, entity: entry.name, entityType: entry.type,
                         source: .gazetteer, label: ModelSpanTyping.label(for: entry.type), isWeak: entry.isWeak)
    }

    /// What one part of a hyphenated word names: an analyst's name, a defined
    /// acronym, or a gazetteer name; always found by the hyphen rule.
    private func partCandidate(_ range: Range<Int>, text: TokenizedText, defined: [[UInt8]: Candidate]) -> Candidate? {
        let part = text.bytes[range]
        if let entry = analyst.lookup(word: part) {
            return Candidate(bytes: range, tokens: 0..<1, type: entry.type, entity: entry.name, entityType: entry.type,
                             source: .analyst, label: ModelSpanTyping.label(for: entry.type))
        }
        if let candidate = defined[Array(part)] { return candidate }
        guard let entry = gazetteer.lookup(word: part), entry.type != .person else { return nil }
        var candidate = gazetteerCandidate(entry, bytes: range, tokens: 0..<1)
        candidate?.source = .rule
        return candidate
    }

    /// The long form of a definition, typed by the analyst, the gazetteer, the
    /// tagger (a span on exactly those tokens), or else as an organisation.
    private func longFormCandidate(_ definition: AcronymDefinitionRule.Definition, text: TokenizedText,
                                   modelSpans: [TaggedSpan]) -> Candidate {
        let tokens = definition.longForm
        let bytes = byteRange(tokens, text)
        let written = String(decoding: text.bytes[bytes], as: UTF8.self)
        let acronym = String(decoding: definition.acronym, as: UTF8.self)
        for source in [analyst, gazetteer] {
            if let entry = source.lookup(written) ?? acronymEntry(acronym, in: source, matching: written), entry.type != .group {
                return Candidate(bytes: bytes, tokens: tokens, type: entry.type, entity: entry.name, entityType: entry.type,
                                 source: source === gazetteer ? .gazetteer : .analyst, label: ModelSpanTyping.label(for: entry.type))
            }
        }
        var type = EntityType.organization
        if let span = modelSpans.first(where: { $0.tokens == tokens }),
           let modelType = ModelSpanTyping(gazetteer: gazetteer).type(of: span.label, tokens: tokens, in: text) {
            type = modelType
        }
        return Candidate(bytes: bytes, tokens: tokens, type: type, entity: normalisedSpaces(written), entityType: type,
                         source: .rule, label: ModelSpanTyping.label(for: type))
    }

    /// The entry an acronym names in `source`, when its canonical name reads as
    /// the written long form (same letters, spacing and case aside).
    private func acronymEntry(_ acronym: String, in source: Gazetteer, matching written: String) -> GazetteerEntry? {
        guard let entry = source.lookup(acronym) else { return nil }
        let letters = { (s: String) in s.lowercased().filter { $0.isLetter } }
        return letters(entry.name) == letters(written) ? entry : nil
    }

    /// A tagger span without trailing possessives, starting after an inner
    /// possessive whose owner is a listed name ("Pakistan's Ministry of Foreign
    /// Affairs" -> "Ministry of Foreign Affairs"); nil when nothing of it is a name.
    private func cleaned(_ span: Range<Int>, text: TokenizedText, facts: TokenFacts) -> Range<Int>? {
        var tokens = options.trimPossessives ? PossessiveRule.trimmed(span, in: text) : span
        if let inner = tokens.dropLast().lastIndex(where: { PossessiveRule.isPossessive(text.bytes[text.tokens[$0].range]) }),
           inner > tokens.lowerBound {
            let owner = String(decoding: text.bytes[byteRange(tokens.lowerBound..<inner, text)], as: UTF8.self)
            if gazetteer.lookup(owner) != nil || analyst.lookup(owner) != nil {
                tokens = (inner + 1)..<tokens.upperBound
            }
        }
        guard !tokens.isEmpty, tokens.contains(where: { facts.shape[$0].isUpperInitial }) else { return nil }
        return tokens
    }

    private func normalisedSpaces(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }
}
