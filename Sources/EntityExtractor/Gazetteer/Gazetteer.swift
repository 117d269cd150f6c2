import DossierCore
import Foundation

/// Names the extractor knows from data: countries, demonyms, cities, states,
/// regions, organisations and groups (`Resources/gazetteer-*.tsv`).
///
/// Lookup works on tokens, not strings: every name is cut by the same
/// tokenizer as the text ("People's Republic" is "People" "'s" "Republic"), and
/// its key is the lower-cased token bytes joined by single spaces, so "NEW
/// DELHI" and "New Delhi" find the same entry. Names written all in capitals
/// ("ISI", "USA") are keyed with their case, so "isi" and "usa" find nothing.
/// A first-token table rejects most tokens with one hash lookup and says how
/// many tokens the longest name starting there has.
///
/// When two files name the same key, the first loaded wins: countries, then
/// demonyms, organisations, listed companies, groups, regions, cities, states.
public final class Gazetteer: Sendable {
    public let entries: [GazetteerEntry]
    /// Keys of all-capital names, with their case.
    private let exactKeys: [[UInt8]: Int]
    /// Lower-cased keys of every other name.
    private let foldedKeys: [[UInt8]: Int]
    /// Hash of the lower-cased first token of any key -> the most tokens a key
    /// starting with it has. A hash, not the bytes, so rejecting a token costs
    /// no allocation; a collision only costs a full lookup that finds nothing.
    private let firstTokens: HashTable<Int>
    /// A bit per hash of `firstTokens`: most tokens are rejected by a bit
    /// test, without hashing the hash.
    private let firstTokenBits: HashBits
    /// The ASCII bytes some key starts with (lower-cased for folded keys), a
    /// bit each: a token starting with any other ASCII byte (a mark, mostly)
    /// starts no name, and is not even hashed.
    private let asciiStarts: (UInt64, UInt64)
    /// Lower-cased canonical name -> entry, for `entry(named:)`.
    private let names: [String: Int]
    /// `exactKeys` and `foldedKeys` by the FNV-1a of their keys, so that a key
    /// is found by one integer lookup and one comparison, and one that cannot
    /// be there is rejected without building its bytes. Two keys with the same
    /// hash leave a slot that sends the lookup to the dictionary.
    private let exactByHash: HashTable<KeySlot>
    private let foldedByHash: HashTable<KeySlot>
    /// A bit per hash of `exactByHash` and `foldedByHash`, tested before them.
    private let exactBits: HashBits
    private let foldedBits: HashBits
    /// A bit per hash of every folded key cut after each of its tokens
    /// ("new", "new york", "new york city"): a run of tokens whose hash is not
    /// there starts no name, so no longer run is hashed.
    private let prefixBits: HashBits

    /// File order is precedence order (see the type's comment).
    static let bundledFiles = ["countries", "demonyms", "organizations", "companies", "groups", "regions", "cities", "states"]

    public init(entries: [GazetteerEntry]) {
        var exact: [[UInt8]: Int] = [:]
        var folded: [[UInt8]: Int] = [:]
        var first: [UInt64: Int] = [:]
        var names: [String: Int] = [:]
        var prefixes = Set<UInt64>()
        var starts: (UInt64, UInt64) = (0, 0)
        func addStart(_ byte: UInt8?) {
            guard let byte, byte < 0x80 else { return }
            if byte < 64 { starts.0 |= 1 << UInt64(byte) } else { starts.1 |= 1 << UInt64(byte - 64) }
        }
        for (index, entry) in entries.enumerated() {
            if names[entry.name.lowercased()] == nil { names[entry.name.lowercased()] = index }
            for name in [entry.name] + entry.aliases {
                guard let key = NameKey(name) else { continue }
                var prefix = NameKey.hashSeed
                for byte in key.folded {
                    if byte == 0x20 { prefixes.insert(prefix) }
                    prefix = NameKey.hashStep(prefix, byte)
                }
                prefixes.insert(prefix)
                addStart(key.isExactCase ? key.bytes.first : key.folded.first)
                if key.isExactCase {
                    if exact[key.bytes] == nil { exact[key.bytes] = index }
                } else if folded[key.folded] == nil {
                    folded[key.folded] = index
                }
                let hash = NameKey.foldedHash(key.firstToken[...])
                first[hash] = max(first[hash] ?? 0, key.tokenCount)
            }
        }
        self.entries = entries
        self.exactKeys = exact
        self.foldedKeys = folded
        self.asciiStarts = starts
        self.firstTokens = HashTable(first)
        self.firstTokenBits = HashBits(first.keys)
        self.names = names
        let exactSlots = Gazetteer.slots(exact)
        let foldedSlots = Gazetteer.slots(folded)
        exactByHash = HashTable(exactSlots)
        foldedByHash = HashTable(foldedSlots)
        exactBits = HashBits(exactSlots.keys)
        foldedBits = HashBits(foldedSlots.keys)
        prefixBits = HashBits(prefixes)
    }

