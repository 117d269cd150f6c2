import ArticleStore
import DossierCore
import EntityExtractor

/// The extractor the Lua API uses: the bundled model and gazetteers (loaded
/// once per process), with the store's analyst additions on top.
public enum EntityEngine {
    public static func mentionExtractor(for store: any Store) throws -> any MentionExtractor {
        AnalystAwareExtractor(extractor: try EntityExtractor.shared(), analystEntities: try store.analystEntities())
    }
}
