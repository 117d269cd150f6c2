import Foundation

/// Gazetteer membership as a feature: which tokens fall inside a listed name,
/// at which position (B/I/L/U) and of which listed type. The tagger learns how
/// far to trust each list; the lists never decide a label by themselves here
/// (the rules layer does that).
///
/// The names come from the `gazetteer-*.tsv` files of the bundle, the files
/// the rest of the extractor reads, so training and tagging see the same lists.
/// Without them every token gets "no match" and the model still works.
struct GazetteerMatcher: Sendable {
    /// Hash of a name's word sequence -> bit set of listed types.
    private var names: [UInt64: UInt8] = [:]
    private(set) var longestName = 0
    /// Changes when the lists change; stored in the model to warn of a mismatch.
    private(set) var fingerprint: UInt64 = 0

    var isEmpty: Bool { names.isEmpty }

    static let typeBits: [String: UInt8] = ["GPE": 1, "LOC": 2, "ORG": 4, "NORP": 8, "PERSON": 16]

    init() {}

    /// Reads every `gazetteer-*.tsv` in `directory`: one entry a line, the name
    /// in the first column, the type in the second, `|`-separated aliases in
    /// the fifth; `#` starts a comment line.
    init(directory: URL) {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil)) ?? []
        for file in files.sorted(by: { $0.lastPathComponent < $1.lastPathComponent })
        where file.lastPathComponent.hasPrefix("gazetteer-") && file.pathExtension == "tsv" {
            guard let contents = try? String(contentsOf: file, encoding: .utf8) else { continue }
            for line in contents.split(separator: "\n") where !line.hasPrefix("#") {
                let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
                let bits = columns.count > 1 ? Self.typeBits[String(columns[1])] ?? 32 : 32
                add(String(columns[0]), bits: bits)
                if columns.count > 4 {
                    for alias in columns[4].split(separator: "|") { add(String(alias), bits: bits) }
                }
            }
        }
    }

    /// The lists shipped in the bundle, or empty ones.
    static func bundled() -> GazetteerMatcher {
        // Found through a file it must hold: `resourceURL` differs between
        // Darwin bundles and the flat ones SwiftPM makes on Linux.
        guard let countries = Bundle.module.url(forResource: "gazetteer-countries", withExtension: "tsv", subdirectory: "Resources") else {
            return GazetteerMatcher()
        }
        return GazetteerMatcher(directory: countries.deletingLastPathComponent())
    }

    mutating func add(_ name: String, bits: UInt8) {
        let text = TokenizedText(text: name)
        guard !text.tokens.isEmpty, text.tokens.count <= 8 else { return }
        var hash = FeatureHash.seed
        text.bytes.withUnsafeBufferPointer { bytes in
            for token in text.tokens { hash = FeatureHash.combine(hash, TokenTraits(bytes, token.range).word) }
        }
        names[hash, default: 0] |= bits
        fingerprint = fingerprint &+ FeatureHash.mix(hash &+ UInt64(bits))
        longestName = max(longestName, text.tokens.count)
    }

    /// For each token, 0 outside any listed name, else the type bits and the
    /// position in the longest name starting at a capitalised word.
    func match(_ text: TokenizedText, words: [UInt64], casing: [TokenCasing]) -> [UInt64] {
        var tags = [UInt64](repeating: 0, count: words.count)
        guard !names.isEmpty else { return tags }
        for sentence in text.sentences {
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                guard casing[index].isCapitalised else { index += 1; continue }
                var hash = FeatureHash.seed
                var best = 0
                var bestBits: UInt8 = 0
                for length in 1...min(longestName, sentence.upperBound - index) {
                    hash = FeatureHash.combine(hash, words[index + length - 1])
                    if let bits = names[hash] { best = length; bestBits = bits }
                }
                guard best > 0 else { index += 1; continue }
                for offset in 0..<best {
                    let position: UInt64 = best == 1 ? 4 : offset == 0 ? 1 : offset == best - 1 ? 3 : 2
                    tags[index + offset] = UInt64(bestBits) << 3 | position
                }
                index += best
            }
        }
        return tags
    }
}