    /// A Bloom filter with one hash: a bit per hash, about eight bits per
    /// hash (one word for none, so an empty gazetteer costs nothing to make).
    struct HashBits {
        let words: [UInt64]
        let mask: UInt64

        init<Hashes: Collection>(_ hashes: Hashes) where Hashes.Element == UInt64 {
            var bitCount: UInt64 = 64
            while bitCount < 8 * UInt64(hashes.count) { bitCount <<= 1 }
            var words = [UInt64](repeating: 0, count: Int(bitCount / 64))
            for hash in hashes { words[Int((hash & (bitCount - 1)) >> 6)] |= 1 << (hash & 63) }
            self.words = words
            mask = bitCount - 1
        }

        @inline(__always)
        func contains(_ hash: UInt64) -> Bool {
            words[Int((hash & mask) >> 6)] & (1 << (hash & 63)) != 0
        }
    }

    struct KeySlot {
        let key: [UInt8]
        /// The entry; -1 when keys collide here (ask the dictionary).
        let entry: Int
    }

    private static func slots(_ keys: [[UInt8]: Int]) -> [UInt64: KeySlot] {
        var slots: [UInt64: KeySlot] = [:]
        for (key, entry) in keys {
            let hash = NameKey.hash(key[...])
            slots[hash] = slots[hash] == nil ? KeySlot(key: key, entry: entry) : KeySlot(key: [], entry: -1)
        }
        return slots
    }

    private func exactSlot(_ hash: UInt64) -> KeySlot? {
        exactBits.contains(hash) ? exactByHash[hash] : nil
    }

    private func foldedSlot(_ hash: UInt64) -> KeySlot? {
        foldedBits.contains(hash) ? foldedByHash[hash] : nil
    }

    /// The entry whose key (exact or folded) is `tokens` joined by spaces,
    /// for tokens whose hash found `slot`: compared in place, unless two keys
    /// share the hash and the dictionary must decide.
    @inline(__always)
    private func entry<Tokens: Collection<Token>>(_ slot: KeySlot, _ tokens: Tokens, _ bytes: UnsafeBufferPointer<UInt8>,
                                                  folded: Bool) -> Int? {
        if slot.entry < 0 { return (folded ? foldedKeys : exactKeys)[NameKey.joined(tokens, in: bytes, folded: folded)] }
        return NameKey.equals(slot.key, tokens, in: bytes, folded: folded) ? slot.entry : nil
    }

    /// The gazetteers shipped in the package's resources, loaded once.
    public static func bundled() throws -> Gazetteer {
        try bundledResult.get()
    }

    private static let bundledResult: Result<Gazetteer, any Error> = Result {
        var entries: [GazetteerEntry] = []
        for name in bundledFiles {
            guard let url = Bundle.module.url(forResource: "gazetteer-\(name)", withExtension: "tsv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "gazetteer-\(name)", withExtension: "tsv") else {
                throw GazetteerError.missingResource("gazetteer-\(name).tsv")
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw GazetteerError.unreadable(url.path)
            }
            entries += GazetteerFile.parse(String(decoding: data, as: UTF8.self))
        }
        return Gazetteer(entries: entries)
    }

