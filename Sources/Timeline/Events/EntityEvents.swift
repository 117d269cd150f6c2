import DossierCore

/// Whom a timeline is about: a name and the other names it goes by.
public struct TimelineTarget: Hashable, Sendable {
    public var name: String
    public var aliases: [String]

    public init(name: String, aliases: [String] = []) {
        self.name = name
        self.aliases = aliases
    }

    /// The canonical entity names in `mentions` that are this target: a
    /// mention's entity or text equal to the name or an alias (any case).
    func entityNames(in mentions: [Mention]) -> Swift.Set<String> {
        let names = Swift.Set(([name] + aliases).map { $0.lowercased() })
        var found: Swift.Set<String> = []
        for mention in mentions where names.contains(mention.entity.lowercased()) || names.contains(mention.text.lowercased()) {
            found.insert(mention.entity)
        }
        return found
    }
}

/// The events of an article that belong on a target's timeline.
public enum EntityEvents {
    public enum Scope: String, Sendable, CaseIterable {
        /// Every event of a story the target is a protagonist of, and the
        /// events naming it in the others.
        case story
    }

    public static func select(_ events: [Event], of target: TimelineTarget, in article: TimelineArticle,
                              extractor: EventExtractor, scope: Scope = .story) -> [Event] {
        let names = target.entityNames(in: article.mentions)
        guard !names.isEmpty else { return [] }
        if !names.isDisjoint(with: extractor.protagonists(of: article)) { return events }
        return events.filter { !names.isDisjoint(with: $0.entities) }
    }
}
