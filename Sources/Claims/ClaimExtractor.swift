import DossierCore
import EntityExtractor

/// Claims of a text: attributions (`AttributionFinder`) with their source's
/// kind, role and entity (`SourceClassifier`, from the entity mentions) and
/// the hedges and negative-evidence statements inside them (`HedgeFinder`).
public struct ClaimExtractor: Sendable {
    public let finder: AttributionFinder
    public let hedgeFinder = HedgeFinder()

    public init(finder: AttributionFinder) {
        self.finder = finder
    }

    private static let loaded = Result { try ClaimExtractor(finder: AttributionFinder.bundled()) }

    /// The extractor with the bundled cue lexicon, loaded once per process.
    public static func shared() throws -> ClaimExtractor { try loaded.get() }

    /// The text's claims and all its hedges (inside claims or not: "There is
    /// no public evidence ..." is a statement of the writer's).
    public func analyze(_ text: String, mentions: [Mention]) -> (claims: [Claim], hedges: [Hedge]) {
        // Past a time budget (`WorkDeadline`) the answer is partial and the caller throws it away.
        var deadline = DeadlineCheck()
        if deadline.hasPassedNow() { return ([], []) }
        // The cue lexicon, the rules and the hedge words are English: on a German or
        // French page they read capitalised nouns as speakers and colons as cues.
        if TextBytes.withBytes(of: text, LanguageGuess.isConfidentlyNotEnglish) { return ([], []) }
        let claimText = ClaimText(TokenizedText(text: text))
        var claims = AttributionFinder.Pass(finder: finder, text: claimText).run()
        let hedges = hedgeFinder.hedges(in: claimText)
        // "There is no public evidence that Bangladesh has endorsed ...": what a
        // negative-evidence statement says was not shown is nobody's claim.
        // A claim goes when a denial of its sentence ends before its cue and
        // its source, so only the earliest end in each sentence counts:
        // checking every claim against every denial was quadratic (2,000 of
        // each: 9 s; 8,000: 161 s, debug).
        var earliestDenialEnd: [Int: Int] = [:]
        for denial in hedges where denial.kind == .negativeEvidence {
            guard let token = claimText.token(at: denial.span.lowerBound) else { continue }
            let sentence = claimText.sentenceOf[token]
            earliestDenialEnd[sentence] = min(earliestDenialEnd[sentence] ?? Int.max, denial.span.upperBound)
        }
        if !earliestDenialEnd.isEmpty {
            WorkCounter.current?.add(claims.count, Self.scanWork)
            claims.removeAll { claim in
                guard let token = claimText.token(at: claim.cue.lowerBound), let end = earliestDenialEnd[claimText.sentenceOf[token]] else {
                    return false
                }
                return end <= claim.cue.lowerBound && (claim.source.map { end <= $0.lowerBound } ?? true)
            }
        }
        let classifier = SourceClassifier(text: claimText, mentions: mentions)
        let hedgeIndex = SpanIndex(hedges.map(\.span))
        var hedgesVisited = 0
        if deadline.hasPassedNow() { return ([], []) }
        for index in claims.indices where !deadline.hasPassed() {
            classifier.classify(&claims[index])
            let extent = claims[index].extent
            let candidates = hedgeIndex.candidates(overlapping: extent)
            hedgesVisited += candidates.count
            claims[index].hedges = candidates.map { hedges[$0] }.filter { hedge in
                hedge.span.overlaps(extent) && !(claims[index].source.map { hedge.span.overlaps($0) } ?? false)
            }
        }
        WorkCounter.current?.add(hedgesVisited, Self.scanWork)
        claims.removeAll { isLabel($0, in: claimText) }
        return (claims, hedges)
    }

    /// "Availability: Calipers are affordable", "Step Two: With your hands, roll ...": a
    /// label before a colon names no speaker. A claim whose cue is a lone colon stands when
    /// its source is a named entity, a pronoun, a noun of a source role ("the statement:",
    /// "officials:") or a transcript's upper-case label ("PENCE:").
    private func isLabel(_ claim: Claim, in text: ClaimText) -> Bool {
        guard let source = claim.source, claim.kind != .named, claim.role == nil,
              let cue = text.token(at: claim.cue.lowerBound), text.words[cue] == ":",
              let first = text.token(at: source.lowerBound) else { return false }
        if SourceClassifier.subjectPronouns.contains(text.words[first]) { return false }
        let bytes = text.tokenized.bytes[source]
        let upperCase = bytes.contains { $0 >= 0x41 && $0 <= 0x5A } && !bytes.contains { $0 >= 0x61 && $0 <= 0x7A }
        return !upperCase
    }

    /// The name the scans done per claim count their steps under (`WorkCounter`):
    /// tokens, commas, claims, mentions and hedges visited. A text's total
    /// must grow in proportion to the text (ClaimScalingTests).
    public static let scanWork = "claims: steps of the scans per claim"

    public func claims(in text: String, mentions: [Mention]) -> [Claim] {
        analyze(text, mentions: mentions).claims
    }
}

extension ClaimExtractor: ClaimFinder {
    /// The rules' version and the lexicon's size: a relearned lexicon or changed
    /// rules make stored claims stale.
    public var version: String {
        let scorer = finder.lexicon.claimScorer.map { ", \($0.weights.count) claim weights, candidates above \(finder.lexicon.candidateMargin)" } ?? ""
        return "claims 5, \(finder.lexicon.counts.count) cue keys, threshold \(finder.lexicon.threshold)" + scorer
    }
}
