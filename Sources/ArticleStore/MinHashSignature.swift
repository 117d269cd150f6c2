import DossierCore

/// Near-duplicate detection for rewrites of the same story and wire copies:
/// MinHash over word 3-shingles estimates the Jaccard similarity of two
/// articles' shingle sets, and locality-sensitive hashing (16 bands of 4 rows)
/// finds the candidate pairs without comparing every article with every other.
///
/// With 16 bands of 4, a pair with similarity 0.5 becomes a candidate with
/// probability 0.64, one with 0.7 with probability 0.99; candidates are then
/// scored on all 64 values and kept from `threshold` up.
public struct MinHashSignature: Hashable, Sendable {
    public static let count = 64
    public static let bands = 16
    public static let rowsPerBand = count / bands
    /// Estimated Jaccard similarity from which two articles are linked.
    public static let threshold = 0.5

    public let values: [UInt32]

    public init(values: [UInt32]) {
        precondition(values.count == Self.count)
        self.values = values
    }

    /// The signature of `text`'s word 3-shingles (words as `TextBytes` finds
    /// them, ASCII letters lower-cased).
    public init(text: String) {
        var minimums = [UInt32](repeating: .max, count: Self.count)
        var previous: (UInt64, UInt64) = (0, 0)
        var seen = 0
        TextBytes.withBytes(of: text) { bytes in
            TextBytes.forEachWord(in: bytes) { range in
                var word: UInt64 = 0xcbf29ce484222325
                for index in range {
                    let byte = bytes[index]
                    word = (word ^ UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)) &* 0x100000001b3
                }
                seen += 1
                if seen >= 3 {
                    let shingle = (previous.0 &* 0x9E3779B97F4A7C15) ^ (previous.1 &* 0xC2B2AE3D27D4EB4F) ^ word
                    for index in 0..<Self.count {
                        let hashed = UInt32(truncatingIfNeeded: (Self.multipliers[index] &* shingle &+ Self.increments[index]) >> 32)
                        if hashed < minimums[index] { minimums[index] = hashed }
                    }
                }
                previous = (previous.1, word)
            }
        }
        values = minimums
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    public func similarity(to other: MinHashSignature) -> Double {
        var equal = 0
        for index in 0..<Self.count where values[index] == other.values[index] { equal += 1 }
        return Double(equal) / Double(Self.count)
    }

    /// One bucket key per band: articles sharing any bucket are candidates.
    public var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var hash: UInt64 = 0xcbf29ce484222325 ^ UInt64(band)
            for row in 0..<Self.rowsPerBand {
                hash = (hash ^ UInt64(values[band * Self.rowsPerBand + row])) &* 0x100000001b3
            }
            return Int64(bitPattern: hash)
        }
    }

    /// True when the text was too short to have a single shingle.
    public var isEmpty: Bool { values.allSatisfy { $0 == .max } }

    public var bytes: [UInt8] {
        values.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) } }
    }

    public init?(bytes: [UInt8]) {
        guard bytes.count == Self.count * 4 else { return nil }
        values = (0..<Self.count).map { index in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[index * 4 + $1]) << (8 * UInt32($1)) }
        }
    }

    // Fixed, so that signatures stored today compare with those made later.
    private static let (multipliers, increments): ([UInt64], [UInt64]) = {
        var state: UInt64 = 0x5EED_D055_1E55_0001
        func next() -> UInt64 {  // SplitMix64
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
        return ((0..<count).map { _ in next() | 1 }, (0..<count).map { _ in next() })
    }()
}
