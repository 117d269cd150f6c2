import DossierCore

/// One named thing a gazetteer knows: its canonical name, its type and what kind
/// of place or body it is.
public struct GazetteerEntry: Hashable, Sendable {
    /// The canonical name ("United States" for "U.S.", "Bangladeshi" for "Bangladeshis").
    public var name: String
    public var type: EntityType
    /// The kind within the type, as the data files name it: "country", "capital",
    /// "city", "state", "region", "sea", "demonym", "intelligence", "military"...
    public var kind: String
    /// The entity this one belongs to: a city's or a national body's country, a
    /// demonym's country ("Bangladeshi" -> "Bangladesh"); nil when none.
    public var link: String?
    /// Other names; all-capital ones ("ISI", "USA") match with exact case only.
    public var aliases: [String]

    public init(name: String, type: EntityType, kind: String, link: String? = nil, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.kind = kind
        self.link = link
        self.aliases = aliases
    }

    /// A demonym or group that stands for another entity: the mention is NORP,
    /// the entity it names is `link`.
    public var isDemonym: Bool { kind == "demonym" }

    /// Countries, capitals, cities and states: what a tagger's LOC becomes GPE for.
    public var isPolity: Bool { type == .geopolitical }

    /// Names a tagger is more trusted on than a list: cities and subdivisions
    /// ("Charlotte", "Salem" are people too).
    var isWeak: Bool { kind == "city" || kind == "state" }
}
