/// Features are 64-bit hashes, never strings: a template number mixed with the
/// hash of its value (a word, a shape, a tag). Nothing is allocated per token,
/// and the model stores only the hashes of the features it kept.
enum FeatureHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// FNV-1a, one byte at a time.
    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    /// Combines two values order-sensitively (bigrams, template and value).
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &* 0x9E37_79B9_7F4A_7C15 ^ b)
    }

    /// The key of a feature: never 0, which marks empty slots in `FeatureIndex`.
    @inline(__always)
    static func key(_ template: FeatureTemplate, _ value: UInt64) -> UInt64 {
        let hash = mix(value &+ UInt64(template.rawValue) &* 0xD6E8_FEB8_6659_FD93)
        return hash == 0 ? 1 : hash
    }

    /// SplitMix64's finaliser: every input bit moves every output bit.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The feature templates. The raw values are part of the model file's meaning:
/// renumbering one invalidates trained models (bump `NERModel.featureVersion`).
enum FeatureTemplate: UInt8 {
    case bias = 1
    case word, exactWord, shape
    case prefix1, prefix2, prefix3, prefix4
    case suffix1, suffix2, suffix3, suffix4
    case previousWord, nextWord, secondPreviousWord, secondNextWord
    case previousShape, nextShape
    case previousWordAndWord, wordAndNextWord
    case shapeTrigram
    case sentencePositionAndCase
    case lineStyleAndShape
    case documentCasing
    case gazetteer, previousGazetteer, nextGazetteer
    case capitalisedRun, previousWordAndShape, shapeAndNextWord
    /// The kind of the token's line (`LineKind`) with its shape and whether
    /// it opens the line, and with its word: a capital means another thing
    /// in a headline, a byline or a row of results.
    case lineKindAndShape, lineKindAndWord
    // Decided while decoding, from the tags already chosen.
    case previousTag = 40
    case previousTwoTags
    case previousTagAndWord
    case previousTagAndShape
    case documentHistory
}
