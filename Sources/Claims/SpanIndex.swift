/// Byte spans (mentions, hedges) found by overlap in logarithmic time: each
/// claim asks which of the text's mentions and hedges overlap it, and a scan
/// of them all for every claim made a long text quadratic.
struct SpanIndex {
    /// Indices into the spans given, by start.
    private let order: [Int]
    private let starts: [Int]
    /// The longest span: one starting this far before a span can still overlap it.
    private let longest: Int

    init(_ spans: [Range<Int>]) {
        let order = spans.indices.sorted { (spans[$0].lowerBound, $0) < (spans[$1].lowerBound, $1) }
        self.order = order
        starts = order.map { spans[$0].lowerBound }
        longest = spans.map(\.count).max() ?? 0
    }

    /// The indices (in the order the spans were given) of the spans that may
    /// overlap `span`: every one that does, and a few near it that do not, so
    /// callers keep their own overlap test.
    func candidates(overlapping span: Range<Int>) -> [Int] {
        let from = firstPosition { $0 > span.lowerBound - longest }
        let to = firstPosition { $0 >= span.upperBound }
        guard from < to else { return [] }
        return order[from..<to].sorted()
    }

    /// The first position in `starts` where `isPast` holds (false, then true along it).
    private func firstPosition(_ isPast: (Int) -> Bool) -> Int {
        var low = 0, high = starts.count
        while low < high {
            let middle = low + (high - low) / 2
            if isPast(starts[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
