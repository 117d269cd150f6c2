import DossierCore
import Foundation

/// How likely a word is to be an attribution cue, learned from annotated news
/// (PolNeAR train): for each word, and for each word with its right or left
/// neighbour, how often it occurs and how often annotators marked it as (part
/// of) a cue. "says" is nearly always a cue, "called" only sometimes, "called
/// for" nearly always; the neighbour counts tell those apart without a parser.
public struct CueLexicon: Sendable {
    public struct Counts: Sendable, Equatable {
        /// Occurrences of the key in the training text.
        public var total: Int
        /// Occurrences where its (first) word was inside a cue.
        public var cue: Int
        /// For a word with its right neighbour: occurrences where both were inside the cue.
        public var both: Int

        public init(total: Int = 0, cue: Int = 0, both: Int = 0) {
            self.total = total
            self.cue = cue
            self.both = both
        }

        public var rate: Double { total == 0 ? 0 : Double(cue) / Double(total) }
    }

    /// Keys: "word", "word next" (right neighbour), "< previous word" (left neighbour); lower case;
    /// "@claim word": claims built at the cue word on the training texts (total) and those right (cue).
    public private(set) var counts: [String: Counts]
    /// Below this rate a word is not taken as a cue.
    public var threshold: Double
    /// A neighbour key is trusted from this many occurrences; below, the word alone decides.
    public var minimumEvidence: Int
    /// When present, decides in context for every word the counts know as a cue.
    public var classifier: CueClassifier?
    /// The classifier's score must pass this (0: its own decision; higher: fewer, surer cues).
    /// 0.5 from 5-fold cross-validation on PolNeAR train with the learned claim floor
    /// dropping the least reliable claims: whole-attribution F1 63.7 (P 74.2) against
    /// 63.5 at 0.75 (P 74.9) and 63.3 at 1 (P 75.5), the margin chosen earlier, without
    /// the floor, to keep precision up (4-fold: 54.1 at both 0 and 1, P 59.6 and 64.9).
    public var margin = 0.5
    /// When present, claims are also built at words the cue classifier scored above
    /// `candidateMargin` (below `margin`), and the scorer keeps, of all claims, those
    /// that look like attributions.
    public var claimScorer: ClaimScorer?
    /// The classifier's margin for candidate cues when `claimScorer` decides the claims.
    /// -1.5 from 5-fold cross-validation on PolNeAR train, with the claim scorer's stem, clause
    /// and source-head features and candidates by stem: whole-attribution F1 67.2 (P 77.7,
    /// R 59.2; claim threshold -5) against 66.8 at -1 (threshold -4); 67.0 at -2 without the
    /// stems. (Earlier, -1 against -0.5: 66.3 and 66.1.) Session 12's rules read 67.8 here.
    public var candidateMargin = -1.5

    /// Claims built at a cue word are dropped when, on the training texts, fewer
    /// than this share of them matched a gold attribution (seen `minimumClaims` times at least).
    /// 0.35 from 5-fold cross-validation on PolNeAR train: whole-attribution F1 62.8 with
    /// none, 62.9 at 0.2, 63.0 at 0.35 (precision 74.3 -> 75.3).
    public var claimFloor = 0.35
    public var minimumClaims = 10

    /// The key of a cue word's claim counts: total claims built at it, and how many matched.
    static func claimKey(_ word: String) -> String { "@claim " + word }

    /// Whether claims at this cue word are dropped (`claimFloor`).
    public func dropsClaims(at word: String) -> Bool {
        guard claimFloor > 0, let claims = counts[Self.claimKey(word)], claims.total >= minimumClaims else { return false }
        return claims.rate < claimFloor
    }

    /// Counts one claim built at `word` on a training text, and whether it matched the gold.
    public mutating func learnClaim(at word: String, matched: Bool) {
        counts[Self.claimKey(word), default: Counts()].total += 1
        if matched { counts[Self.claimKey(word), default: Counts()].cue += 1 }
    }

    public init(counts: [String: Counts] = [:], threshold: Double = 0.5, minimumEvidence: Int = 4) {
        self.counts = counts
        self.threshold = threshold
        self.minimumEvidence = minimumEvidence
        self.stemCounts = Self.stemCounts(of: counts)
    }

