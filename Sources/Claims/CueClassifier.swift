import DossierCore

/// Decides whether a word that has been a cue is one here, from its context:
/// a binary averaged perceptron over the word, its neighbours, the quotation
/// marks and commas around it and the lexicon's cue rates (bucketed). Trained
/// on PolNeAR train (`CueLexicon.learn`); it sees only words the lexicon knows
/// as cues, so it costs nothing on the rest of the text.
public struct CueClassifier: Sendable {
    /// The weights by feature, as learned. Empty in a classifier read from a file
    /// (`init(serialized:name:)`), which keeps only `hashedWeights`: scoring never reads
    /// the strings, and making 150,000 of them was a third of the start of every
    /// process that extracts claims.
    public private(set) var weights: [String: Double]
    /// The weights by their features' hashes (`FNV1a` of the feature string): what scoring reads.
    let hashedWeights: [UInt64: Double]
    /// The file a classifier was read from, which `serialized()` gives back.
    private let fileText: String?

    public init(weights: [String: Double] = [:]) {
        self.weights = weights
        var hashed: [UInt64: Double] = [:]
        hashed.reserveCapacity(weights.count)
        for (feature, weight) in weights { hashed[FNV1a.of(feature)] = weight }
        self.hashedWeights = hashed
        self.fileText = nil
    }

    /// How many features carry a weight.
    public var featureCount: Int { hashedWeights.count }

    public func score(_ features: [String]) -> Double {
        var total = 0.0
        for feature in features { total += hashedWeights[FNV1a.of(feature)] ?? 0 }
        return total
    }

    /// The score of token `index`: the same sum as `score(features(text, index, lexicon:))`,
    /// its features hashed as they are made rather than built as strings.
    func score(_ text: ClaimText, _ index: Int, lexicon: CueLexicon) -> Double {
        var sink = CueFeatureScore(weights: hashedWeights)
        Self.collectFeatures(text, index, lexicon: lexicon, into: &sink)
        return sink.total
    }

    static let pronouns: Set<String> = ["he", "she", "they", "i", "we", "it", "who", "you"]

    /// Learned weights smaller than this are left out of the classifier when learning.
    /// Leaving out more costs F1 (5-fold cross-validation on PolNeAR train: 66.3 keeping
    /// all from 0.02, 66.2 from 0.5 and from 1; at 1 cue-weights.tsv shrinks from 3.0
    /// to 1.4 MB), so the bundled file keeps them all.
    public static let minimumWeight = 0.02

    /// The features of token `index`; `leaveOut` removes the token's own
    /// count from the rates while training, so they are as unseen words' rates.
    static func features(_ text: ClaimText, _ index: Int, lexicon: CueLexicon, leaveOut: Bool? = nil) -> [String] {
        var sink = CueFeatureStrings()
        collectFeatures(text, index, lexicon: lexicon, leaveOut: leaveOut, into: &sink)
        return sink.features
    }

