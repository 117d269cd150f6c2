/// Walks a document left to right, one tag per token, the tags already chosen
/// feeding the features of the next. Training and tagging share this walk, so
/// the features the perceptron learned from are the features it is asked about.
protocol TagChooser {
    /// The tag of `token` given all its features (static then dynamic).
    /// `allowed` lists the tags that keep the sequence well-formed.
    mutating func choose(token: Int, features: UnsafeBufferPointer<UInt64>, allowed: (EntityTag) -> Bool) -> EntityTag
}

enum GreedyDecoder {
    static let dynamicFeatureCount = 5
    static let featureCount = FeatureExtractor.staticFeatureCount + dynamicFeatureCount

    static func decode<Chooser: TagChooser>(_ document: FeatureExtractor.Document, sentences: [Range<Int>], chooser: inout Chooser) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.words.count)
        // The label most recently given to a capitalised word earlier in the
        // document: "Sharif" tagged PER once stays a good PER bet.
        var history: [UInt64: UInt8] = [:]
        var buffer = [UInt64](repeating: 0, count: featureCount)
        let staticCount = FeatureExtractor.staticFeatureCount
        let noTag: UInt64 = 0xFF
        for sentence in sentences {
            for index in sentence {
                let previous: EntityTag? = index > sentence.lowerBound ? tags[index - 1] : nil
                let second: EntityTag? = index - 1 > sentence.lowerBound ? tags[index - 2] : nil
                let previousValue = previous.map { UInt64($0.rawValue) } ?? noTag
                let secondValue = second.map { UInt64($0.rawValue) } ?? noTag
                let word = document.words[index]
                let casing = document.casing[index]
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
                let base = index * staticCount
                for offset in 0..<staticCount { buffer[offset] = document.keys[base + offset] }
                buffer[staticCount] = FeatureHash.key(.previousTag, previousValue)
                buffer[staticCount + 1] = FeatureHash.key(.previousTwoTags, secondValue << 8 | previousValue)
                buffer[staticCount + 2] = FeatureHash.key(.previousTagAndWord, FeatureHash.combine(previousValue, word))
                buffer[staticCount + 3] = FeatureHash.key(.previousTagAndShape, FeatureHash.combine(previousValue, document.shapes[index]))
                let remembered = capitalised ? UInt64(history[word] ?? 0) : 0xFE
                buffer[staticCount + 4] = FeatureHash.key(.documentHistory, remembered)
                let isLast = index == sentence.upperBound - 1
                let tag = buffer.withUnsafeBufferPointer { features in
                    chooser.choose(token: index, features: features) { tag in
                        tag.canFollow(previous) && !(isLast && tag.isOpen)
                    }
                }
                tags[index] = tag
                if capitalised, let label = tag.label { history[word] = UInt8(label.rawValue + 1) }
            }
        }
        return tags
    }
}
