import DossierCore

/// What an analyst knows that the data and the model do not: entities to add
/// ("NSI" is Bangladesh's National Security Intelligence), other names for
/// them, and corrections of what the extractor finds ("Chatters" is no entity,
/// "Sunday Guardian" is an ORG).
///
/// Its entries are matched before anything else, longest first: multi-word
/// names and aliases in any case, names written all in capitals ("NSI") with
/// exact case only. They win over rules, gazetteers and the model.
public struct AnalystLexicon: Hashable, Sendable, Codable {
    public var entries: [AnalystEntity]
    public var corrections: [TypeCorrection]

    public init(entries: [AnalystEntity] = [], corrections: [TypeCorrection] = []) {
        self.entries = entries
        self.corrections = corrections
    }

    public var isEmpty: Bool { entries.isEmpty && corrections.isEmpty }

    /// Adds an entity, or replaces the one with the same name.
    public mutating func add(_ entity: AnalystEntity) {
        entries.removeAll { $0.name.lowercased() == entity.name.lowercased() }
        entries.append(entity)
    }

    /// Whatever finds `name` (as written, any case), it is `type`; nil: it is no entity.
    public mutating func correct(_ name: String, to type: EntityType?) {
        corrections.removeAll { $0.name.lowercased() == name.lowercased() }
        corrections.append(TypeCorrection(name: name, type: type))
    }

    /// The correction for a mention's text or entity, if any.
    public func correction(for name: String) -> TypeCorrection? {
        guard !corrections.isEmpty else { return nil }
        let key = name.lowercased()
        return corrections.last { $0.name.lowercased() == key }
    }

    /// The entries as a gazetteer, for matching. Later entries win over earlier
    /// ones with the same name, as an analyst's latest word should.
    var gazetteer: Gazetteer {
        Gazetteer(entries: entries.reversed().map {
            GazetteerEntry(name: $0.name, type: $0.type, kind: "analyst", aliases: $0.aliases)
        })
    }
}

/// An analyst's correction of a type: whatever source finds `name`, it is
/// `type`, or no entity at all when `type` is nil.
public struct TypeCorrection: Hashable, Sendable, Codable {
    public var name: String
    public var type: EntityType?

    public init(name: String, type: EntityType?) {
        self.name = name
        self.type = type
    }
}
