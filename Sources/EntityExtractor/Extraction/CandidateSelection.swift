/// Decides between overlapping candidates. The most trusted source wins
/// (analyst, rule, gazetteer, model), and within a source the longer candidate,
/// with two exceptions where the tagger knows better than a list:
///
/// - a tagger span that contains listed names and also capitalised words no
///   list covers is one longer name: "Pakistan Army" or "Institute of
///   Strategic Studies Islamabad" beat "Pakistan" and "Islamabad" (but
///   "Pakistan and Bangladesh" as one span does not beat two countries);
/// - a listed city or subdivision loses to a tagger person or organisation on
///   the same words ("Salem" the man, "Leeds" the football club).
///
/// With `modelFirst` (CoNLL scoring) the tagger outranks the gazetteers and the
/// lists only fill the gaps it leaves: CoNLL labels by role ("Pakistan" the
/// cricket team is an ORG), OntoNotes by what a name is.
enum CandidateSelection {
    static func select(_ candidates: [Candidate], in text: TokenizedText, facts: TokenFacts,
                       modelFirst: Bool = false) -> [Candidate] {
        var dropped = Set<Int>()
        for (m, span) in candidates.enumerated() where span.source == .model {
            let inside = candidates.indices.filter { other in
                other != m && candidates[other].source != .model
                    && span.bytes.contains(candidates[other].bytes.lowerBound)
                    && candidates[other].bytes.upperBound <= span.bytes.upperBound
                    && candidates[other].bytes.count < span.bytes.count
            }
            guard !inside.isEmpty else {
                if span.label == .person || span.label == .organization {
                    for other in candidates.indices where candidates[other].isWeak && candidates[other].bytes.overlaps(span.bytes) {
                        dropped.insert(other)
                    }
                }
                continue
            }
            // An analyst's name, a defined acronym or a part of a hyphenated word
            // inside the span means the span is wrong; a demonym inside it
            // ("American Express", "British Airways") does not.
            let trusted = inside.contains { candidates[$0].source == .analyst || (candidates[$0].source == .rule && candidates[$0].type != .group) }
            // A listed name that crosses the span's edge makes the span suspect
            // ("Strategic Studies Islamabad" against "Institute of Strategic
            // Studies Islamabad").
            let crossed = candidates.contains { other in
                other.source != .model && other.bytes.overlaps(span.bytes)
                    && (other.bytes.lowerBound < span.bytes.lowerBound || other.bytes.upperBound > span.bytes.upperBound)
            }
            if !trusted, !crossed,
               hasUncoveredName(span, covered: inside.map { candidates[$0].bytes }, text: text, facts: facts) {
                dropped.formUnion(inside)
            }
        }
        let order = candidates.indices.filter { !dropped.contains($0) }.sorted { a, b in
            let x = candidates[a], y = candidates[b]
            let rankX = rank(x, modelFirst: modelFirst)
            let rankY = rank(y, modelFirst: modelFirst)
            if rankX != rankY { return rankX < rankY }
            if x.bytes.count != y.bytes.count { return x.bytes.count > y.bytes.count }
            return x.bytes.lowerBound < y.bytes.lowerBound
        }
        var taken: [Range<Int>] = []
        var kept: [Candidate] = []
        for index in order {
            let candidate = candidates[index]
            if taken.contains(where: { $0.overlaps(candidate.bytes) }) { continue }
            taken.append(candidate.bytes)
            kept.append(candidate)
        }
        return kept.sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }

    /// With `modelFirst`, the tagger ranks between rules and gazetteers, and
    /// demonyms count as gazetteer names ("Cleveland Indians" is a team).
    private static func rank(_ candidate: Candidate, modelFirst: Bool) -> Double {
        guard modelFirst else { return Double(candidate.rank) }
        if candidate.source == .model { return 1.5 }
        if candidate.source == .rule && candidate.type == .group { return 2 }
        return Double(candidate.rank)
    }

    /// Whether `span` has a capitalised word, other than a title's minor words,
    /// outside every range of `covered`.
    private static func hasUncoveredName(_ span: Candidate, covered: [Range<Int>], text: TokenizedText, facts: TokenFacts) -> Bool {
        for index in span.tokens where facts.shape[index].isUpperInitial {
            let range = text.tokens[index].range
            if !covered.contains(where: { $0.overlaps(range) }) { return true }
        }
        return false
    }
}
