import DossierCore
/// Scores attributions against PolNeAR gold.
///
/// A system claim matches a gold attribution when their cues overlap, their
/// contents overlap, and their sources overlap, or the gold has no source and
/// neither has the claim. Matching is one-to-one (a maximum bipartite
/// matching per document, so one claim never counts for two gold
/// attributions, nor two claims for one). Per role, the role's spans are
/// matched the same way on their own (a source only where both have one);
/// "exact" asks for the same bytes, ignoring surrounding white space.
public struct AttributionEvaluation: Sendable {
    public typealias Score = PRFScore

    public enum Part: String, CaseIterable, Sendable {
        case attribution, source, cue, content
    }

    /// Overlap and exact scores by part.
    public var overlap: [Part: Score] = [:]
    public var exact: [Part: Score] = [:]
    public var documents = 0
    /// Per document, the gold attributions no claim matched and the claims that matched none.
    public var misses: [(document: String, gold: [GoldAttribution], spurious: [Claim])] = []

    public init() {}

    public mutating func add(document: String, text: String, gold: [GoldAttribution], system: [Claim], keepErrors: Bool = false) {
        documents += 1
        let bytes = Array(text.utf8)
        let goldCore = gold.map { Parts(source: $0.source, cue: $0.cue, content: $0.content).trimmed(bytes) }
        let systemCore = system.map { Parts(source: $0.source.map { [$0] } ?? [], cue: [$0.cue], content: $0.content).trimmed(bytes) }
        for part in Part.allCases {
            for exactly in [false, true] {
                let (score, goldMatched, systemMatched) = Self.score(part, gold: goldCore, system: systemCore, exact: exactly)
                if exactly { exact[part, default: Score()] = exact[part, default: Score()] + score }
                else {
                    overlap[part, default: Score()] = overlap[part, default: Score()] + score
                    if keepErrors, part == .attribution {
                        misses.append((document, gold.indices.filter { !goldMatched[$0] }.map { gold[$0] },
                                       system.indices.filter { !systemMatched[$0] }.map { system[$0] }))
                    }
                }
            }
        }
    }

    struct Parts {
        var source: [ByteSpan]
        var cue: [ByteSpan]
        var content: [ByteSpan]

        func trimmed(_ bytes: [UInt8]) -> Parts {
            func trim(_ spans: [ByteSpan]) -> [ByteSpan] {
                spans.compactMap { span in
                    var lower = max(0, span.lowerBound), upper = min(bytes.count, span.upperBound)
                    while lower < upper, bytes[lower] <= 0x20 { lower += 1 }
                    while upper > lower, bytes[upper - 1] <= 0x20 { upper -= 1 }
                    return lower < upper ? lower..<upper : nil
                }.sorted { $0.lowerBound < $1.lowerBound }
            }
            return Parts(source: trim(source), cue: trim(cue), content: trim(content))
        }
    }

    static func agree(_ left: [ByteSpan], _ right: [ByteSpan], exact: Bool) -> Bool {
        if exact { return left == right }
        for a in left { for b in right where a.overlaps(b) { return true } }
        return false
    }

    static func compatible(_ part: Part, _ gold: Parts, _ system: Parts, exact: Bool) -> Bool {
        switch part {
        case .source: return agree(gold.source, system.source, exact: exact)
        case .cue: return agree(gold.cue, system.cue, exact: exact)
        case .content: return agree(gold.content, system.content, exact: exact)
        case .attribution:
            guard agree(gold.cue, system.cue, exact: exact), agree(gold.content, system.content, exact: exact) else { return false }
            if gold.source.isEmpty { return system.source.isEmpty }
            return agree(gold.source, system.source, exact: exact)
        }
    }

    /// Counts and a maximum one-to-one matching (augmenting paths, Kuhn's algorithm).
    static func score(_ part: Part, gold: [Parts], system: [Parts], exact: Bool) -> (Score, [Bool], [Bool]) {
        let goldIndices = gold.indices.filter { part != .source || !gold[$0].source.isEmpty }
        let systemIndices = system.indices.filter { part != .source || !system[$0].source.isEmpty }
        var edges: [[Int]] = Array(repeating: [], count: system.count)
        for s in systemIndices {
            for g in goldIndices where compatible(part, gold[g], system[s], exact: exact) { edges[s].append(g) }
        }
        var goldPartner = [Int](repeating: -1, count: gold.count)
        func augment(_ s: Int, _ visited: inout [Bool]) -> Bool {
            for g in edges[s] where !visited[g] {
                visited[g] = true
                if goldPartner[g] < 0 || augment(goldPartner[g], &visited) {
                    goldPartner[g] = s
                    return true
                }
            }
            return false
        }
        var matched = 0
        for s in systemIndices where !edges[s].isEmpty {
            var visited = [Bool](repeating: false, count: gold.count)
            if augment(s, &visited) { matched += 1 }
        }
        var systemMatched = [Bool](repeating: false, count: system.count)
        for partner in goldPartner where partner >= 0 { systemMatched[partner] = true }
        return (Score(correct: matched, predicted: systemIndices.count, gold: goldIndices.count),
                goldPartner.map { $0 >= 0 }, systemMatched)
    }
}
