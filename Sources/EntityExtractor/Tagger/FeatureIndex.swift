/// Feature key -> row of weights: open addressing with linear probing. A Swift
/// `Dictionary` would hash the already-hashed keys again and cost twice as
/// much in the tagger's inner loop.
///
/// A slot packs the top 32 bits of the key with the row number, 8 bytes, so a
/// probe touches one cache line and the table of a whole model stays in L2/L3.
/// Two features sharing their top 32 bits share a row (the hashing trick);
/// with 10^5 features that happens to a handful, and training sees it too.
struct FeatureIndex: Sendable {
    private(set) var slots: [UInt64]
    private(set) var count = 0
    private var mask: Int

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// The stored form of a key: its top 32 bits, never 0 (0 marks an empty slot).
    @inline(__always)
    static func shortKey(_ key: UInt64) -> UInt64 {
        let short = key >> 32
        return short == 0 ? 1 : short
    }

    /// The row of `key`, or -1.
    @inline(__always)
    func row(of key: UInt64) -> Int32 {
        let short = Self.shortKey(key)
        return slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key) & mask
            while true {
                let found = slots[slot]
                if found & 0xFFFF_FFFF == short { return Int32(truncatingIfNeeded: found >> 32) }
                if found == 0 { return -1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The row of `key`, given the next row number when it is new.
    mutating func insert(_ key: UInt64) -> (row: Int32, isNew: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let short = Self.shortKey(key)
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = slots[slot]
            if found & 0xFFFF_FFFF == short { return (Int32(truncatingIfNeeded: found >> 32), false) }
            if found == 0 {
                slots[slot] = UInt64(count) << 32 | short
                keys.append(key)
                count += 1
                return (Int32(count - 1), true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Each row's full key, by row: to save the model and to rehash on growth.
    private(set) var keys: [UInt64] = []

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for (row, key) in keys.enumerated() {
            var target = Int(truncatingIfNeeded: key) & mask
            while slots[target] != 0 { target = (target + 1) & mask }
            slots[target] = UInt64(row) << 32 | Self.shortKey(key)
        }
    }
}
