import DossierCore
import Foundation

/// Copies one store into another, whatever their backends: the analyst's
/// lexicon, then every article in id order with its entity mentions and the
/// extractor version that made them, a batch per transaction.
///
/// Resumable: the destination recognises articles it already holds by content
/// hash, so a copy killed part way and run again stores the rest and nothing
/// twice (the batches already copied are read and offered again, and counted
/// as already there). The destination numbers articles its own way, and merges
/// mentions into entities by its own index (aliases from acronyms and from the
/// analyst's lexicon, copied first, come out the same).
public struct StoreCopy: Sendable {
    public let source: any Store
    public let destination: any Store
    public var batchSize = 500

    public struct Progress: Hashable, Sendable {
        /// Articles read from the source so far, and how many it holds.
        public var read: Int
        public var total: Int
        /// Stored by this run, and found already in the destination.
        public var copied: Int
        public var alreadyThere: Int
        /// The last source article id read: the copy is complete up to it.
        public var lastSourceID: Int64
    }

    public init(from source: any Store, to destination: any Store) {
        self.source = source
        self.destination = destination
    }

    @discardableResult
    public func run(progress: ((Progress) -> Void)? = nil) throws(StoreError) -> Progress {
        for entity in try source.analystEntities() { try destination.saveAnalystEntity(entity) }
        for name in try source.rejectedNames() { try destination.rejectName(name) }
        var state = Progress(read: 0, total: try source.count(matching: nil), copied: 0, alreadyThere: 0, lastSourceID: 0)
        while true {
            let articles = try source.articles(after: state.lastSourceID, limit: max(1, batchSize))
            guard let last = articles.last else { break }
            // add() takes one extractor version per call: consecutive articles
            // made by the same version go together.
            var versions: [String?] = []  // asked once per article, not again at each group's edge
            for article in articles { versions.append(try source.extractorVersion(ofArticle: article.id)) }
            var start = 0
            while start < articles.count {
                let version = versions[start]
                var end = start + 1
                while end < articles.count, versions[end] == version { end += 1 }
                let group = Array(articles[start..<end])
                let outcomes: [AddOutcome]
                if let version {
                    var mentions: [[Mention]] = []
                    for article in group { mentions.append(try source.mentions(inArticle: article.id).map(\.mention)) }
                    outcomes = try destination.add(group.map(\.draft), mentions: mentions, extractorVersion: version)
                } else {
                    outcomes = try destination.add(group.map(\.draft))
                }
                for outcome in outcomes {
                    if case .added = outcome { state.copied += 1 } else { state.alreadyThere += 1 }
                }
                start = end
            }
            state.read += articles.count
            state.lastSourceID = last.id
            progress?(state)
        }
        return state
    }
}