    /// The entry whose canonical name is `name`, any case.
    public func entry(named name: String) -> GazetteerEntry? {
        names[name.lowercased()].map { entries[$0] }
    }

    /// The entry `name` (a canonical name or an alias, as written) refers to.
    public func lookup(_ name: String) -> GazetteerEntry? {
        guard !entries.isEmpty else { return nil }
        let text = Array(name.utf8)
        let tokens = Tokenizer.tokenize(text)
        guard !tokens.isEmpty else { return nil }
        return text.withUnsafeBufferPointer { lookup(tokens[...], in: $0) }
    }

    /// The entry the words of `tokens` name: the key is the text's own tokens
    /// joined by spaces, as the tagger and the rules saw them. `lookup(_:)`
    /// of the same words cuts them again out of context, which can differ
    /// where the tokenizer reads context ("No." before a number keeps its
    /// stop in the text, not alone; CoNLL's detached "'s" is one token here,
    /// two when re-cut), and then this answer is the one that fits the text.
    func lookup(tokens: Range<Int>, in text: TokenizedText) -> GazetteerEntry? {
        guard !entries.isEmpty, !tokens.isEmpty else { return nil }
        return text.bytes.withUnsafeBufferPointer { lookup(text.tokens[tokens], in: $0) }
    }

    /// The entry whose key is these tokens joined by spaces. The key itself is
    /// built only when its hash is a key's.
    private func lookup<Tokens: Collection<Token>>(_ tokens: Tokens, in bytes: UnsafeBufferPointer<UInt8>) -> GazetteerEntry? {
        var exact = NameKey.hashSeed
        var folded = NameKey.hashSeed
        for (position, token) in tokens.enumerated() {
            if position > 0 {
                exact = NameKey.hashStep(exact, 0x20)
                folded = NameKey.hashStep(folded, 0x20)
            }
            exact = NameKey.hash(bytes[token.range], seed: exact)
            folded = NameKey.foldedHash(bytes[token.range], seed: folded)
        }
        let exactHit = exactSlot(exact)
        let foldedHit = foldedSlot(folded)
        if let slot = exactHit, let index = entry(slot, tokens, bytes, folded: false) { return entries[index] }
        if let slot = foldedHit, let index = entry(slot, tokens, bytes, folded: true) { return entries[index] }
        return nil
    }

    /// The longest name starting at token `start` and ending within `limit`.
    public func longestMatch(in text: TokenizedText, at start: Int, limit: Int? = nil) -> GazetteerMatch? {
        guard !firstTokens.isEmpty else { return nil }
        return text.bytes.withUnsafeBufferPointer { bytes in
            longestMatch(tokens: text.tokens, bytes: bytes, at: start, limit: limit)
        }
    }

