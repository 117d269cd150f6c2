import DossierCore

/// Finds the named entities of a text: people, organisations, places and
/// groups, each with its canonical entity, byte offsets and sentence.
///
/// The tagger proposes, the rules and lists dispose: the analyst's lexicon is
/// matched first and wins over everything, then acronym definitions, demonyms
/// and names inside hyphenated words, then the gazetteers, then the tagger's
/// spans that the headline and sentence-start rules let through
/// (`MentionPipeline`, `CandidateSelection`). `EntityResolver` then names each
/// mention's entity. Every mention says which source found it.
///
///     let extractor = try EntityExtractor.bundled()
///     for mention in extractor.extract(article.body) { ... }
///
/// Immutable, so one instance serves every thread.
public final class EntityExtractor: Sendable {
    public let gazetteer: Gazetteer
    /// Used by `mentions(in:)` (the store's ingest); `extract` takes its own.
    public let lexicon: AnalystLexicon
    private let tagger: @Sendable (TokenizedText) -> [TaggedSpan]
    private let modelVersion: String

    /// The bundled model and gazetteers (`shared()` keeps one for the process).
    public static func bundled() throws -> EntityExtractor {
        EntityExtractor(model: try NERModel.bundled(), gazetteer: try Gazetteer.bundled())
    }

    public init(model: NERModel, gazetteer: Gazetteer, lexicon: AnalystLexicon = AnalystLexicon()) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.tagger = { model.tag($0) }
        self.modelVersion = "model \(NERModel.featureVersion).\(model.featureCount)"
    }

    /// Any tagger, for tests of the rules without a trained model.
    init(gazetteer: Gazetteer, lexicon: AnalystLexicon = AnalystLexicon(),
         tagger: @escaping @Sendable (TokenizedText) -> [TaggedSpan]) {
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.tagger = tagger
        self.modelVersion = "custom tagger"
    }

    private init(_ other: EntityExtractor, lexicon: AnalystLexicon) {
        gazetteer = other.gazetteer
        tagger = other.tagger
        modelVersion = other.modelVersion
        self.lexicon = lexicon
    }

    /// The same extractor with another analyst lexicon for `mentions(in:)`.
    public func with(lexicon: AnalystLexicon) -> EntityExtractor {
        EntityExtractor(self, lexicon: lexicon)
    }

    /// The mentions of `text`, sorted by start; offsets are 1-based inclusive
    /// byte positions into its UTF-8.
    public func extract(_ text: String, lexicon: AnalystLexicon = AnalystLexicon()) -> [Mention] {
        // Nothing is started past a time budget (`WorkDeadline`).
        var deadline = DeadlineCheck()
        if deadline.hasPassedNow() { return [] }
        return extract(TokenizedText(text: text), lexicon: lexicon)
    }

    /// A text confidently in another language than English gives no mentions
    /// (`LanguageGuess`): the model and lists would read its nouns as names.
    public func extract(_ tokenized: TokenizedText, lexicon: AnalystLexicon = AnalystLexicon()) -> [Mention] {
        if tokenized.bytes.withUnsafeBufferPointer(LanguageGuess.isConfidentlyNotEnglish) { return [] }
        let pipeline = MentionPipeline(gazetteer: gazetteer, lexicon: lexicon)
        // Past a time budget (`WorkDeadline`) the answer is thrown away: the
        // stages after the tagger are not run.
        var deadline = DeadlineCheck()
        let spans = tagger(tokenized)
        if deadline.hasPassedNow() { return [] }
        let (candidates, facts) = pipeline.candidates(tokenized, modelSpans: spans)
        if deadline.hasPassedNow() { return [] }
        var listings: [EntityResolver.Listing?] = []
        listings.reserveCapacity(candidates.count)
        let mentions = candidates.map { candidate in
            let text = String(decoding: tokenized.bytes[candidate.bytes], as: UTF8.self)
            // The resolver looks up mentions named by their own text; for one
            // covering whole tokens, the text's tokens say what the lists hold
            // (`Gazetteer.lookup(tokens:in:)`: no re-cutting out of context).
            let wholeTokens = candidate.bytes == tokenized.tokens[candidate.tokens.lowerBound].range.lowerBound
                ..< tokenized.tokens[candidate.tokens.upperBound - 1].range.upperBound
            if candidate.source != .analyst, candidate.entity == nil || candidate.entity == text, wholeTokens {
                listings.append(EntityResolver.Listing(analyst: pipeline.analyst.lookup(tokens: candidate.tokens, in: tokenized),
                                                       gazetteer: gazetteer.lookup(tokens: candidate.tokens, in: tokenized)))
            } else {
                listings.append(nil)
            }
            return Mention(text: text, type: candidate.type, entity: candidate.entity ?? text,
                           entityType: candidate.entityType, start: candidate.bytes.lowerBound + 1,
                           stop: candidate.bytes.upperBound, sentence: facts.sentence[candidate.tokens.lowerBound] + 1,
                           source: candidate.source)
        }
        return EntityResolver(gazetteer: gazetteer, lexicon: lexicon, analyst: pipeline.analyst)
            .resolve(mentions, listings: listings)
    }

    /// The extractor's entities as CoNLL spans over whole tokens, for scoring
    /// against CoNLL-2003: PERSON -> PER, ORG -> ORG, GPE and LOC -> LOC, NORP
    /// and the tagger's other MISC -> MISC. Headline lines are treated as prose
    /// and hyphenated words are not looked inside, as CoNLL annotates them; no
    /// analyst lexicon applies.
    public func conllSpans(_ tokenized: TokenizedText) -> [(tokens: Range<Int>, label: CoNLLLabel)] {
        let options = MentionPipeline.Options(hyphenParts: false, headlines: false, keepMiscellaneous: true, modelFirst: true,
                                              trimPossessives: false, webRules: false)
        let pipeline = MentionPipeline(gazetteer: gazetteer, lexicon: AnalystLexicon(), options: options)
        let (candidates, _) = pipeline.candidates(tokenized, modelSpans: tagger(tokenized))
        // The tagger's own label for its spans: CoNLL's LOC is not split by type.
        return candidates.map { candidate in
            (candidate.tokens, candidate.source == .model ? (candidate.label ?? .miscellaneous) : ModelSpanTyping.label(for: candidate.type))
        }
    }
}

extension EntityExtractor: MentionExtractor {
    /// The data files' version (`ExtractorResources.version`): a retrained
    /// model or a rebuilt gazetteer makes every stored article stale. The
    /// analyst's lexicon is not part of it: an addition can only change the
    /// articles containing its names, and the store re-extracts those when it
    /// is made (`MentionReextraction.run(mentioningAnyOf:)`).
    public var version: String { ExtractorResources.version }

    public func mentions(in text: String) -> [Mention] {
        extract(text, lexicon: lexicon)
    }

    private static let loaded = Result { try EntityExtractor.bundled() }

    /// The bundled extractor, loaded once per process on first use (reading
    /// the model and gazetteers takes a moment; they never change while running).
    public static func shared() throws -> EntityExtractor { try loaded.get() }
}

extension FNV1a {
    /// A field of the data files' digest: its bytes and a byte no UTF-8 text
    /// holds, so "ab" + "c" and "a" + "bc" differ.
    mutating func add(field text: String) {
        add(bytes: text.utf8)
        add(0xFF)
    }
}
