import DossierCore
@testable import EntityExtractor
import Testing

/// The extractor's fast paths against the plain computation they replace:
/// the same answers, not merely plausible ones.
@Suite struct FastPathEquivalenceTests {
    /// Every bundled name and alias, set in a sentence, is found by its
    /// tokens as by its text.
    @Test func lookupByTokensAgreesWithLookupByText() throws {
        let gazetteer = Fixtures.gazetteer
        var checked = 0
        for entry in gazetteer.entries {
            for name in [entry.name] + entry.aliases {
                let prefix = "Officials said "
                let text = TokenizedText(text: prefix + name + " was calm on Monday.")
                let start = prefix.utf8.count
                let end = start + name.utf8.count
                guard let first = text.tokens.firstIndex(where: { $0.range.lowerBound == start }),
                      let last = text.tokens.firstIndex(where: { $0.range.upperBound == end }) else { continue }
                let byTokens = gazetteer.lookup(tokens: first..<(last + 1), in: text)
                let byText = gazetteer.lookup(name)
                #expect(byTokens?.name == byText?.name, "\(name)")
                checked += 1
            }
        }
        #expect(checked > 5_000)
    }

    /// Names starting with a digit or a mark are still found: the
    /// gazetteer's first-byte filter is built from its keys.
    @Test func namesStartingWithDigitsOrMarksAreMatched() {
        let gazetteer = Gazetteer(entries: [
            GazetteerEntry(name: "9/11 Commission", type: .organization, kind: "body"),
            GazetteerEntry(name: "'Ndrangheta", type: .organization, kind: "group"),
            GazetteerEntry(name: "Dhaka", type: .geopolitical, kind: "capital"),
        ])
        let text = TokenizedText(text: "The 9/11 Commission and the 'Ndrangheta met in dhaka, then Dhaka.")
        let found = gazetteer.matches(in: text).map { match in
            String(decoding: text.bytes[text.tokens[match.tokens.lowerBound].range.lowerBound
                ..< text.tokens[match.tokens.upperBound - 1].range.upperBound], as: UTF8.self)
        }
        #expect(found == ["9/11 Commission", "'Ndrangheta", "dhaka", "Dhaka"])
    }

    /// The allowed-tag masks hold exactly the tags the well-formedness rule allows.
    @Test func allowedTagMasksMatchTheRule() {
        let previous: [EntityTag?] = [nil] + (0..<EntityTag.count).map { EntityTag(rawValue: $0) }
        for tag in previous {
            for closing in [false, true] {
                let mask = EntityTag.Mask.following(tag, closingSentence: closing)
                for raw in 0..<EntityTag.count {
                    let candidate = EntityTag(rawValue: raw)
                    #expect(mask.contains(raw) == (candidate.canFollow(tag) && !(closing && candidate.isOpen)))
                }
            }
        }
    }

    /// The SIMD scores equal, bit for bit, a scalar sum of the dequantised
    /// weights in feature order.
    @Test func vectorScoresEqualScalarSums() {
        var generator = SplitMix(seed: 7)
        let width = EntityTag.count
        let keys = (0..<2_000).map { _ in generator.next() | 1 }
        let rows = (0..<(keys.count * width)).map { _ in Float(Int(generator.next() % 2_001) - 1_000) / 97 }
        let weights = TagWeights(keys: keys, rows: rows)
        var scores = [Float](repeating: 0, count: width)
        var scratch = [UInt32](repeating: 0, count: 64)
        for trial in 0..<200 {
            // Known features and unknown ones, as a token has.
            let features = (0..<34).map { index in index % 3 == 0 ? generator.next() : keys[Int(generator.next() % UInt64(keys.count))] }
            features.withUnsafeBufferPointer { features in
                scores.withUnsafeMutableBufferPointer { scores in
                    scratch.withUnsafeMutableBufferPointer { scratch in
                        weights.score(features, into: scores.baseAddress!, scratch: scratch.baseAddress!)
                    }
                }
            }
            var expected = [Float](repeating: 0, count: width)
            for key in features {
                guard let row = keys.firstIndex(of: key) else { continue }
                let values = rows[(row * width)..<((row + 1) * width)]
                let largest = values.reduce(Float(0)) { max($0, abs($1)) }
                let scale = largest > 0 ? largest / 127 : 1
                for (tag, value) in values.enumerated() {
                    expected[tag] += Float(Int8(clamping: Int((value / scale).rounded()))) * scale
                }
            }
            #expect(scores.map(\.bitPattern) == expected.map(\.bitPattern), "trial \(trial)")
        }
    }
}

/// A small deterministic generator for test data.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return FeatureHash.mix(state)
    }
}