    /// `longestMatch(in:at:limit:)` over a text's tokens and bytes.
    /// Every candidate length is hashed in one pass over the bytes, and only a
    /// length whose hash is a key's builds its key.
    func longestMatch(tokens: [Token], bytes: UnsafeBufferPointer<UInt8>, at start: Int, limit: Int? = nil) -> GazetteerMatch? {
        let end = min(limit ?? tokens.count, tokens.count)
        guard start < end, !firstTokens.isEmpty else { return nil }
        let firstRange = tokens[start].range
        guard !firstRange.isEmpty, mayStartKey(bytes[firstRange.lowerBound]) else { return nil }
        let firstFolded = NameKey.foldedHash(bytes[firstRange])
        guard firstTokenBits.contains(firstFolded),
              let longest = firstTokens[firstFolded] else { return nil }
        let longestRun = min(longest, end - start)
        guard longestRun > 0 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * longestRun) { hashes in
            var most = longestRun
            var exact = NameKey.hash(bytes[firstRange])
            var folded = firstFolded
            hashes[0] = exact
            hashes[longestRun] = folded
            // A token with a space inside could hold two of a key's tokens:
            // then every length is tried, as the keys' joined bytes decide.
            var spaced = bytes[firstRange].contains(0x20)
            var position = 1
            while position < most {
                let range = tokens[start + position].range
                exact = NameKey.hash(bytes[range], seed: NameKey.hashStep(exact, 0x20))
                folded = NameKey.foldedHash(bytes[range], seed: NameKey.hashStep(folded, 0x20))
                hashes[position] = exact
                hashes[longestRun + position] = folded
                if !spaced, bytes[range].contains(0x20) { spaced = true }
                if !spaced, !prefixBits.contains(folded) {
                    most = position
                    break
                }
                position += 1
            }
            var count = most
            while count > 0 {
                let exactHit = exactSlot(hashes[count - 1])
                let foldedHit = foldedSlot(hashes[longestRun + count - 1])
                let range = start..<(start + count)
                if let slot = exactHit, let index = entry(slot, tokens[range], bytes, folded: false) {
                    return GazetteerMatch(tokens: range, entry: entries[index], isExactCase: true)
                }
                if let slot = foldedHit, let index = entry(slot, tokens[range], bytes, folded: true) {
                    return GazetteerMatch(tokens: range, entry: entries[index], isExactCase: false)
                }
                count -= 1
            }
            return nil
        }
    }

    /// Whether some key starts with `byte` as it is, or lower-cased; any
    /// non-ASCII byte may.
    @inline(__always)
    private func mayStartKey(_ byte: UInt8) -> Bool {
        guard byte < 0x80 else { return true }
        let folded = isASCIIUpper(byte) ? byte | 0x20 : byte
        func has(_ byte: UInt8) -> Bool {
            byte < 64 ? asciiStarts.0 & (1 << UInt64(byte)) != 0 : asciiStarts.1 & (1 << UInt64(byte - 64)) != 0
        }
        return has(byte) || has(folded)
    }

    /// The entry the bytes of one word (or a piece of one, "Bangladesh" in
    /// "Bangladesh-based") name.
    func lookup(word bytes: ArraySlice<UInt8>) -> GazetteerEntry? {
        guard !entries.isEmpty, !bytes.isEmpty else { return nil }
        return bytes.withUnsafeBufferPointer { lookup(CollectionOfOne(Token(range: 0..<$0.count)), in: $0) }
    }

    /// Left-to-right, longest-first, non-overlapping matches over all tokens.
    public func matches(in text: TokenizedText) -> [GazetteerMatch] {
        var found: [GazetteerMatch] = []
        var index = 0
        while index < text.tokens.count {
            if let match = longestMatch(in: text, at: index) {
                found.append(match)
                index = match.tokens.upperBound
            } else {
                index += 1
            }
        }
        return found
    }
}

/// A name found in a tokenized text.
public struct GazetteerMatch: Hashable, Sendable {
    public var tokens: Range<Int>
    public var entry: GazetteerEntry
    /// The key matched with its case (an all-capital name such as "ISI").
    public var isExactCase: Bool
}

public enum GazetteerError: Error, Hashable, Sendable, CustomStringConvertible {
    case missingResource(String)
    case unreadable(String)

    public var description: String {
        switch self {
        case .missingResource(let name): "gazetteer resource \(name) is missing from the EntityExtractor bundle"
        case .unreadable(let path): "cannot read gazetteer file \(path)"
        }
    }
}

/// A name cut into tokens as the text will be, in key form.
struct NameKey {
    /// Token bytes joined by single spaces, with their case.
    let bytes: [UInt8]
    let folded: [UInt8]
    let firstToken: [UInt8]
    let tokenCount: Int
    /// All capitals: at least two letters, none lower-case ("ISI", "U.S.", "G7");
    /// or a mixed-case word that folds to a dictionary word ("LeT").
    let isExactCase: Bool

    init?(_ name: String) {
        let text = Array(name.utf8)
        let tokens = Tokenizer.tokenize(text)
        guard let firstRange = tokens.first?.range else { return nil }
        let bytes = text.withUnsafeBufferPointer { NameKey.joined(tokens[...], in: $0, folded: false) }
        self.bytes = bytes
        folded = NameKey.folded(bytes)
        firstToken = NameKey.folded(Array(text[firstRange]))
        tokenCount = tokens.count
        var upper = 0
        var lower = false
        for byte in text {
            if byte >= 0x41 && byte <= 0x5A { upper += 1 }
            if byte >= 0x61 && byte <= 0x7A { lower = true }
        }
        // A one-word name in mixed case that folds to an English word ("LeT",
        // Lashkar-e-Taiba) is that name only as written: "Let's" is no group.
        let mixedCaseWord = lower && tokens.count == 1 && CommonWords.contains(folded[...])
        isExactCase = upper >= 2 && (!lower || mixedCaseWord) && text.count <= 12
    }

