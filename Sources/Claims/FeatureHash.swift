/// A feature's key as 64-bit FNV-1a over its UTF-8 bytes. The cue classifier
/// scores a candidate word from about 30 features made of words and shapes;
/// hashing their pieces as they are made, instead of joining them into
/// strings and hashing those again for the lookup, spares an allocation and
/// a string hash per feature. Collisions among the classifier's 150,000
/// features are improbable at 64 bits (about 1 in 10^9).
struct FeatureHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func feed(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    mutating func feed(_ piece: StaticString) {
        piece.withUTF8Buffer { for byte in $0 { feed(byte) } }
    }

    mutating func feed(_ piece: String) {
        var hash = value
        let contiguous: Void? = piece.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        if contiguous == nil {
            for byte in piece.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        }
        value = hash
    }

    /// The key of a whole feature string, as the pieces that make it hash.
    static func of(_ feature: String) -> UInt64 {
        var hash = FeatureHash()
        hash.feed(feature)
        return hash.value
    }
}

/// Where the cue classifier's features go as they are made: into strings (to
/// learn weights and write them) or straight into a score (to decide).
protocol CueFeatureSink {
    /// A feature that is its name alone ("nq", "start").
    mutating func add(_ name: StaticString)
    /// `prefix` and a piece: "w=" + word.
    mutating func add(_ prefix: StaticString, _ piece: String)
    /// `prefix` and two pieces joined by a space: "wn=" + word + " " + next.
    mutating func add(_ prefix: StaticString, _ first: String, _ second: String)
}

/// Collects the features as strings, the form the weights files keep.
struct CueFeatureStrings: CueFeatureSink {
    var features: [String] = []

    mutating func add(_ name: StaticString) { features.append(name.description) }
    mutating func add(_ prefix: StaticString, _ piece: String) { features.append(prefix.description + piece) }
    mutating func add(_ prefix: StaticString, _ first: String, _ second: String) {
        features.append(prefix.description + first + " " + second)
    }
}

/// Sums the weights of the features as they are made, by their hashes.
struct CueFeatureScore: CueFeatureSink {
    let weights: [UInt64: Double]
    private(set) var total = 0.0

    init(weights: [UInt64: Double]) { self.weights = weights }

    mutating func add(_ name: StaticString) {
        var hash = FeatureHash()
        hash.feed(name)
        total += weights[hash.value] ?? 0
    }

    mutating func add(_ prefix: StaticString, _ piece: String) {
        var hash = FeatureHash()
        hash.feed(prefix)
        hash.feed(piece)
        total += weights[hash.value] ?? 0
    }

    mutating func add(_ prefix: StaticString, _ first: String, _ second: String) {
        var hash = FeatureHash()
        hash.feed(prefix)
        hash.feed(first)
        hash.feed(UInt8(ascii: " "))
        hash.feed(second)
        total += weights[hash.value] ?? 0
    }
}
