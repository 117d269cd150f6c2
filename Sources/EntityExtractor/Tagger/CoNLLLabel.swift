/// The four entity classes of CoNLL-2003, the scheme the statistical tagger is
/// trained on. The extractor maps them to `EntityType` (a location may be a
/// GPE or a LOC, a miscellaneous span may be a NORP) with its gazetteers.
public enum CoNLLLabel: Int, CaseIterable, Hashable, Sendable {
    case person
    case organization
    case location
    case miscellaneous

    /// The CoNLL column spelling: PER, ORG, LOC, MISC.
    public var name: String {
        switch self {
        case .person: "PER"
        case .organization: "ORG"
        case .location: "LOC"
        case .miscellaneous: "MISC"
        }
    }

    public init?(name: String) {
        guard let label = CoNLLLabel.allCases.first(where: { $0.name == name }) else { return nil }
        self = label
    }
}

/// A run of tokens the tagger labelled as one entity.
public struct TaggedSpan: Hashable, Sendable {
    /// Token indices into `TokenizedText.tokens`, half-open.
    public var tokens: Range<Int>
    public var label: CoNLLLabel

    public init(tokens: Range<Int>, label: CoNLLLabel) {
        self.tokens = tokens
        self.label = label
    }
}
