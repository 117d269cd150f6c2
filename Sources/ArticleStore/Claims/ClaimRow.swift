import DossierCore

/// A claim as both backends store it, one row of the `claim` table: byte
/// offsets as integers, the content spans as "start-end" joined by ",", the
/// hedges as "start-end:kind" joined by ",". One codec for SQLite and
/// PostgreSQL, so both read back the same claims from the same row (and
/// `dossier copy` carries them from one backend to the other unchanged).
public struct ClaimRow: Sendable, Equatable {
    public var ordinal: Int
    public var sourceStart: Int?
    public var sourceEnd: Int?
    public var cueStart: Int?
    public var cueEnd: Int?
    public var content: String?
    public var kind: String?
    public var role: String?
    public var entity: String?
    public var hedges: String?
    public var sentence: Int?

    public init(ordinal: Int, sourceStart: Int?, sourceEnd: Int?, cueStart: Int?, cueEnd: Int?, content: String?, kind: String?,
                role: String?, entity: String?, hedges: String?, sentence: Int?) {
        self.ordinal = ordinal
        self.sourceStart = sourceStart
        self.sourceEnd = sourceEnd
        self.cueStart = cueStart
        self.cueEnd = cueEnd
        self.content = content
        self.kind = kind
        self.role = role
        self.entity = entity
        self.hedges = hedges
        self.sentence = sentence
    }

    /// The row of the `ordinal`-th claim of an article.
    public init(_ claim: Claim, ordinal: Int) {
        self.init(ordinal: ordinal, sourceStart: claim.source?.lowerBound, sourceEnd: claim.source?.upperBound,
                  cueStart: claim.cue.lowerBound, cueEnd: claim.cue.upperBound,
                  content: claim.content.map { "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ","),
                  kind: claim.kind.rawValue, role: claim.role?.rawValue, entity: claim.entity,
                  hedges: claim.hedges.map { "\($0.span.lowerBound)-\($0.span.upperBound):\($0.kind.rawValue)" }.joined(separator: ","),
                  sentence: claim.sentence)
    }

    /// What a `hedges` column holds for a claim with a hedge (not only
    /// negative evidence), between "," guards: `store:claims{hedged=}` in SQL.
    public static let hedgeMarker = ":\(Hedge.Kind.hedge.rawValue),"

    public struct Damaged: Error, CustomStringConvertible {
        public var description: String
    }

    /// The stored claim, every field checked: a damaged row is an error naming
    /// the claim and its article, never a trap.
    public func claim(article: Int64) throws(Damaged) -> Claim {
        func bad(_ what: String) -> Damaged { Damaged(description: "claim \(ordinal) of article \(article): bad \(what)") }
        func range(_ text: Substring) -> ByteSpan? {
            let bounds = text.split(separator: "-")
            guard bounds.count == 2, let lower = Int(bounds[0]), let upper = Int(bounds[1]), lower >= 0, lower <= upper else { return nil }
            return lower..<upper
        }
        guard let cueStart, let cueEnd, cueStart >= 0, cueStart <= cueEnd else { throw bad("cue") }
        var source: ByteSpan?
        if let sourceStart, let sourceEnd {
            guard sourceStart >= 0, sourceStart <= sourceEnd else { throw bad("source") }
            source = sourceStart..<sourceEnd
        }
        var spans: [ByteSpan] = []
        for piece in (content ?? "").split(separator: ",") {
            guard let span = range(piece) else { throw bad("content") }
            spans.append(span)
        }
        var found: [Hedge] = []
        for piece in (hedges ?? "").split(separator: ",") {
            let parts = piece.split(separator: ":")
            guard parts.count == 2, let span = range(parts[0]), let kind = Hedge.Kind(rawValue: String(parts[1])) else { throw bad("hedges") }
            found.append(Hedge(span: span, kind: kind))
        }
        guard let sourceKind = kind.flatMap(SourceKind.init(rawValue:)) else { throw bad("kind") }
        let sourceRole = role.flatMap(SourceRole.init(rawValue:))
        if role != nil, sourceRole == nil { throw bad("role") }
        guard let sentence else { throw bad("sentence") }
        return Claim(source: source, cue: cueStart..<cueEnd, content: spans, kind: sourceKind, role: sourceRole,
                     entity: entity, hedges: found, sentence: sentence)
    }
}
