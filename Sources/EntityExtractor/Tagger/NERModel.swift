import Foundation

public enum NERModelError: Error, CustomStringConvertible, Equatable {
    /// The bundle has no model file (the build did not copy Resources/).
    case missingModel
    case malformed(String)
    /// The model was trained with other feature templates than this code extracts.
    case featureVersionMismatch(model: UInt32, code: UInt32)

    public var description: String {
        switch self {
        case .missingModel: "the NER model file \(NERModel.resourceName) is missing from the bundle"
        case .malformed(let reason): "malformed NER model: \(reason)"
        case .featureVersionMismatch(let model, let code):
            "the NER model was trained with feature version \(model), this build extracts version \(code); retrain it with scripts/train-ner"
        }
    }
}

/// The statistical named-entity tagger: an averaged perceptron over hashed
/// features, decoded greedily with BILOU tags over the CoNLL-2003 labels.
///
/// Immutable once loaded, so one instance serves every thread.
public final class NERModel: Sendable {
    /// Bumped whenever the features change meaning (templates, hashing, shapes).
    public static let featureVersion: UInt32 = 2
    static let resourceName = "ner-model.bin"

    let weights: TagWeights
    let extractor: FeatureExtractor
    /// Whether the gazetteers in the bundle are those the model was trained with.
    public let gazetteersMatchTraining: Bool

    init(weights: TagWeights, extractor: FeatureExtractor, gazetteersMatchTraining: Bool = true) {
        self.weights = weights
        self.extractor = extractor
        self.gazetteersMatchTraining = gazetteersMatchTraining
    }

    /// Reads a model file; features use the bundled gazetteers.
    public convenience init(data: Data) throws(NERModelError) {
        let contents = try ModelFile.decode(data)
        guard contents.featureVersion == Self.featureVersion else {
            throw .featureVersionMismatch(model: contents.featureVersion, code: Self.featureVersion)
        }
        // A fingerprint of 0: trained without gazetteers, so matching names
        // would only cost time.
        let gazetteer = contents.gazetteerFingerprint == 0 ? GazetteerMatcher() : GazetteerMatcher.shared
        self.init(weights: contents.weights, extractor: FeatureExtractor(gazetteer: gazetteer.isEmpty ? nil : gazetteer),
                  gazetteersMatchTraining: gazetteer.fingerprint == contents.gazetteerFingerprint)
    }

    public convenience init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    /// The model shipped in the bundle, loaded once per process.
    public static func bundled() throws -> NERModel {
        try bundledModel.get()
    }

    private static let bundledModel: Result<NERModel, any Error> = Result {
        guard let url = Bundle.module.url(forResource: "ner-model", withExtension: "bin", subdirectory: "Resources") else {
            throw NERModelError.missingModel
        }
        return try NERModel(contentsOf: url)
    }

    /// The entities of `text`, in order. Pass a whole article at once: the
    /// tagger uses what the rest of the document says about each word.
    public func tag(_ text: TokenizedText) -> [TaggedSpan] {
        EntityTag.spans(tags(text))
    }

    func tags(_ text: TokenizedText) -> [EntityTag] {
        guard !text.tokens.isEmpty else { return [] }
        let document = extractor.extract(text)
        var chooser = ScoringChooser(weights: weights)
        return GreedyDecoder.decode(document, sentences: text.sentences, chooser: &chooser)
    }

    /// Number of features with weights.
    public var featureCount: Int { weights.count }
}

extension GazetteerMatcher {
    /// Read once per process, shared by the model and the trainer.
    static let shared = GazetteerMatcher.bundled()
}
