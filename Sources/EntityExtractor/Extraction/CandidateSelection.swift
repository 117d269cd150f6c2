/// Decides between overlapping candidates. The most trusted source wins
/// (analyst, rule, gazetteer, model), and within a source the longer candidate,
/// with two exceptions where the tagger knows better than a list:
///
/// - a tagger span that contains listed names and also capitalised words no
///   list covers is one longer name: "Pakistan Army" or "Institute of
///   Strategic Studies Islamabad" beat "Pakistan" and "Islamabad" (but
///   "Pakistan and Bangladesh" as one span does not beat two countries);
/// - a listed city or subdivision loses to a tagger organisation on the same
///   words ("Leeds" the football club), and to a tagger person when the text
///   shows a person there (`PersonEvidence`: "Salem said", "Ahmed Salem …
///   Salem"); a one-word "person" with no such sign stays the city ("Gwangju
///   hitting 14 degrees and Daegu, 15 degrees").
///
/// With `modelFirst` (CoNLL scoring) the tagger outranks the gazetteers and the
/// lists only fill the gaps it leaves: CoNLL labels by role ("Pakistan" the
/// cricket team is an ORG), OntoNotes by what a name is.
enum CandidateSelection {
    static func select(_ candidates: [Candidate], in text: TokenizedText, facts: TokenFacts,
                       modelFirst: Bool = false) -> [Candidate] {
        var dropped = [Bool](repeating: false, count: candidates.count)
        let personEvidence = PersonEvidence(candidates, in: text)
        // Listed candidates by start, to find those near a span without a scan of all.
        let listed = candidates.indices.filter { candidates[$0].source != .model }
            .sorted { candidates[$0].bytes.lowerBound < candidates[$1].bytes.lowerBound }
        let longest = listed.map { candidates[$0].bytes.count }.max() ?? 0
        // Their starts side by side, for the binary searches.
        let listedStarts = listed.map { candidates[$0].bytes.lowerBound }
        func near(_ span: Range<Int>) -> ArraySlice<Int> {
            let from = firstIndex(in: listedStarts, atOrAfter: span.lowerBound - longest)
            let to = firstIndex(in: listedStarts, atOrAfter: span.upperBound)
            return listed[from..<max(from, to)]
        }
        for span in candidates where span.source == .model {
            let overlapping = near(span.bytes).filter { candidates[$0].bytes.overlaps(span.bytes) }
            let inside = overlapping.filter { other in
                candidates[other].bytes.lowerBound >= span.bytes.lowerBound
                    && candidates[other].bytes.upperBound <= span.bytes.upperBound
                    && candidates[other].bytes.count < span.bytes.count
            }
            guard !inside.isEmpty else {
                if span.label == .organization || (span.label == .person && personEvidence.shows(span.tokens, in: text)) {
                    for other in overlapping where candidates[other].isWeak { dropped[other] = true }
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
            let crossed = overlapping.contains { other in
                candidates[other].bytes.lowerBound < span.bytes.lowerBound || candidates[other].bytes.upperBound > span.bytes.upperBound
            }
            if !trusted, !crossed,
               hasUncoveredName(span, covered: inside.map { candidates[$0].bytes }, text: text, facts: facts) {
                for other in inside { dropped[other] = true }
            }
        }
        // Sort keys read once per candidate, so the sort copies no candidate.
        let ranks = candidates.map { rank($0, modelFirst: modelFirst) }
        let counts = candidates.map { $0.bytes.count }
        let starts = candidates.map { $0.bytes.lowerBound }
        let order = candidates.indices.filter { !dropped[$0] }.sorted { a, b in
            if ranks[a] != ranks[b] { return ranks[a] < ranks[b] }
            if counts[a] != counts[b] { return counts[a] > counts[b] }
            return starts[a] < starts[b]
        }
        var taken = [Bool](repeating: false, count: text.bytes.count)
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        taken.withUnsafeMutableBufferPointer { taken in
            for index in order {
                let bytes = candidates[index].bytes.clamped(to: 0..<taken.count)
                if bytes.contains(where: { taken[$0] }) { continue }
                for byte in bytes { taken[byte] = true }
                kept.append(index)
            }
        }
        return kept.sorted { starts[$0] < starts[$1] }.map { candidates[$0] }
    }

    /// The first position in `starts` (ascending) at or after `byte`.
    private static func firstIndex(in starts: [Int], atOrAfter byte: Int) -> Int {
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] < byte { low = middle + 1 } else { high = middle }
        }
        return low
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
