/// Token tags in the BILOU scheme (Begin, Inside, Last, Unit, Outside) over the
/// CoNLL labels: 17 tags. BILOU rather than BIO because a greedy tagger then
/// knows, at each token, whether the entity must go on, and Ratinov and Roth
/// (2009) measured it better than BIO for exactly this kind of tagger.
struct EntityTag: Hashable, Sendable {
    enum Position: Int {
        case begin, inside, last, unit
    }

    /// 0 is Outside; 1 + 4 * label + position otherwise.
    let rawValue: Int

    static let count = 17
    static let outside = EntityTag(rawValue: 0)

    init(rawValue: Int) {
        self.rawValue = rawValue
    }

    init(_ position: Position, _ label: CoNLLLabel) {
        rawValue = 1 + 4 * label.rawValue + position.rawValue
    }

    var label: CoNLLLabel? {
        rawValue == 0 ? nil : CoNLLLabel(rawValue: (rawValue - 1) / 4)
    }

    var position: Position? {
        rawValue == 0 ? nil : Position(rawValue: (rawValue - 1) % 4)
    }

    /// Whether this tag leaves an entity open, so the next must be I or L of it.
    var isOpen: Bool {
        position == .begin || position == .inside
    }

    /// Whether `self` may follow `previous` (nil: the start of a sentence).
    func canFollow(_ previous: EntityTag?) -> Bool {
        if let previous, previous.isOpen {
            return label == previous.label && (position == .inside || position == .last)
        }
        return position != .inside && position != .last
    }

    /// A set of tags, a bit each, so the decoder hands the chooser what may
    /// come next without a call per tag.
    struct Mask: Hashable, Sendable {
        let bits: UInt32

        @inline(__always)
        func contains(_ raw: Int) -> Bool { bits & (1 << UInt32(raw)) != 0 }

        /// The tags that may follow `previous` (nil: a sentence's start); at
        /// the sentence's last token, only those that leave no entity open.
        @inline(__always)
        static func following(_ previous: EntityTag?, closingSentence: Bool) -> Mask {
            let row = previous.map { $0.rawValue + 1 } ?? 0
            return (closingSentence ? followingAtEnd : followingInside)[row]
        }

        /// Indexed by the previous tag's raw value + 1 (0: none).
        private static let followingInside = table { tag, previous in tag.canFollow(previous) }
        private static let followingAtEnd = table { tag, previous in tag.canFollow(previous) && !tag.isOpen }

        private static func table(_ allowed: (EntityTag, EntityTag?) -> Bool) -> [Mask] {
            let previous: [EntityTag?] = [nil] + (0..<EntityTag.count).map { EntityTag(rawValue: $0) }
            return previous.map { previous in
                var bits: UInt32 = 0
                for raw in 0..<EntityTag.count where allowed(EntityTag(rawValue: raw), previous) { bits |= 1 << UInt32(raw) }
                return Mask(bits: bits)
            }
        }
    }

    /// The tags of a sentence with entities at `spans` (sentence-relative).
    static func tags(count: Int, spans: [TaggedSpan]) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: count)
        for span in spans where !span.tokens.isEmpty {
            if span.tokens.count == 1 {
                tags[span.tokens.lowerBound] = EntityTag(.unit, span.label)
                continue
            }
            tags[span.tokens.lowerBound] = EntityTag(.begin, span.label)
            for index in (span.tokens.lowerBound + 1)..<(span.tokens.upperBound - 1) {
                tags[index] = EntityTag(.inside, span.label)
            }
            tags[span.tokens.upperBound - 1] = EntityTag(.last, span.label)
        }
        return tags
    }

    /// The spans of a tag sequence, tolerating ill-formed runs (an I without a
    /// B opens an entity) so decoding never loses a span.
    static func spans(_ tags: [EntityTag], offset: Int = 0) -> [TaggedSpan] {
        var spans: [TaggedSpan] = []
        var openStart: Int?
        var openLabel: CoNLLLabel?
        func close(_ end: Int) {
            if let start = openStart, let label = openLabel {
                spans.append(TaggedSpan(tokens: (offset + start)..<(offset + end), label: label))
            }
            openStart = nil
            openLabel = nil
        }
        for (index, tag) in tags.enumerated() {
            guard let label = tag.label, let position = tag.position else {
                close(index)
                continue
            }
            switch position {
            case .begin, .unit:
                close(index)
                openStart = index
                openLabel = label
            case .inside, .last:
                if openLabel != label {
                    close(index)
                    openStart = index
                    openLabel = label
                }
            }
            if position == .unit || position == .last { close(index + 1) }
        }
        close(tags.count)
        return spans
    }
}
