import Foundation

/// A set of lower-case words asked with a token's bytes in any ASCII case, by
/// the hash of the folded bytes (`CommonWords.foldedHash`): a question makes
/// no array, which matters for rules asked of every span or name. Two words
/// of one hash would be one word here; with 64-bit hashes and lists of a few
/// thousand words that does not happen.
struct WordSet: Sendable {
    /// The words' hashes, in the extractor's own open-addressing table (no
    /// SipHash per question, as a `Set` would do).
    private let hashes: HashInterner

    /// Words separated by white space.
    init(_ words: String) {
        hashes = Self.interner(words.split(whereSeparator: { $0 == " " || $0 == "\n" }).map { NameKey.hash($0.utf8) })
    }

    /// One word a line, from a resource file of the bundle (empty when missing).
    init(resource name: String) {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: name, withExtension: "txt"),
              let data = FileManager.default.contents(atPath: url.path) else {
            hashes = Self.interner([])
            return
        }
        hashes = Self.interner(data.split(separator: 0x0A).map { NameKey.hash($0.lazy.map(asciiLowercased)) })
    }

    private static func interner(_ words: [UInt64]) -> HashInterner {
        var interner = HashInterner(minimumCapacity: max(words.count, 1))
        for word in words { _ = interner.insert(word) }
        return interner
    }

    func contains(_ word: ArraySlice<UInt8>) -> Bool {
        hashes.id(of: CommonWords.foldedHash(word)) != nil
    }

    /// Whether the word without an abbreviation's dot is in the set ("Rep." asks "rep").
    func containsBare(_ word: ArraySlice<UInt8>) -> Bool {
        word.count > 1 && word.last == 0x2E ? contains(word.dropLast()) : contains(word)
    }

    /// Whether a word of hash `hash` (`WordSet.hash(of:in:bare:)`) is in the set.
    func contains(hash: UInt64) -> Bool {
        hashes.id(of: hash) != nil
    }

    /// The folded hash of token `index` of `text`, without its abbreviation
    /// dot when `bare`; read through the array's buffer, so no slice is made.
    static func hash(of index: Int, in text: TokenizedText, bare: Bool = false) -> UInt64 {
        var range = text.tokens[index].range
        return text.bytes.withUnsafeBufferPointer { bytes in
            if bare, range.count > 1, bytes[range.upperBound - 1] == 0x2E { range = range.lowerBound..<(range.upperBound - 1) }
            return NameKey.hash(bytes[range].lazy.map(asciiLowercased))
        }
    }

    func contains(_ word: String) -> Bool {
        hashes.id(of: NameKey.hash(word.utf8.lazy.map(asciiLowercased))) != nil
    }
}