    /// The features of token `index`, handed to `sink` one by one.
    static func collectFeatures<Sink: CueFeatureSink>(_ text: ClaimText, _ index: Int, lexicon: CueLexicon, leaveOut: Bool? = nil,
                                                       into sink: inout Sink) {
        let word = text.words[index]
        let previous = index > 0 ? text.words[index - 1] : "<s>"
        let next = index + 1 < text.count ? text.words[index + 1] : "</s>"
        sink.add("b")
        sink.add("w=", word)
        sink.add("p=", previous)
        sink.add("n=", next)
        sink.add("wn=", word, next)
        sink.add("pw=", previous, word)
        func rate(_ counts: CueLexicon.Counts?, includesOwn: Bool = true) -> String {
            guard var counts else { return "none" }
            if let own = leaveOut, includesOwn {
                counts.total -= 1
                if own { counts.cue -= 1 }
            }
            guard counts.total > 0 else { return "none" }
            let evidence = counts.total >= 20 ? "many" : counts.total >= 4 ? "some" : "few"
            return String(Int((Double(counts.cue) / Double(counts.total) * 10).rounded())) + "/" + evidence
        }
        sink.add("r1=", rate(lexicon.counts[word]))
        sink.add("r2=", rate(lexicon.counts[word + " " + next]))
        sink.add("r3=", rate(lexicon.counts["< " + previous + " " + word]))
        // The stem's rate over all its kept forms (the word's own count left out as above
        // when it is one of them): the evidence a rare form ("adds", "blames") has.
        let ownForm = lexicon.counts[word] != nil
        let wordStem = stem(word)
        sink.add("rs=", rate(lexicon.stemCounts[wordStem], includesOwn: ownForm) + (ownForm ? "" : "/other"))
        if index + 1 < text.count, text.quotes[index + 1] == .open { sink.add("nq") }
        if index + 2 < text.count, text.quotes[index + 2] == .open { sink.add("nnq") }
        if index > 0, text.quotes[index - 1] == .close { sink.add("pq") }
        if index > 1, text.quotes[index - 2] == .close { sink.add("ppq") }
        if index > 0, text.isCapitalized(index - 1) { sink.add("pcap") }
        if pronouns.contains(previous) { sink.add("ppron") }
        if index == text.tokenized.sentences[text.sentenceOf[index]].lowerBound { sink.add("start") }
        if text.isCapitalized(index) { sink.add("cap") }
        // A clause or quotation ahead ("think that", "believe he", "want to") and a
        // subject behind ("Trump has long believed") tell a belief or speech verb's
        // uses from its others, one word further than the neighbours above.
        let second = index + 2 < text.count ? text.words[index + 2] : "</s>"
        sink.add("n2=", second)
        sink.add("nn2=", next, second)
        let before = index > 1 ? text.words[index - 2] : "<s>"
        sink.add("p2=", before)
        var ahead = index + 1
        while ahead < min(text.count, index + 4) {
            if text.words[ahead] == "that" { sink.add("that-ahead"); break }
            if text.quotes[ahead] == .open { sink.add("quote-ahead"); break }
            ahead += 1
        }
        // The subject before the word past auxiliaries and adverbs ("Trump has long
        // believed", "is widely expected") and the shape of what follows it, past an
        // object ("told reporters that", "think he", "wants to"), alone and with the word
        // and its stem ("believes", "believed": "believ"): a reporting or belief verb has a
        // speaker before it and a clause or quotation after it, whichever word it is.
        let subject = subjectShape(text, index)
        let clause = clauseShape(text, index)
        sink.add("subj=", subject)
        sink.add("cl=", clause)
        sink.add("subjcl=", subject, clause)
        sink.add("wsubj=", word, subject)
        sink.add("wcl=", word, clause)
        sink.add("st=", wordStem)
        sink.add("stcl=", wordStem, clause)
        sink.add("stsubj=", wordStem, subject)
        if text.insideQuotation[index] { sink.add("inq") }
        let sentence = text.tokenized.sentences[text.sentenceOf[index]]
        let tail = sentence.upperBound - index - 1
        sink.add(tail <= 1 ? "tail=0" : tail <= 4 ? "tail=4" : tail <= 10 ? "tail=10" : "tail=long")
    }

    static let objects: Set<String> = ["him", "her", "them", "me", "us", "reporters", "you", "everyone", "voters", "supporters"]
    static let determiners: Set<String> = ["the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my"]
    static let relatives: Set<String> = ["who", "which", "that"]

    /// What stands before the word, past auxiliaries and adverbs: a pronoun, a name, a
    /// speaking noun, a relative pronoun, a closing quotation mark, a comma, the sentence
    /// start; "be-" when a be-verb was passed (a passive: "is expected"), "prog-" before an
    /// "-ing" word (progressive: "is warning").
    static func subjectShape(_ text: ClaimText, _ index: Int) -> String {
        let start = text.tokenized.sentences[text.sentenceOf[index]].lowerBound
        var position = index - 1
        var passive = false
        while position >= start, AttributionFinder.auxiliaries.contains(text.words[position]) || AttributionFinder.isAdverb(text.words[position]) {
            if AttributionFinder.beVerbs.contains(text.words[position]) { passive = true }
            position -= 1
        }
        let shape: String
        if position < start {
            shape = "start"
        } else {
            let word = text.words[position]
            if text.quotes[position] == .close { shape = "quote" }
            else if word == "," { shape = "comma" }
            else if pronouns.contains(word) { shape = "pron" }
            else if relatives.contains(word) { shape = "rel" }
            else if AttributionFinder.sourceNouns.contains(word) { shape = "noun" }
            else if text.isCapitalized(position) { shape = "name" }
            else if text.isPunctuation(position) { shape = "punct" }
            else if word == "to" { shape = "to" }
            else if determiners.contains(word) { shape = "det" }
            else if word.hasSuffix("s") { shape = "plural" }
            else { shape = "other" }
        }
        // "is warning voters that", "’s claiming that": a be-verb before an "-ing" word is
        // progressive, its subject the speaker, unlike a passive's ("is expected").
        if passive, text.words[index].hasSuffix("ing") { return "prog-" + shape }
        return passive ? "be-" + shape : shape
    }

