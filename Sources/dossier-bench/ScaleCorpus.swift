import ArticleStore
import DossierCore
import Foundation

/// Articles for the scale benchmark, made one batch at a time (a million
/// never sit in memory): sentences from `NewsTextModel`, names from its pools.
///
/// Each article has a cast: two to six people, organisations and places drawn
/// with a Zipf skew from the name pools (a few names are in many articles, as
/// a head of state is, most in few); slots are filled from the cast three
/// times in four, otherwise from the whole pool. Bodies have 10 to 40
/// sentences in paragraphs of one to four; titles are the first words of a
/// sentence; dates run from 2015 to 2025 over 20 outlets.
struct ScaleCorpus {
    let model: NewsTextModel
    private var rng: SplitMix64
    private let people: [String]
    private let pools: [[String]]
    private var produced = 0
    static let outlets = (1...20).map { "Wire \($0)" }

    init(model: NewsTextModel, seed: UInt64) {
        self.model = model
        rng = SplitMix64(seed: seed)
        // People: first and last names recombined, in a fixed shuffled order
        // that is also their popularity rank.
        var people: [String] = []
        var mixer = SplitMix64(seed: seed ^ 0x9E0F)
        let firsts = model.firstNames, lasts = model.lastNames
        for _ in 0..<min(200_000, firsts.count * lasts.count) {
            people.append(mixer.pick(firsts) + " " + mixer.pick(lasts))
        }
        self.people = people
        pools = [people, model.names["ORG"] ?? [], model.names["LOC"] ?? [], model.names["MISC"] ?? []]
    }

    /// Rank drawn with weight 1/(rank + 1) over `count` items (inverse CDF of
    /// the continuous approximation: cheap and skewed enough).
    private mutating func zipf(_ count: Int) -> Int {
        guard count > 1 else { return 0 }
        let value = exp(rng.unit() * log(Double(count) + 1)) - 1
        return min(count - 1, max(0, Int(value)))
    }

    private mutating func name(slot: Int, cast: [[String]]) -> String {
        let pool = pools[slot]
        if !cast[slot].isEmpty, rng.chance(0.75) { return rng.pick(cast[slot]) }
        return pool.isEmpty ? "Reuters" : pool[zipf(pool.count)]
    }

    private mutating func sentenceText(cast: [[String]], into joiner: inout TextJoiner, words: inout Int) {
        for token in model.sentence(&rng) {
            if token < NewsTextModel.firstWord {
                let slot = token - 1
                let filler = name(slot: slot, cast: cast)
                // A person named again in an article is often by surname alone.
                if slot == 0, rng.chance(0.3), let last = filler.split(separator: " ").last {
                    joiner.append(String(last))
                } else {
                    joiner.append(filler)
                }
            } else {
                joiner.append(model.word(token))
            }
            words += 1
        }
        joiner.endSentence()
    }

    mutating func next(_ count: Int) -> [ArticleDraft] {
        (0..<count).map { _ in article() }
    }

    private mutating func article() -> ArticleDraft {
        produced += 1
        var cast: [[String]] = Array(repeating: [], count: pools.count)
        for slot in 0..<pools.count where !pools[slot].isEmpty {
            for _ in 0..<rng.int(1...(slot == 3 ? 2 : 4)) { cast[slot].append(pools[slot][zipf(pools[slot].count)]) }
        }
        var paragraphs: [String] = []
        var words = 0
        let sentences = rng.int(10...40)
        var written = 0
        while written < sentences {
            var joiner = TextJoiner()
            for _ in 0..<min(sentences - written, rng.int(1...4)) {
                sentenceText(cast: cast, into: &joiner, words: &words)
                written += 1
            }
            if !joiner.text.isEmpty { paragraphs.append(joiner.text) }
        }
        var titleJoiner = TextJoiner()
        var titleWords = 0
        sentenceText(cast: cast, into: &titleJoiner, words: &titleWords)
        let title = titleJoiner.text.split(separator: " ").prefix(12).joined(separator: " ")
        let day = rng.int(0...(11 * 365 - 1))
        let seconds = 1_420_070_400 + Double(day) * 86_400 + Double(rng.int(0...86_399))
        return ArticleDraft(title: title, outlet: rng.pick(Self.outlets),
                            published: PublicationDate(instant: Date(timeIntervalSince1970: seconds), utcOffsetSeconds: 0, precision: .minute),
                            body: paragraphs.joined(separator: "\n\n"))
    }
}