    /// The single words' counts summed by crude stem (`CueClassifier.stem`: "adds", "added",
    /// "adding": "add"), so a verb form seen too rarely to be kept ("adds", "blames",
    /// "acknowledges") is judged by its other forms' evidence. Derived from `counts` by
    /// `init` and `prune()`; counts being learned are read only after their `prune()`.
    public private(set) var stemCounts: [String: Counts] = [:]
    /// Whether a word the counts do not know is a candidate by its stem (`isCandidate`).
    public var candidateStems = true
    /// A stem is a candidate's when its forms were cues this often at least, and at this rate.
    public static let minimumStemCues = 4, minimumStemRate = 0.05

    static func stemCounts(of counts: [String: Counts]) -> [String: Counts] {
        var stems: [String: Counts] = [:]
        for (key, value) in counts where !key.contains(" ") {
            let stem = CueClassifier.stem(key)
            stems[stem, default: Counts()].total += value.total
            stems[stem, default: Counts()].cue += value.cue
        }
        return stems
    }

    /// The decision for the word at one position: whether it is a cue, and
    /// whether the cue takes in the next word too ("according to", "called for").
    public func judge(previous: String?, word: String, next: String?) -> (isCue: Bool, takesNext: Bool) {
        guard let single = counts[word], single.cue > 0 else { return (false, false) }
        var rate = single.rate
        var takesNext = false
        if let next, let pair = counts[word + " " + next], pair.total >= minimumEvidence {
            rate = pair.rate
            takesNext = pair.cue > 0 && Double(pair.both) >= 0.5 * Double(pair.cue)
        } else if let previous, let pair = counts["< " + previous + " " + word], pair.total >= minimumEvidence {
            rate = pair.rate
        }
        return (rate >= threshold && single.cue >= 2, takesNext)
    }

    /// Whether the word alone, whatever its neighbours, was a cue at the threshold
    /// rate or more ("said", "told", "warned"; not "signed", "believes"): a
    /// communication verb rather than a verb that sometimes heads a cue.
    public func reportsByItself(_ word: String) -> Bool {
        guard let single = counts[word] else { return false }
        return single.cue >= 2 && single.rate >= threshold
    }

    /// Whether the word and its right neighbour were a cue at least three times in
    /// four, seen often enough to trust ("note that"): the counts' surest cases,
    /// taken even where the classifier's margin is not reached.
    public func confidentPair(word: String, next: String?) -> Bool {
        guard let next, let pair = counts[word + " " + next], pair.total >= minimumEvidence else { return false }
        return pair.rate >= 0.75
    }

    /// Sets the classifier's margin, or the rate threshold when there is no classifier.
    public mutating func set(cutoff: Double) {
        if classifier == nil { threshold = cutoff } else if claimScorer == nil { margin = cutoff } else { claimScorer?.threshold = cutoff }
    }

    /// Whether annotators marked the word as a cue often enough to consider it:
    /// twice at least, and in one occurrence of 50 at least ("the", "and", "he"
    /// lie inside some cues, but asking the classifier about each of them costs
    /// most of the time and finds nothing).
    public func isCandidate(_ word: String) -> Bool {
        if let single = counts[word] { return single.cue >= 2 && single.rate >= 0.02 }
        // A form the counts do not keep: its stem's other forms decide ("adds" as "added").
        guard candidateStems, let counts = stemCounts[CueClassifier.stem(word)] else { return false }
        return counts.cue >= Self.minimumStemCues && counts.rate >= Self.minimumStemRate
    }

    // MARK: Learning

    /// Counts one annotated text: `tokens` lower-cased words, `inCue[i]` whether token i lies in a gold cue.
    public mutating func learn(words: [String], inCue: [Bool]) {
        for (index, word) in words.enumerated() {
            counts[word, default: Counts()].total += 1
            if inCue[index] { counts[word, default: Counts()].cue += 1 }
        }
    }

