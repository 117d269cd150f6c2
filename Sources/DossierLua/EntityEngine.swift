import ArticleStore
import DossierCore
import EntityExtractor

/// The extractor the Lua API and the CLI use: the bundled model and
/// gazetteers (loaded once per process), with the store's analyst additions
/// and removals on top.
public enum EntityEngine {
    public static func mentionExtractor(for store: any Store) throws -> EntityExtractor {
        let lexicon = AnalystLexicon(entries: try store.analystEntities(),
                                     corrections: try store.rejectedNames().map { TypeCorrection(name: $0, type: nil) })
        return try EntityExtractor.shared().with(lexicon: lexicon)
    }
}
