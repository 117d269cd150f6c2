import DossierCore
import EntityExtractor

/// Why gold attributions were missed and claims were spurious, by class and
/// count, so work goes to the largest class first
/// (`dossier eval attribution DIR --breakdown`).
///
/// A missed gold attribution is classed by the claim whose cue overlaps its
/// cue (the first, if several): none at all (then by whether the cue's words
/// were taken as a cue, known to the lexicon, a colon, "according to"), or
/// one whose source or content disagrees, or one that matched another gold.
public struct AttributionMissBreakdown: Sendable {
    public private(set) var misses: [String: Int] = [:]
    public private(set) var spurious: [String: Int] = [:]
    /// For each miss class, the gold cue texts (lower case) and how often.
    public private(set) var missedCues: [String: [String: Int]] = [:]
    /// For each miss class, the first few misses: the gold parts and the sentence around the cue.
    public private(set) var examples: [String: [String]] = [:]
    /// How many examples `examples` keeps per class.
    public var examplesPerClass = 0
    public private(set) var gold = 0
    public private(set) var goldWithoutSource = 0

    public init() {}

    public mutating func add(_ document: PolNeARDocument, finder: AttributionFinder) {
        let text = ClaimText(TokenizedText(text: document.text))
        let pass = AttributionFinder.Pass(finder: finder, text: text)
        let claims = pass.run()
        var evaluation = AttributionEvaluation()
        evaluation.add(document: document.name, text: document.text, gold: document.attributions, system: claims, keepErrors: true)
        gold += document.attributions.count
        goldWithoutSource += document.attributions.filter(\.source.isEmpty).count
        let bytes = Array(document.text.utf8)
        func cueText(_ spans: [ByteSpan]) -> String {
            spans.map { span in
                String(decoding: bytes[max(0, span.lowerBound)..<min(bytes.count, span.upperBound)], as: UTF8.self).lowercased()
            }.joined(separator: " … ")
        }
        func overlaps(_ left: [ByteSpan], _ right: [ByteSpan]) -> Bool {
            left.contains { a in right.contains { a.overlaps($0) } }
        }
        for miss in evaluation.misses {
            for attribution in miss.gold {
                let kind = missClass(attribution, claims: claims, spurious: miss.spurious, text: text, pass: pass, overlaps: overlaps)
                misses[kind, default: 0] += 1
                missedCues[kind, default: [:]][cueText(attribution.cue), default: 0] += 1
                if examples[kind, default: []].count < examplesPerClass {
                    examples[kind, default: []].append(example(attribution, claims: claims, bytes: bytes))
                }
            }
            for claim in miss.spurious {
                let matchesCue = document.attributions.contains { overlaps($0.cue, [claim.cue]) }
                spurious[matchesCue ? "cue is a gold cue, other parts differ" : "cue is no gold cue", default: 0] += 1
            }
        }
    }

    private func example(_ attribution: GoldAttribution, claims: [Claim], bytes: [UInt8]) -> String {
        func show(_ spans: [ByteSpan]) -> String {
            spans.map { String(decoding: bytes[max(0, $0.lowerBound)..<min(bytes.count, $0.upperBound)], as: UTF8.self) }
                .joined(separator: " | ").replacingOccurrences(of: "\n", with: "⏎")
        }
        let all = attribution.source + attribution.cue + attribution.content
        let lower = max(0, (all.map(\.lowerBound).min() ?? 0) - 80), upper = min(bytes.count, (all.map(\.upperBound).max() ?? 0) + 40)
        var line = "source [\(show(attribution.source))] cue [\(show(attribution.cue))] content [\(show(attribution.content).prefix(100))]"
        if let claim = claims.first(where: { claim in attribution.cue.contains { $0.overlaps(claim.cue) } }) {
            line += "\n           claim: source [\(show(claim.source.map { [$0] } ?? []))] content [\(show(claim.content).prefix(100))]"
        }
        return line + "\n           text: " + show([lower..<upper]).prefix(600)
    }

    private func missClass(_ attribution: GoldAttribution, claims: [Claim], spurious: [Claim], text: ClaimText,
                           pass: AttributionFinder.Pass, overlaps: ([ByteSpan], [ByteSpan]) -> Bool) -> String {
        let prefix = attribution.source.isEmpty ? "gold without source: " : ""
        guard let claim = claims.first(where: { overlaps([$0.cue], attribution.cue) }) else {
            let tokens = text.tokenized.tokens.indices.filter { index in
                attribution.cue.contains { $0.overlaps(text.tokenized.tokens[index].range) }
            }
            let words = tokens.map { text.words[$0] }
            if words.contains(":") { return prefix + "no claim: colon cue" }
            if words.contains("according") { return prefix + "no claim: according to" }
            if let taken = tokens.first(where: { pass.cue[$0] }) {
                // Why no claim: the rules built none there, the claim scorer or the claim
                // floor dropped it, or it lay inside another claim's content.
                guard let claim = pass.claim(cue: taken..<(taken + 1)) else { return prefix + "no claim: cue taken, the rules built none" }
                if !pass.keeps(claim) { return prefix + "no claim: cue taken, the claim scorer dropped it" }
                if pass.finder.lexicon.dropsClaims(at: text.words[taken]) { return prefix + "no claim: cue taken, the claim floor dropped it" }
                return prefix + "no claim: cue taken, inside another claim or merged"
            }
            if tokens.contains(where: { pass.finder.lexicon.isCandidate(text.words[$0]) }) {
                return prefix + "no claim: lexicon word, not taken here"
            }
            return prefix + "no claim: words never (or rarely) cues in the lexicon"
        }
        let sourceAgrees = attribution.source.isEmpty ? claim.source == nil
            : claim.source.map { overlaps(attribution.source, [$0]) } ?? false
        let contentAgrees = overlaps(attribution.content, claim.content)
        switch (sourceAgrees, contentAgrees) {
        case (true, true): return prefix + "cue found: claim matched another gold"
        case (false, true):
            if attribution.source.isEmpty { return prefix + "cue found: claim has a source" }
            return claim.source == nil ? "cue found: claim has no source" : "cue found: source differs"
        case (true, false): return prefix + "cue found: content differs"
        case (false, false): return prefix + "cue found: source and content differ"
        }
    }

    /// The classes, largest first, each with its most frequent gold cues.
    public func report(cuesPerClass: Int = 12) -> String {
        var lines = ["\(gold) gold attributions (\(goldWithoutSource) without a source); missed, by class:"]
        for (kind, count) in misses.sorted(by: { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }) {
            let cues = (missedCues[kind] ?? [:]).sorted { $0.value > $1.value || $0.value == $1.value && $0.key < $1.key }
                .prefix(cuesPerClass).map { "\"\($0.key)\" \($0.value)" }.joined(separator: ", ")
            lines.append(String(count).leftPadded(to: 6) + "  " + kind + "  [" + cues + "]")
            for example in examples[kind] ?? [] { lines.append("        - " + example) }
        }
        lines.append("spurious claims, by class:")
        for (kind, count) in spurious.sorted(by: { $0.value > $1.value }) {
            lines.append(String(count).leftPadded(to: 6) + "  " + kind)
        }
        return lines.joined(separator: "\n")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