    static func joined<Tokens: Collection<Token>>(_ tokens: Tokens, in bytes: UnsafeBufferPointer<UInt8>, folded: Bool) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(32)
        for token in tokens {
            if !key.isEmpty { key.append(0x20) }
            if folded {
                appendFolded(bytes[token.range], to: &key)
            } else {
                key.append(contentsOf: bytes[token.range])
            }
        }
        return key
    }

    /// Whether `key` is what `joined(tokens, in: bytes, folded: folded)`
    /// would make, without making it.
    static func equals<Tokens: Collection<Token>>(_ key: [UInt8], _ tokens: Tokens, in bytes: UnsafeBufferPointer<UInt8>,
                                                  folded: Bool) -> Bool {
        key.withUnsafeBufferPointer { key in
            var position = 0
            for token in tokens {
                if position > 0 {
                    guard position < key.count, key[position] == 0x20 else { return false }
                    position += 1
                }
                let matched = forEachFolded(bytes[token.range], folding: folded) { byte in
                    guard position < key.count, key[position] == byte else { return false }
                    position += 1
                    return true
                }
                guard matched else { return false }
            }
            return position == key.count
        }
    }

    /// Calls `body` with each byte of `bytes` as `appendFolded` writes it (or
    /// as it is, without `folding`) until `body` returns false; returns
    /// whether it never did.
    @inline(__always)
    static func forEachFolded<C: Collection>(_ bytes: C, folding: Bool, _ body: (UInt8) -> Bool) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard folding else {
            for byte in bytes where !body(byte) { return false }
            return true
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let output: UInt8
            if byte >= 0x41 && byte <= 0x5A {
                output = byte | 0x20
            } else if byte == 0xC3, index + 1 < bytes.endIndex, bytes[index + 1] >= 0x80, bytes[index + 1] <= 0x9E,
                      bytes[index + 1] != 0x97 {
                guard body(0xC3) else { return false }
                output = bytes[index + 1] + 0x20
                index += 1
            } else if byte == 0xE2, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0x99 {
                output = 0x27
                index += 2
            } else {
                output = byte
            }
            guard body(output) else { return false }
            index += 1
        }
        return true
    }

    static func folded(_ bytes: [UInt8]) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(bytes.count)
        appendFolded(bytes[...], to: &key)
        return key
    }

    static let hashSeed = FNV1a.seed

    @inline(__always)
    static func hashStep(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        FNV1a.step(hash, byte)
    }

    /// FNV-1a of the bytes as they are, continuing from `seed`.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C, seed: UInt64 = hashSeed) -> UInt64 where C.Element == UInt8 {
        var hash = seed
        for byte in bytes { hash = FNV1a.step(hash, byte) }
        return hash
    }

    /// FNV-1a of the folded bytes (as `appendFolded` folds them), without
    /// allocating, continuing from `seed`.
    @inline(__always)
    static func foldedHash<C: Collection>(_ bytes: C, seed: UInt64 = hashSeed) -> UInt64 where C.Element == UInt8, C.Index == Int {
        var hash = seed
        _ = forEachFolded(bytes, folding: true) { byte in
            hash = hashStep(hash, byte)
            return true
        }
        return hash
    }

    /// Lower-cases ASCII and the Latin-1 capitals (C3 80-9E: "É" -> "é"), and
    /// reads the curly apostrophe as a straight one, so "Cox’s" keys as "cox's".
    static func appendFolded<C: Collection>(_ bytes: C, to key: inout [UInt8]) where C.Element == UInt8, C.Index == Int {
        _ = forEachFolded(bytes, folding: true) { byte in
            key.append(byte)
            return true
        }
    }
}
