/// A stretch of a text: 0-based, half-open byte range into its UTF-8.
public typealias ByteSpan = Range<Int>

/// Who a claim rests on, as far as the text tells.
public enum SourceKind: String, Sendable, Codable, CaseIterable {
    /// A named person, organisation or government ("Pakistan said").
    case named
    /// Someone the text does not name ("officials", "sources", "a senior diplomat").
    case anonymous
    /// No source at all ("it is understood that").
    case none
}

/// What the source is, where the words around it tell.
public enum SourceRole: String, Sendable, Codable, CaseIterable {
    case official, expert, document, media, spokesperson, witness
}

/// A hedge cue ("could", "reportedly") or a statement of absent evidence
/// ("no public evidence", "could not be independently verified").
public struct Hedge: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        case hedge
        case negativeEvidence = "negative-evidence"
    }

    public var span: ByteSpan
    public var kind: Kind

    public init(span: ByteSpan, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}

/// One attribution: a source (or none), the cue that attributes and the
/// content attributed, with what the extractor could tell about them.
public struct Claim: Hashable, Sendable, Codable {
    public var source: ByteSpan?
    public var cue: ByteSpan
    /// One span, or several when the content is cut by the cue ("“A,” he said, “B.”").
    public var content: [ByteSpan]
    public var kind: SourceKind
    public var role: SourceRole?
    /// The canonical entity the source names or refers to.
    public var entity: String?
    public var hedges: [Hedge]
    /// 1-based sentence number of the cue.
    public var sentence: Int

    public init(source: ByteSpan?, cue: ByteSpan, content: [ByteSpan], kind: SourceKind = .none,
                role: SourceRole? = nil, entity: String? = nil, hedges: [Hedge] = [], sentence: Int) {
        self.source = source
        self.cue = cue
        self.content = content
        self.kind = kind
        self.role = role
        self.entity = entity
        self.hedges = hedges
        self.sentence = sentence
    }

    /// Whether a hedge cue (not a negative-evidence statement) bears on the claim.
    public var isHedged: Bool { hedges.contains { $0.kind == .hedge } }
    public var citesNegativeEvidence: Bool { hedges.contains { $0.kind == .negativeEvidence } }

    /// From the first byte of any part to the last.
    public var extent: ByteSpan {
        var lower = cue.lowerBound, upper = cue.upperBound
        for span in content + (source.map { [$0] } ?? []) {
            lower = min(lower, span.lowerBound)
            upper = max(upper, span.upperBound)
        }
        return lower..<upper
    }
}
