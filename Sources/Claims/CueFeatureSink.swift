import DossierCore

/// A cue feature's key is `FNV1a` over its UTF-8 bytes. The cue classifier
/// scores a candidate word from about 30 features made of words and shapes;
/// hashing their pieces as they are made, instead of joining them into
/// strings and hashing those again for the lookup, spares an allocation and
/// a string hash per feature. Collisions among the classifier's 150,000
/// features are improbable at 64 bits (about 1 in 10^9).
extension FNV1a {
    mutating func add(piece: StaticString) {
        piece.withUTF8Buffer { add(bytes: $0) }
    }

    mutating func add(piece: String) {
        var hash = value
        let contiguous: Void? = piece.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes { hash = FNV1a.step(hash, byte) }
        }
        if contiguous == nil {
            for byte in piece.utf8 { hash = FNV1a.step(hash, byte) }
        }
        value = hash
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
        var hash = FNV1a()
        hash.add(piece: name)
        total += weights[hash.value] ?? 0
    }

    mutating func add(_ prefix: StaticString, _ piece: String) {
        var hash = FNV1a()
        hash.add(piece: prefix)
        hash.add(piece: piece)
        total += weights[hash.value] ?? 0
    }

    mutating func add(_ prefix: StaticString, _ first: String, _ second: String) {
        var hash = FNV1a()
        hash.add(piece: prefix)
        hash.add(piece: first)
        hash.add(UInt8(ascii: " "))
        hash.add(piece: second)
        total += weights[hash.value] ?? 0
    }
}
