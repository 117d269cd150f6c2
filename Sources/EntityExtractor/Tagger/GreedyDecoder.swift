import DossierCore

/// Walks a document left to right, one tag per token, the tags already chosen
/// feeding the features of the next. Training and tagging share this walk, so
/// the features the perceptron learned from are the features it is asked about.
protocol TagChooser {
    /// The tag of `token` given all its features (static then dynamic).
    /// `allowed` holds the tags that keep the sequence well-formed.
    mutating func choose(token: Int, features: UnsafeBufferPointer<UInt64>, allowed: EntityTag.Mask) -> EntityTag
}

enum GreedyDecoder {
    static let dynamicFeatureCount = 5
    static let featureCount = FeatureExtractor.staticFeatureCount + dynamicFeatureCount

    static func decode<Chooser: TagChooser>(_ document: FeatureExtractor.Document, sentences: [Range<Int>], chooser: inout Chooser) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.count)
        // The label most recently given to each capitalised word earlier in
        // the document, by word id, plus one (0: none): "Sharif" tagged PER
        // once stays a good PER bet.
        var history = [UInt8](repeating: 0, count: document.wordCount)
        var buffer = [UInt64](repeating: 0, count: featureCount)
        let staticCount = FeatureExtractor.staticFeatureCount
        let noTag: UInt64 = 0xFF
        // A time budget (`WorkDeadline`) ends the walk: the tags left are
        // Outside, and the caller throws the partial answer away.
        var deadline = DeadlineCheck()
        for sentence in sentences {
            for index in sentence {
                if deadline.hasPassed() { return tags }
                let previous: EntityTag? = index > sentence.lowerBound ? tags[index - 1] : nil
                let second: EntityTag? = index - 1 > sentence.lowerBound ? tags[index - 2] : nil
                let previousValue = previous.map { UInt64($0.rawValue) } ?? noTag
                let secondValue = second.map { UInt64($0.rawValue) } ?? noTag
                let traits = document.traits[index]
                let word = traits.word
                let casing = traits.casing
                let capitalised = casing.isCapitalised
                // Entities start with a capital (or a non-Latin letter) in
                // English news: a lower-case word or a mark outside an entity
                // is Outside without asking the model, which skips scoring
                // for two tokens in three. Training makes the same cut, so the
                // model learns nothing it will not be asked.
                if !(previous?.isOpen ?? false) && (casing == .lower || casing == .punctuation) {
                    tags[index] = .outside
                    continue
                }
                let wordID = Int(document.wordIDs[index])
                buffer.withUnsafeMutableBufferPointer { buffer in
                    let keys = buffer.baseAddress!
                    document.staticFeatures(of: index, in: sentence, into: keys)
                    keys[staticCount] = FeatureHash.key(.previousTag, previousValue)
                    keys[staticCount + 1] = FeatureHash.key(.previousTwoTags, secondValue << 8 | previousValue)
                    keys[staticCount + 2] = FeatureHash.key(.previousTagAndWord, FeatureHash.combine(previousValue, word))
                    keys[staticCount + 3] = FeatureHash.key(.previousTagAndShape, FeatureHash.combine(previousValue, traits.shape))
                    let remembered = capitalised ? UInt64(history[wordID]) : 0xFE
                    keys[staticCount + 4] = FeatureHash.key(.documentHistory, remembered)
                }
                let isLast = index == sentence.upperBound - 1
                let allowed = EntityTag.Mask.following(previous, closingSentence: isLast)
                let tag = buffer.withUnsafeBufferPointer { features in
                    chooser.choose(token: index, features: features, allowed: allowed)
                }
                tags[index] = tag
                if capitalised, let label = tag.label { history[wordID] = UInt8(label.rawValue + 1) }
            }
        }
        return tags
    }
}
