import DossierCore

/// Decides whether a word that has been a cue is one here, from its context:
/// a binary averaged perceptron over the word, its neighbours, the quotation
/// marks and commas around it and the lexicon's cue rates (bucketed). Trained
/// on PolNeAR train (`CueLexicon.learn`); it sees only words the lexicon knows
/// as cues, so it costs nothing on the rest of the text.
public struct CueClassifier: Sendable {
    public private(set) var weights: [String: Double]

    public init(weights: [String: Double] = [:]) {
        self.weights = weights
    }

    public func score(_ features: [String]) -> Double {
        var total = 0.0
        for feature in features { total += weights[feature] ?? 0 }
        return total
    }

    static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "who", "you"]

    /// The features of token `index`; `leaveOut` removes the token's own
    /// count from the rates while training, so they are as unseen words' rates.
    static func features(_ text: ClaimText, _ index: Int, lexicon: CueLexicon, leaveOut: Bool? = nil) -> [String] {
        let word = text.words[index]
        let previous = index > 0 ? text.words[index - 1] : "<s>"
        let next = index + 1 < text.count ? text.words[index + 1] : "</s>"
        var features = ["b", "w=" + word, "p=" + previous, "n=" + next, "wn=" + word + " " + next, "pw=" + previous + " " + word]
        func rate(_ counts: CueLexicon.Counts?) -> String {
            guard var counts else { return "none" }
            if let own = leaveOut {
                counts.total -= 1
                if own { counts.cue -= 1 }
            }
            guard counts.total > 0 else { return "none" }
            let evidence = counts.total >= 20 ? "many" : counts.total >= 4 ? "some" : "few"
            return "\(Int((Double(counts.cue) / Double(counts.total) * 10).rounded()))/\(evidence)"
        }
        features.append("r1=" + rate(lexicon.counts[word]))
        features.append("r2=" + rate(lexicon.counts[word + " " + next]))
        features.append("r3=" + rate(lexicon.counts["< " + previous + " " + word]))
        if index + 1 < text.count, text.quotes[index + 1] == .open { features.append("nq") }
        if index + 2 < text.count, text.quotes[index + 2] == .open { features.append("nnq") }
        if index > 0, text.quotes[index - 1] == .close { features.append("pq") }
        if index > 1, text.quotes[index - 2] == .close { features.append("ppq") }
        if index > 0, text.isCapitalized(index - 1) { features.append("pcap") }
        if pronouns.contains(previous) { features.append("ppron") }
        if index == text.tokenized.sentences[text.sentenceOf[index]].lowerBound { features.append("start") }
        if text.isCapitalized(index) { features.append("cap") }
        // A clause or quotation ahead ("think that", "believe he", "want to") and a
        // subject behind ("Trump has long believed") tell a belief or speech verb's
        // uses from its others, one word further than the neighbours above.
        let second = index + 2 < text.count ? text.words[index + 2] : "</s>"
        features.append("n2=" + second)
        features.append("nn2=" + next + " " + second)
        let before = index > 1 ? text.words[index - 2] : "<s>"
        features.append("p2=" + before)
        var ahead = index + 1
        while ahead < min(text.count, index + 4) {
            if text.words[ahead] == "that" { features.append("that-ahead"); break }
            if text.quotes[ahead] == .open { features.append("quote-ahead"); break }
            ahead += 1
        }
        return features
    }

    // MARK: Training

    struct Trainer {
        var weights: [String: Double] = [:]
        var totals: [String: Double] = [:]
        var stamps: [String: Int] = [:]
        var clock = 0

        func score(_ features: [String]) -> Double {
            var total = 0.0
            for feature in features { total += weights[feature] ?? 0 }
            return total
        }

        mutating func update(_ features: [String], by delta: Double) {
            for feature in features {
                let elapsed = Double(clock - (stamps[feature] ?? clock))
                totals[feature, default: 0] += elapsed * (weights[feature] ?? 0)
                stamps[feature] = clock
                weights[feature, default: 0] += delta
            }
        }

        func averaged() -> CueClassifier {
            var result: [String: Double] = [:]
            for (feature, weight) in weights {
                let total = (totals[feature] ?? 0) + Double(clock - (stamps[feature] ?? clock)) * weight
                let average = total / Double(max(1, clock))
                if abs(average) >= 0.02 { result[feature] = (average * 100).rounded() / 100 }
            }
            return CueClassifier(weights: result)
        }
    }

    // MARK: File form

    func serialized() -> String {
        weights.keys.sorted().compactMap { key in weights[key].map { "\(key)\t\($0)" } }.joined(separator: "\n") + "\n"
    }

    init(serialized text: String, name: String) throws {
        var weights: [String: Double] = [:]
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            guard let tab = line.lastIndex(of: "\t"), let weight = Double(line[line.index(after: tab)...]), weight.isFinite else {
                throw CueLexicon.LoadError.malformed(file: name, line: lineNumber)
            }
            weights[String(line[..<tab])] = weight
        }
        self.weights = weights
    }
}
