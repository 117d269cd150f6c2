import DossierCore

/// A mention under consideration: what was found where, and by whom. The
/// extractor gathers candidates from every source, then keeps the most
/// trusted ones that do not overlap (`CandidateSelection`).
struct Candidate: Hashable, Sendable {
    /// 0-based, half-open byte range; inside one token for the parts of a
    /// hyphenated word ("Bangladesh" in "Bangladesh-based").
    var bytes: Range<Int>
    /// The tokens the candidate covers (the one token, for a part of a token).
    var tokens: Range<Int>
    var type: EntityType
    /// The canonical name when the source knows it (gazetteer, analyst, rule);
    /// nil leaves it to `EntityResolver`.
    var entity: String?
    var entityType: EntityType?
    var source: MentionSource
    /// The tagger's label, for CoNLL scoring of model candidates.
    var label: CoNLLLabel?
    /// A gazetteer city or subdivision: the tagger's person wins over it.
    var isWeak = false
    /// A tagger MISC span that is no NORP: kept only for CoNLL scoring.
    var isMiscellaneous = false

    /// Lower is more trusted; ties go to the longer candidate.
    var rank: Int {
        switch source {
        case .analyst: 0
        case .rule: 1
        case .gazetteer: 2
        case .model: 3
        }
    }
}
