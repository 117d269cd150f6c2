import DossierCore
import Foundation

/// Copies one store into another, whatever their backends: the analyst's
/// lexicon, then every article in id order with its entity mentions and its
/// claims (each with the version of the extractor or claim finder that made
/// them), a batch per transaction.
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
            // add() takes one extractor version and one claim version per
            // call: consecutive articles made by the same versions go together.
            let analyses = try analyses(of: articles)
            var start = 0
            while start < articles.count {
                let versions = analyses[start].versions
                var end = start + 1
                while end < articles.count, analyses[end].versions == versions { end += 1 }
                let group = Array(articles[start..<end])
                let done = analyses[start..<end]
                let mentions = versions.extractor == nil ? nil : done.map { $0.mentions }
                let outcomes: [AddOutcome]
                if let claimVersion = versions.claims, let claimStore = destination as? any ClaimStore {
                    outcomes = try claimStore.add(group.map(\.draft), mentions: mentions, extractorVersion: versions.extractor,
                                                  claims: done.map { $0.claims ?? [] }, claimVersion: claimVersion)
                } else {
                    outcomes = try destination.add(group.map(\.draft), mentions: mentions, extractorVersion: versions.extractor)
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

    /// What the source's analysers stored for one article.
    private struct Analysis {
        var versions: (extractor: String?, claims: String?)
        var mentions: [Mention]
        var claims: [Claim]?
    }

    /// The batch's mentions and claims, with the versions that made them: a
    /// few range queries for the batch, not one per article.
    private func analyses(of articles: [Article]) throws(StoreError) -> [Analysis] {
        guard let first = articles.first?.id, let last = articles.last?.id, first <= last else { return [] }
        let extractions = try source.extractions(inArticles: first...last)
        var claimVersions: [Int64: String] = [:]
        var claims: [Int64: [Claim]] = [:]
        if let claimSource = source as? any ClaimStore {
            claimVersions = try claimSource.claimVersions(ofArticles: first...last)
            if !claimVersions.isEmpty { claims = try claimSource.claims(matching: ClaimQuery(), inArticles: first...last).claims }
        }
        return articles.map { article in
            let extraction = extractions[article.id]
            let claimVersion = claimVersions[article.id]
            return Analysis(versions: (extraction?.version, claimVersion), mentions: extraction?.mentions.map(\.mention) ?? [],
                            claims: claimVersion == nil ? nil : claims[article.id] ?? [])
        }
    }
}
