@testable import EntityExtractor
import Testing

@Suite struct HashInternerTests {
    @Test func idsAreDenseInInsertionOrderAndStableAcrossGrowth() {
        var interner = HashInterner(minimumCapacity: 2)
        // Keys that share their low bits and their top bits, 0 among them.
        let keys: [UInt64] = (0..<1000).map { UInt64($0) << 40 } + (0..<1000).map { UInt64($0) } + [.max]
        var expected: [UInt64: Int] = [:]
        for key in keys {
            let (id, isNew) = interner.insert(key)
            #expect(isNew == (expected[key] == nil))
            if expected[key] == nil { expected[key] = expected.count }
            #expect(id == expected[key])
        }
        // 0 is in both runs: 2000 distinct keys.
        #expect(interner.count == 2000)
        for (key, id) in expected {
            #expect(interner.id(of: key) == id)
            let again = interner.insert(key)
            #expect(again.id == id && !again.isNew)
        }
        #expect(interner.count == 2000)
    }

    @Test func unknownKeysHaveNoId() {
        var interner = HashInterner()
        _ = interner.insert(42)
        #expect(interner.id(of: 42) == 0)
        #expect(interner.id(of: 43) == nil)
        #expect(interner.id(of: 0) == nil)
    }
}