    /// What follows the word, past an object pronoun or "reporters": the sentence's end,
    /// a quotation, a colon, a comma, "that", "to", a pronoun, a determiner, a name, a preposition.
    static func clauseShape(_ text: ClaimText, _ index: Int) -> String {
        let end = text.tokenized.sentences[text.sentenceOf[index]].upperBound
        var position = index + 1
        var object = false
        if position < end, objects.contains(text.words[position]) {
            object = true
            position += 1
        }
        let shape: String
        if position >= end {
            shape = "end"
        } else {
            let word = text.words[position]
            if text.quotes[position] == .open { shape = "quote" }
            else if word == ":" { shape = "colon" }
            else if word == "," { shape = "comma" }
            else if word == "." || word == "!" || word == "?" || word == ";" || text.quotes[position] == .close { shape = "end" }
            else if word == "that" { shape = "that" }
            else if word == "to" { shape = "to" }
            else if word == "by" { shape = "by" }
            else if word == "for" || word == "on" || word == "about" || word == "of" { shape = word }
            else if pronouns.contains(word) { shape = "pron" }
            else if determiners.contains(word) { shape = "det" }
            else if text.isCapitalized(position) { shape = "name" }
            else if AttributionFinder.adjunctStarts.contains(word) { shape = "prep" }
            else if text.isPunctuation(position) { shape = "punct" }
            else { shape = "other" }
        }
        return object ? "obj-" + shape : shape
    }

    /// A crude stem that joins a verb's forms ("believes", "believed", "believing": "believ").
    static func stem(_ word: String) -> String {
        let length = word.utf8.count
        for suffix in ["ing", "ed", "es", "s", "e"] where length >= suffix.utf8.count + 3 && word.hasSuffix(suffix) {
            return String(word.dropLast(suffix.count))
        }
        return word
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

        /// The averaged weights, rounded to hundredths; those below `minimumWeight` in size are left out.
        func averaged(minimumWeight: Double = CueClassifier.minimumWeight) -> CueClassifier {
            var result: [String: Double] = [:]
            for (feature, weight) in weights {
                let total = (totals[feature] ?? 0) + Double(clock - (stamps[feature] ?? clock)) * weight
                let average = total / Double(max(1, clock))
                if abs(average) >= max(CueClassifier.minimumWeight, minimumWeight) { result[feature] = (average * 100).rounded() / 100 }
            }
            return CueClassifier(weights: result)
        }
    }

    // MARK: File form

    func serialized() -> String {
        if let fileText, weights.isEmpty { return fileText }
        return Self.serialized(weights)
    }

    /// "feature<TAB>weight" lines in feature order (the claim scorer's file form too).
    static func serialized(_ weights: [String: Double]) -> String {
        weights.keys.sorted().compactMap { key in weights[key].map { "\(key)\t\($0)" } }.joined(separator: "\n") + "\n"
    }

    /// Reads a weights file ("feature<TAB>weight" lines), hashing each feature's bytes
    /// where they lie.
    init(serialized text: String, name: String) throws {
        var hashed: [UInt64: Double] = [:]
        try Self.forEachWeight(in: text, name: name) { feature, weight in
            var hash = FNV1a()
            hash.add(bytes: feature)
            hashed[hash.value] = weight
        }
        self.weights = [:]
        self.hashedWeights = hashed
        self.fileText = text
    }

    /// The weights of a file by feature string (the claim scorer reads its features as strings).
    static func stringWeights(serialized text: String, name: String) throws -> [String: Double] {
        var weights: [String: Double] = [:]
        try forEachWeight(in: text, name: name) { feature, weight in weights[TabSeparatedLines.string(feature)] = weight }
        return weights
    }

    private static func forEachWeight(in text: String, name: String,
                                      _ body: (UnsafeBufferPointer<UInt8>.SubSequence, Double) throws -> Void) throws {
        try TabSeparatedLines.forEachLine(in: text) { number, line in
            if line.isEmpty { return }
            guard let tab = line.lastIndex(of: UInt8(ascii: "\t")),
                  let weight = Double(TabSeparatedLines.string(line[(tab + 1)...])), weight.isFinite else {
                throw CueLexicon.LoadError.malformed(file: name, line: number)
            }
            try body(line[..<tab], weight)
        }
    }
}
