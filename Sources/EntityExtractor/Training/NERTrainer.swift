import Foundation

/// Trains an `NERModel` on a CoNLL corpus: a number of passes over the
/// documents in a fixed shuffled order, then the averaged, pruned weights.
public struct NERTrainer {
    public struct Options: Sendable {
        public var iterations = 10
        /// Rows whose largest averaged weight is below this are dropped.
        public var pruneThreshold: Float = 0.05
        public var seed: UInt64 = 2003
        /// Use the bundled gazetteers as features (the runtime then uses them
        /// too). Off by default: on CoNLL dev they changed F1 by less than the
        /// noise between passes, and they tie the model to lists that change.
        public var useGazetteers = false
        /// Train on each document printed as raw text (`RawCoNLLDocument`)
        /// and cut by the extractor's own tokenizer, sentence splitter and
        /// line classifier, so the tagger learns from what `extract(text)`
        /// will show it; off, on CoNLL's own tokens and sentences.
        public var rawText = true
        /// With `rawText`, each document a second time on CoNLL's own tokens:
        /// in 5-fold cross-validation on train, raw-text F1 85.45 against 85.42
        /// with raw text alone, and gold-token F1 86.08 against 85.31.
        public var alsoGoldTokens = true

        public init() {}
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The result: the model, its file, and the dev score after each pass.
    public struct Result {
        public var model: NERModel
        public var data: Data
    }

    /// Trains on `corpus`; when `dev` is given, scores the averaged model on it
    /// after every pass and reports the figures through `progress` (dev never
    /// changes the weights).
    public func train(_ corpus: CoNLLCorpus, dev: CoNLLCorpus? = nil, progress: (String) -> Void = { _ in }) -> Result {
        let gazetteer = options.useGazetteers ? GazetteerMatcher.shared : GazetteerMatcher()
        let extractor = FeatureExtractor(gazetteer: gazetteer.isEmpty ? nil : gazetteer)
        var unmapped = 0
        let forms = options.rawText && options.alsoGoldTokens ? [true, false] : [options.rawText]
        let prepared = forms.flatMap { raw in corpus.documents.map { document -> (FeatureExtractor.Document, [Range<Int>], [EntityTag]) in
            let text: TokenizedText
            let entities: [TaggedSpan]
            if raw {
                let printed = RawCoNLLDocument(document)
                text = TokenizedText(text: printed.text)
                let mapped = printed.entities(over: text)
                entities = mapped.spans
                unmapped += mapped.unmapped
            } else {
                text = document.text
                entities = document.entities
            }
            let tags = EntityTag.tags(count: text.tokens.count, spans: entities)
            return (extractor.extract(text), text.sentences, tags)
        } }
        progress("features: \(prepared.count) documents, \(corpus.tokenCount) tokens\(options.rawText ? " as raw text (\(unmapped) entities off the tokenizer's boundaries, left out)" : ""); gazetteer names: \(gazetteer.isEmpty ? "none" : "yes")")
        let perceptron = AveragedPerceptron()
        var order = Array(prepared.indices)
        var random = SplitMix(seed: options.seed)
        for iteration in 1...max(options.iterations, 1) {
            order.shuffle(using: &random)
            let started = Date()
            var mistakes = 0
            for documentIndex in order {
                let (document, sentences, gold) = prepared[documentIndex]
                var chooser = LearningChooser(perceptron: perceptron, gold: gold)
                _ = GreedyDecoder.decode(document, sentences: sentences, chooser: &chooser)
                mistakes += chooser.mistakes
            }
            var line = "pass \(iteration): \(mistakes) token mistakes, \(perceptron.index.count) features, \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
            if let dev {
                let model = makeModel(perceptron, extractor: extractor, fingerprint: gazetteer.fingerprint).model
                let evaluation = NEREvaluation.evaluate(dev, predict: model.tag)
                line += String(format: "; dev F1 PER+ORG+LOC %.2f, all %.2f", evaluation.personOrganizationLocation.f1 * 100, evaluation.overall.f1 * 100)
            }
            progress(line)
        }
        let result = makeModel(perceptron, extractor: extractor, fingerprint: gazetteer.fingerprint)
        progress("kept \(result.model.featureCount) features, \(result.data.count) bytes")
        return result
    }

    private func makeModel(_ perceptron: AveragedPerceptron, extractor: FeatureExtractor, fingerprint: UInt64) -> Result {
        let (keys, weights) = perceptron.averaged(threshold: options.pruneThreshold)
        let data = ModelFile.encode(keys: keys, weights: weights, featureVersion: NERModel.featureVersion, gazetteerFingerprint: fingerprint)
        // Read back from the file, so what is scored is exactly what ships.
        let contents = try! ModelFile.decode(data)
        return Result(model: NERModel(weights: contents.weights, extractor: extractor), data: data)
    }
}

/// A seeded generator, so two trainings on the same data give the same model.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state)
    }
}
