/// Dense ids 0, 1, 2... for 64-bit hashes, so that whatever is known about a
/// hash can live in a plain array indexed by its id.
///
/// The keys are hashes already (FNV-1a of a word, a feature key), so the table
/// only multiplies them to pick a slot: a `Dictionary<UInt64, _>` would run
/// SipHash over each again, and that was a tenth of the extractor's time.
/// Open addressing with linear probing; a slot holds the key beside its id, so
/// a probe reads one cache line. Keys are compared whole: unlike the model's
/// `FeatureIndex`, which keeps 32 bits of a key as `TagWeights` does, two keys
/// never share an id.
struct HashInterner: Sendable {
    private struct Slot {
        var key: UInt64
        /// The id plus one; 0 marks an empty slot.
        var idPlusOne: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    private(set) var count = 0

    init(minimumCapacity: Int = 8) {
        var bits: UInt64 = 4
        while 1 << bits < minimumCapacity * 2 { bits += 1 }
        slots = [Slot](repeating: Slot(key: 0, idPlusOne: 0), count: 1 << Int(bits))
        shift = 64 - bits
    }

    /// Fibonacci hashing: the top bits of the product spread any input bits.
    @inline(__always)
    private static func home(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The id of `key`, or nil when it was never inserted.
    @inline(__always)
    func id(of key: UInt64) -> Int? {
        let shift = self.shift
        return slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.home(key, shift)
            while true {
                let found = slots[slot]
                if found.idPlusOne == 0 { return nil }
                if found.key == key { return Int(found.idPlusOne) - 1 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of `key`, the next free one when it is new.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> (id: Int, isNew: Bool) {
        if (count + 1) * 2 > slots.count { grow() }
        let next = count
        let shift = self.shift
        let result: (id: Int, isNew: Bool) = slots.withUnsafeMutableBufferPointer { slots in
            let mask = slots.count - 1
            var slot = Self.home(key, shift)
            while true {
                let found = slots[slot]
                if found.idPlusOne == 0 {
                    slots[slot] = Slot(key: key, idPlusOne: Int32(truncatingIfNeeded: next + 1))
                    return (next, true)
                }
                if found.key == key { return (Int(found.idPlusOne) - 1, false) }
                slot = (slot + 1) & mask
            }
        }
        if result.isNew { count += 1 }
        return result
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, idPlusOne: 0), count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for entry in old where entry.idPlusOne != 0 {
            var slot = Self.home(entry.key, shift)
            while slots[slot].idPlusOne != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
