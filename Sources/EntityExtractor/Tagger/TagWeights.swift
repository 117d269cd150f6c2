/// The trained weights as the tagger reads them, laid out for the inner loop:
/// an open-addressing table of 32-byte slots, each holding a feature's short
/// key, a scale, and its 17 weights as 8-bit steps of that scale.
///
/// Scoring is memory-bound (about 30 features a token, mostly cache misses),
/// so one slot per feature, key and weights on the same cache line, is what
/// makes the tagger fast: a key table beside a weight table cost two misses a
/// feature and ran at half the speed. Per-row 8-bit weights lose nothing
/// measurable on CoNLL (the decisions hang on differences far above 1/254 of
/// a feature's largest weight).
struct TagWeights: @unchecked Sendable {
    static let slotSize = 32
    static let weightsOffset = 8

    /// Slot bytes: key (UInt32, 0 = empty) | scale (Float) | 17 x Int8 | padding.
    private let storage: UnsafeMutableRawPointer
    private let mask: Int
    /// One bit per (hash of a) stored key, 128 KB: it sits in L2, so most
    /// features the model does not know are turned away without touching the
    /// table at all.
    private let filter: UnsafeMutablePointer<UInt64>
    static let filterBits = 1 << 20
    let count: Int
    private let owner: Storage

    /// Frees the table when the last copy of the weights goes.
    private final class Storage: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        let filter: UnsafeMutablePointer<UInt64>
        init(bytes: Int) {
            pointer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
            pointer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
            filter = UnsafeMutablePointer<UInt64>.allocate(capacity: TagWeights.filterBits / 64)
            filter.initialize(repeating: 0, count: TagWeights.filterBits / 64)
        }
        deinit {
            pointer.deallocate()
            filter.deallocate()
        }
    }

    /// The filter bit of a key: bits the slot number and short key do not use.
    @inline(__always)
    static func filterBit(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key >> 24) & UInt64(filterBits - 1))
    }

    /// Builds the table from rows of `EntityTag.count` floats.
    init(keys: [UInt64], rows: [Float]) {
        let width = EntityTag.count
        precondition(width == 17, "score(_:into:scratch:) sums 16 tags in a vector and the 17th beside it")
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        owner = Storage(bytes: capacity * Self.slotSize)
        storage = owner.pointer
        filter = owner.filter
        mask = capacity - 1
        var stored = 0
        for (row, key) in keys.enumerated() {
            let short = Self.shortKey(key)
            var slot = Int(truncatingIfNeeded: key) & mask
            var duplicate = false
            while true {
                let existing = storage.load(fromByteOffset: slot * Self.slotSize, as: UInt32.self)
                if existing == 0 { break }
                if existing == short { duplicate = true; break }
                slot = (slot + 1) & mask
            }
            if duplicate { continue }  // two keys with one short form: the first wins
            let bit = Self.filterBit(key)
            filter[bit >> 6] |= 1 << UInt64(bit & 63)
            let base = slot * Self.slotSize
            let weights = rows[(row * width)..<((row + 1) * width)]
            let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
            let scale = largest > 0 ? largest / 127 : 1
            storage.storeBytes(of: short, toByteOffset: base, as: UInt32.self)
            storage.storeBytes(of: scale, toByteOffset: base + 4, as: Float.self)
            for (tag, weight) in weights.enumerated() {
                let step = Int8(clamping: Int((weight / scale).rounded()))
                storage.storeBytes(of: step, toByteOffset: base + Self.weightsOffset + tag, as: Int8.self)
            }
            stored += 1
        }
        count = stored
    }

    @inline(__always)
    static func shortKey(_ key: UInt64) -> UInt32 {
        let short = UInt32(truncatingIfNeeded: key >> 32)
        return short == 0 ? 1 : short
    }

    /// The summed weights of `features`, one score per tag. `scratch` holds
    /// at least `features.count` values.
    ///
    /// Two passes: the first only reads each feature's home slot, loads that
    /// do not wait on one another, so the processor has them all in flight at
    /// once; the second finds the keys in what is by then in cache.
    @inline(__always)
    func score(_ features: UnsafeBufferPointer<UInt64>, into scores: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<UInt32>) {
        for (index, key) in features.enumerated() {
            let bit = Self.filterBit(key)
            scratch[index] = filter[bit >> 6] & (1 << UInt64(bit & 63)) == 0 ? 0
                : storage.load(fromByteOffset: (Int(truncatingIfNeeded: key) & mask) * Self.slotSize, as: UInt32.self)
        }
        // The sums stay in vector registers: the first 16 tags in one SIMD16
        // (one widening load, one multiply and one add per feature, never
        // fused), the 17th beside it. Each lane adds in feature order, as a
        // scalar loop would, so the scores are bit-for-bit those of one.
        var sums = SIMD16<Float>()
        var lastSum: Float = 0
        for (index, key) in features.enumerated() {
            let home = scratch[index]
            if home == 0 { continue }
            let short = Self.shortKey(key)
            var slot = Int(truncatingIfNeeded: key) & mask
            var found = home
            while true {
                if found == short {
                    let base = storage + slot * Self.slotSize
                    let scale = base.load(fromByteOffset: 4, as: Float.self)
                    let steps = base.loadUnaligned(fromByteOffset: Self.weightsOffset, as: SIMD16<Int8>.self)
                    sums += SIMD16<Float>(SIMD16<Int32>(truncatingIfNeeded: steps)) * scale
                    lastSum += Float(base.load(fromByteOffset: Self.weightsOffset + 16, as: Int8.self)) * scale
                    break
                }
                if found == 0 { break }
                slot = (slot + 1) & mask
                found = storage.load(fromByteOffset: slot * Self.slotSize, as: UInt32.self)
            }
        }
        UnsafeMutableRawPointer(scores).storeBytes(of: sums, as: SIMD16<Float>.self)
        scores[16] = lastSum
    }
}

/// Picks the best-scoring allowed tag: the runtime side of `GreedyDecoder`.
struct ScoringChooser: TagChooser {
    let weights: TagWeights
    /// The scores and the probe scratch, allocated once per document: going
    /// through arrays cost a copy of `weights` (and a retain) per token.
    private let buffers = Buffers()

    private final class Buffers {
        let scores = UnsafeMutablePointer<Float>.allocate(capacity: EntityTag.count)
        let scratch = UnsafeMutablePointer<UInt32>.allocate(capacity: GreedyDecoder.featureCount)
        deinit {
            scores.deallocate()
            scratch.deallocate()
        }
    }

    init(weights: TagWeights) {
        self.weights = weights
    }

    mutating func choose(token: Int, features: UnsafeBufferPointer<UInt64>, allowed: EntityTag.Mask) -> EntityTag {
        precondition(features.count <= GreedyDecoder.featureCount)
        weights.score(features, into: buffers.scores, scratch: buffers.scratch)
        return bestAllowed(UnsafeMutableBufferPointer(start: buffers.scores, count: EntityTag.count), allowed)
    }
}

/// The highest-scoring tag in `allowed` (never empty: Outside, or the L-tag
/// closing the open entity, is always there); ties go to the lower tag.
@inline(__always)
func bestAllowed(_ scores: UnsafeMutableBufferPointer<Float>, _ allowed: EntityTag.Mask) -> EntityTag {
    var best = -1
    var bestScore = -Float.infinity
    for raw in 0..<EntityTag.count where allowed.contains(raw) && (best < 0 || scores[raw] > bestScore) {
        best = raw
        bestScore = scores[raw]
    }
    return EntityTag(rawValue: max(best, 0))
}
