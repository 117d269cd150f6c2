import DossierCore

/// The content spans of the claims found so far in one sentence, asked at
/// rising positions whether any covers the position (`AttributionFinder`'s
/// test of a cue inside an earlier claim's content). Walking back over the
/// sentence's claims for every such cue made a long sentence quadratic ("“We
/// agree,” he signed a letter saying, ..." repeated: 8,000 cues, 6.7 s); here
/// each span waits in a heap until the positions reach its start, and then
/// counts only through the furthest end seen.
struct ContentCover {
    private var sentence: Int?
    /// Spans not yet started, by their start (a binary min-heap).
    private var pending: [ByteSpan] = []
    /// The furthest end among the spans started.
    private var furthest = Int.min
    /// Spans looked at, for the scaling tests (`WorkCounter`).
    private(set) var steps = 0

    /// Whether a content span of a claim of `sentence` covers the byte
    /// `position`, which is never lower than at the call before for that sentence.
    mutating func covers(_ position: Int, sentence: Int) -> Bool {
        guard sentence == self.sentence else { return false }
        while let first = pending.first, first.lowerBound <= position {
            furthest = max(furthest, first.upperBound)
            removeFirst()
        }
        return furthest > position
    }

    /// Adds the content of a claim of `sentence`; a claim of another sentence starts afresh.
    mutating func add(_ content: [ByteSpan], sentence: Int) {
        if sentence != self.sentence {
            self.sentence = sentence
            pending.removeAll(keepingCapacity: true)
            furthest = Int.min
        }
        for span in content { insert(span) }
    }

    private mutating func insert(_ span: ByteSpan) {
        steps += 1
        pending.append(span)
        var child = pending.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard pending[child].lowerBound < pending[parent].lowerBound else { break }
            pending.swapAt(child, parent)
            child = parent
        }
    }

    private mutating func removeFirst() {
        steps += 1
        pending.swapAt(0, pending.count - 1)
        pending.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < pending.count, pending[left].lowerBound < pending[smallest].lowerBound { smallest = left }
            if right < pending.count, pending[right].lowerBound < pending[smallest].lowerBound { smallest = right }
            guard smallest != parent else { return }
            pending.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
