import DossierCore

/// Maps the tagger's CoNLL labels to Dossier's types:
///
/// - PER -> PERSON, ORG -> ORG;
/// - LOC -> GPE when the gazetteer knows the name as a country, city or state,
///   LOC when it knows it as a region, sea or river; an unknown name is LOC when
///   it ends in a natural feature ("Sea", "River", "Valley"...) and GPE
///   otherwise, since the places news names unlisted are mostly towns; a
///   "location" ending in "Center", "Institute", "University"... is an ORG;
/// - MISC -> NORP when the gazetteer knows it as a demonym or group; other MISC
///   (events, laws, products) has no type here and is dropped.
struct ModelSpanTyping {
    let gazetteer: Gazetteer

    static let naturalFeatures: Set<String> = [
        "sea", "ocean", "river", "valley", "bay", "gulf", "strait", "desert", "lake", "island", "islands",
        "peninsula", "mountain", "mountains", "range", "hills", "coast", "plateau", "basin", "delta",
        "glacier", "pass", "canal", "forest", "channel", "corridor", "region", "belt", "frontier",
    ]

    static let organizationHeads: Set<String> = [
        "center", "centre", "institute", "university", "college", "foundation", "council", "agency", "ministry",
        "bank", "company", "corporation", "group", "party", "army", "command", "corps", "commission", "committee",
    ]

    func type(of label: CoNLLLabel, tokens: Range<Int>, in text: TokenizedText) -> EntityType? {
        switch label {
        case .person: return .person
        case .organization: return .organization
        case .location:
            if let entry = gazetteer.lookup(tokens: tokens, in: text), entry.type == .geopolitical || entry.type == .location {
                return entry.type
            }
            let last = text.bytes[text.tokens[tokens.upperBound - 1].range]
            let word = String(decoding: last, as: UTF8.self).lowercased()
            if Self.organizationHeads.contains(word) { return .organization }
            return Self.naturalFeatures.contains(word) ? .location : .geopolitical
        case .miscellaneous:
            if let entry = gazetteer.lookup(tokens: tokens, in: text), entry.type == .group { return .group }
            return nil
        }
    }

    /// The CoNLL label a Dossier type is scored as.
    static func label(for type: EntityType) -> CoNLLLabel {
        switch type {
        case .person: .person
        case .organization: .organization
        case .geopolitical, .location: .location
        case .group: .miscellaneous
        }
    }
}
