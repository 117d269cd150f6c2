import DossierCore
import EntityExtractor

extension CueLexicon {
    /// Learns cue counts from annotated documents: a token is a cue token when
    /// it overlaps a gold cue span.
    /// With `epochs` > 0, a `CueClassifier` is trained too, on the same
    /// documents, its rate features computed as if each token were unseen.
    ///
    /// With `scoreClaims`, a `ClaimScorer` is trained too (see `learnClaimScorer`),
    /// and the classifier takes candidate cues down to `candidateMargin`.
    /// `minimumCueWeight` leaves the cue classifier's smaller weights out (a smaller file).
    public static func learn(from documents: [PolNeARDocument], epochs: Int = 0, scoreClaims: Bool = false,
                             candidateMargin: Double = CueLexicon().candidateMargin,
                             minimumCueWeight: Double = CueClassifier.minimumWeight) -> CueLexicon {
        var lexicon = learnCues(from: documents, epochs: epochs, minimumCueWeight: minimumCueWeight)
        guard epochs > 0 else { return lexicon }
        if scoreClaims {
            lexicon.candidateMargin = candidateMargin
            lexicon.claimScorer = learnClaimScorer(from: documents, epochs: epochs, candidateMargin: candidateMargin,
                                                   minimumCueWeight: minimumCueWeight)
        }
        lexicon.learnClaimCounts(from: documents)
        return lexicon
    }

    /// The counts and, with `epochs` > 0, the cue classifier.
    static func learnCues(from documents: [PolNeARDocument], epochs: Int, minimumCueWeight: Double = CueClassifier.minimumWeight) -> CueLexicon {
        var lexicon = CueLexicon()
        let prepared = documents.map { document -> (ClaimText, [Bool]) in
            let text = ClaimText(TokenizedText(text: document.text))
            let cues = document.attributions.flatMap(\.cue)
            let inCue = text.tokenized.tokens.map { token in cues.contains { $0.overlaps(token.range) } }
            return (text, inCue)
        }
        for (text, inCue) in prepared { lexicon.learn(words: text.words, inCue: inCue) }
        for (text, inCue) in prepared { lexicon.learnNeighbours(words: text.words, inCue: inCue) }
        lexicon.prune()
        guard epochs > 0 else { return lexicon }
        var trainer = CueClassifier.Trainer()
        for epoch in 0..<epochs {
            // A fixed, epoch-dependent order: every run trains the same model.
            let order = prepared.indices.sorted { ($0 * 7919 + epoch * 104_729) % prepared.count < ($1 * 7919 + epoch * 104_729) % prepared.count }
            for position in order {
                let (text, inCue) = prepared[position]
                for index in 0..<text.count where lexicon.isCandidate(text.words[index]) {
                    trainer.clock += 1
                    let features = CueClassifier.features(text, index, lexicon: lexicon, leaveOut: inCue[index])
                    let guess = trainer.score(features) > 0
                    if guess != inCue[index] { trainer.update(features, by: inCue[index] ? 1 : -1) }
                }
            }
        }
        lexicon.classifier = trainer.averaged(minimumWeight: minimumCueWeight)
        return lexicon
    }

    /// Trains the claim scorer on claims built with cue scores from texts the classifier
    /// did not see: the documents are split in two halves, a lexicon and classifier are
    /// learned on each and run, at `candidateMargin`, over the other; each claim is
    /// labelled by whether it matched a gold attribution (one to one, as scored).
    static func learnClaimScorer(from documents: [PolNeARDocument], epochs: Int, candidateMargin: Double,
                                 minimumCueWeight: Double = CueClassifier.minimumWeight) -> ClaimScorer {
        var examples: [(features: [String], matched: Bool)] = []
        for half in 0..<2 {
            var lexicon = learnCues(from: documents.indices.filter { $0 % 2 != half }.map { documents[$0] }, epochs: epochs,
                                    minimumCueWeight: minimumCueWeight)
            lexicon.candidateMargin = candidateMargin
            // Every candidate's claim is kept, for the scorer to learn from.
            lexicon.claimScorer = ClaimScorer(threshold: -.infinity)
            lexicon.claimFloor = 0
            let finder = AttributionFinder(lexicon: lexicon)
            for position in documents.indices where position % 2 == half {
                let document = documents[position]
                let pass = AttributionFinder.Pass(finder: finder, text: ClaimText(TokenizedText(text: document.text)))
                let claims = pass.run()
                var evaluation = AttributionEvaluation()
                evaluation.add(document: document.name, text: document.text, gold: document.attributions, system: claims, keepErrors: true)
                var unmatched = evaluation.misses.flatMap(\.spurious)
                for claim in claims {
                    let position = unmatched.firstIndex(of: claim)
                    if let position { unmatched.remove(at: position) }
                    examples.append((pass.scorerFeatures(claim), position == nil))
                }
            }
        }
        var trainer = CueClassifier.Trainer()
        for epoch in 0..<(2 * epochs) {
            let order = examples.indices.sorted { ($0 * 7919 + epoch * 104_729) % examples.count < ($1 * 7919 + epoch * 104_729) % examples.count }
            for position in order {
                trainer.clock += 1
                let (features, matched) = examples[position]
                if (trainer.score(features) > 0) != matched { trainer.update(features, by: matched ? 1 : -1) }
            }
        }
        return ClaimScorer(weights: trainer.averaged().weights)
    }

    /// Runs the finder with this lexicon over the training documents and counts,
    /// for each claim's first cue word, the claims built and those matching a
    /// gold attribution (the one-to-one matching of `AttributionEvaluation`).
    mutating func learnClaimCounts(from documents: [PolNeARDocument]) {
        let finder = AttributionFinder(lexicon: self)
        var learned = self
        for document in documents {
            let text = ClaimText(TokenizedText(text: document.text))
            let claims = AttributionFinder.Pass(finder: finder, text: text).run()
            var evaluation = AttributionEvaluation()
            evaluation.add(document: document.name, text: document.text, gold: document.attributions, system: claims, keepErrors: true)
            var unmatched = evaluation.misses.flatMap(\.spurious)
            for claim in claims {
                guard let token = text.token(at: claim.cue.lowerBound) else { continue }
                let position = unmatched.firstIndex(of: claim)
                if let position { unmatched.remove(at: position) }
                learned.learnClaim(at: text.words[token], matched: position == nil)
            }
        }
        self = learned
    }
}