    /// Second pass, after `learn` saw every text: neighbour counts for words that were ever cues.
    public mutating func learnNeighbours(words: [String], inCue: [Bool]) {
        for (index, word) in words.enumerated() {
            guard let single = counts[word], single.cue > 0 else { continue }
            if index + 1 < words.count {
                let key = word + " " + words[index + 1]
                counts[key, default: Counts()].total += 1
                if inCue[index] { counts[key, default: Counts()].cue += 1 }
                if inCue[index] && inCue[index + 1] { counts[key, default: Counts()].both += 1 }
            }
            if index > 0 {
                let key = "< " + words[index - 1] + " " + word
                counts[key, default: Counts()].total += 1
                if inCue[index] { counts[key, default: Counts()].cue += 1 }
            }
        }
    }

    /// Drops what can never decide: words never or once a cue, neighbour keys seen too rarely.
    public mutating func prune() {
        counts = counts.filter { key, value in
            if key.contains(" ") { return value.total >= minimumEvidence }
            return value.cue >= 2
        }
        stemCounts = Self.stemCounts(of: counts)
    }

    // MARK: File form

    /// One key a line: `key<TAB>total<TAB>cue<TAB>both`, sorted, `#` comments.
    public func serialized() -> String {
        var lines = ["# Attribution cue counts learned from PolNeAR train (dossier eval attribution --learn-cues).",
                     "# key\ttotal\tcue\tboth; 'a b' = word a followed by b, '< a b' = word b preceded by a"]
        for key in counts.keys.sorted() {
            guard let value = counts[key] else { continue }
            lines.append("\(key)\t\(value.total)\t\(value.cue)\t\(value.both)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case malformed(file: String, line: Int)

        public var description: String {
            switch self {
            case let .malformed(file, line): return "\(file):\(line): expected key<TAB>total<TAB>cue<TAB>both"
            }
        }
    }

    public init(serialized text: String, name: String) throws {
        var counts: [String: Counts] = [:]
        try TabSeparatedLines.forEachLine(in: text) { number, line in
            if line.isEmpty || line.first == UInt8(ascii: "#") { return }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            guard fields.count == 4, let total = Int(TabSeparatedLines.string(fields[1])), let cue = Int(TabSeparatedLines.string(fields[2])),
                  let both = Int(TabSeparatedLines.string(fields[3])), total >= 0, cue >= 0, both >= 0 else {
                throw LoadError.malformed(file: name, line: number)
            }
            counts[TabSeparatedLines.string(fields[0])] = Counts(total: total, cue: cue, both: both)
        }
        self.init(counts: counts)
    }

    private static let loaded = Result { () throws -> CueLexicon in
        func resource(_ name: String) throws -> URL {
            guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Resources") else {
                throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Claims/Resources/\(name).tsv"])
            }
            return url
        }
        let counts = try resource("cues"), weights = try resource("cue-weights"), claimWeights = try resource("claim-weights")
        var lexicon = try CueLexicon(serialized: String(contentsOf: counts, encoding: .utf8), name: counts.path)
        let classifier = try CueClassifier(serialized: String(contentsOf: weights, encoding: .utf8), name: weights.path)
        if classifier.featureCount > 0 { lexicon.classifier = classifier }
        let scorer = try ClaimScorer(serialized: String(contentsOf: claimWeights, encoding: .utf8), name: claimWeights.path)
        if !scorer.weights.isEmpty, lexicon.classifier != nil { lexicon.claimScorer = scorer }
        return lexicon
    }

    /// Writes the counts to `cues.tsv`, the classifier's weights to `cue-weights.tsv` and the
    /// claim scorer's to `claim-weights.tsv` in `directory`.
    public func write(toDirectory directory: String) throws {
        try serialized().write(toFile: directory + "/cues.tsv", atomically: true, encoding: .utf8)
        try (classifier?.serialized() ?? "").write(toFile: directory + "/cue-weights.tsv", atomically: true, encoding: .utf8)
        try (claimScorer?.serialized() ?? "").write(toFile: directory + "/claim-weights.tsv", atomically: true, encoding: .utf8)
    }

    /// The lexicon bundled with the module (learned from all of PolNeAR train).
    public static func bundled() throws -> CueLexicon { try loaded.get() }
}
