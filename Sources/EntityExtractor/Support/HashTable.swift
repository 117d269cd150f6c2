/// A read-only map from 64-bit hashes to values: a `HashInterner` for the
/// keys and an array of values by id, for tables built once and read in the
/// extractor's inner loops (the gazetteers' keys).
struct HashTable<Value: Sendable>: Sendable {
    private var interner: HashInterner
    private var values: [Value]

    init(_ dictionary: [UInt64: Value]) {
        interner = HashInterner(minimumCapacity: dictionary.count)
        values = []
        values.reserveCapacity(dictionary.count)
        for (key, value) in dictionary {
            _ = interner.insert(key)
            values.append(value)
        }
    }

    var isEmpty: Bool { values.isEmpty }

    @inline(__always)
    subscript(key: UInt64) -> Value? {
        guard let id = interner.id(of: key) else { return nil }
        return values[id]
    }
}
