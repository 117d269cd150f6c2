/// The kinds of named entity Dossier recognises, named as OntoNotes names them
/// (the scheme analysts meet in spaCy and Stanford CoreNLP).
public enum EntityType: String, CaseIterable, Hashable, Sendable, Codable {
    /// People, including fictional ones.
    case person = "PERSON"
    /// Companies, agencies, institutions, armed forces, parties as bodies.
    case organization = "ORG"
    /// Geopolitical entities: countries, cities, states, provinces.
    case geopolitical = "GPE"
    /// Non-political places: regions, seas, rivers, mountain ranges.
    case location = "LOC"
    /// Nationalities, religious and political groups ("Bangladeshi", "Muslims").
    case group = "NORP"
}

/// Why a mention was found. Analysts read it when a mention surprises them,
/// and the order of the cases is the order of trust when two disagree.
public enum MentionSource: String, Hashable, Sendable, Codable {
    /// An entity or alias an analyst added; always wins.
    case analyst
    /// A rule: acronym definitions, demonyms, possessive and hyphenated forms.
    case rule
    /// A gazetteer entry (countries, cities, organisations shipped as data).
    case gazetteer
    /// The statistical tagger.
    case model
}

/// One occurrence of a named entity in a text.
///
/// Offsets are 1-based, inclusive byte positions into the UTF-8 text the
/// mention was found in, so `string.sub(text, start, stop)` in Lua returns
/// exactly `text`.
public struct Mention: Hashable, Sendable, Codable {
    /// The words as written ("Pakistan's" gives "Pakistan", "NEW DELHI" stays as is).
    public var text: String
    public var type: EntityType
    /// The canonical name of the entity this mention refers to ("Inter-Services
    /// Intelligence" for "ISI", "Bangladesh" for "Bangladeshi").
    public var entity: String
    /// The entity's type when it differs from the mention's: a NORP mention
    /// ("Bangladeshi") links to a GPE entity ("Bangladesh").
    public var entityType: EntityType
    /// First byte, 1-based.
    public var start: Int
    /// Last byte, 1-based and inclusive.
    public var stop: Int
    /// 1-based index of the sentence holding the mention.
    public var sentence: Int
    public var source: MentionSource
    /// The article field the offsets and sentence refer to: `.body` for a
    /// text given to `extract`, and for most mentions of a stored article.
    public var field: ArticleField

    public init(text: String, type: EntityType, entity: String, entityType: EntityType? = nil,
                start: Int, stop: Int, sentence: Int, source: MentionSource, field: ArticleField = .body) {
        self.text = text
        self.type = type
        self.entity = entity
        self.entityType = entityType ?? type
        self.start = start
        self.stop = stop
        self.sentence = sentence
        self.source = source
        self.field = field
    }

    /// The 0-based, half-open byte range, for Swift code slicing UTF-8.
    public var byteRange: Range<Int> { (start - 1)..<stop }
}
