import DossierCore

/// Demonyms and groups name a people, not a place: "Bangladeshi" is a NORP
/// mention of the entity Bangladesh (a GPE), "Kashmiris" of Kashmir, and
/// "Muslims" (no link) is its own NORP entity.
enum DemonymRule {
    /// The candidate for a NORP gazetteer entry found at `bytes`, or nil when
    /// the entry is not a NORP.
    static func candidate(for entry: GazetteerEntry, bytes: Range<Int>, tokens: Range<Int>,
                          gazetteer: Gazetteer) -> Candidate? {
        guard entry.type == .group else { return nil }
        var entity = entry.name
        var entityType = EntityType.group
        if let link = entry.link, let target = gazetteer.entry(named: link) {
            entity = target.name
            entityType = target.type
        }
        return Candidate(bytes: bytes, tokens: tokens, type: .group, entity: entity, entityType: entityType,
                         source: .rule, label: .miscellaneous)
    }
}
