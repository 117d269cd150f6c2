import DossierCore
import Foundation

/// Runs an extractor again over stored articles: after the model or the
/// gazetteers change (every article made by another version), or after an
/// analyst's addition (only the articles that contain the names).
public struct MentionReextraction: Sendable {
    public let store: any Store
    public let extractor: any MentionExtractor
    /// Articles per transaction: a crash loses at most one batch of work and
    /// never leaves an article with half its mentions.
    public var batchSize = 500

    public init(store: any Store, extractor: any MentionExtractor) {
        self.store = store
        self.extractor = extractor
    }

    /// Re-extracts every article not yet extracted by this extractor's version
    /// (all of them when `all`); returns how many were processed.
    @discardableResult
    public func run(all: Bool = false, progress: ((Int) -> Void)? = nil) throws(StoreError) -> Int {
        // No stored version is ever the empty string, so "" selects every article.
        let version = all ? "" : extractor.version
        var done = 0
        var last: Int64 = 0
        while true {
            let ids = try store.articlesNeedingExtraction(version: version, after: last, limit: batchSize)
            guard let maximum = ids.last else { break }
            try reextract(articleIDs: ids)
            done += ids.count
            last = maximum
            progress?(done)
        }
        return done
    }

    /// Re-extracts the articles containing any of `names` (found through the
    /// full-text index), so an analyst's new entity is counted at once.
    @discardableResult
    public func run(mentioningAnyOf names: [String]) throws(StoreError) -> Int {
        let phrases = names.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        guard !phrases.isEmpty else { return 0 }
        var ids: [Int64] = []
        var offset = 0
        while true {
            let hits = try store.search(SearchQuery(text: phrases.joined(separator: " OR "), limit: 1000, offset: offset, order: .oldest))
            ids += hits.map(\.article.id)
            guard hits.count == 1000 else { break }
            offset += hits.count
        }
        for start in stride(from: 0, to: ids.count, by: batchSize) {
            try reextract(articleIDs: Array(ids[start..<min(ids.count, start + batchSize)]))
        }
        return ids.count
    }

    private func reextract(articleIDs: [Int64]) throws(StoreError) {
        var articles: [Article] = []
        for id in articleIDs {
            if let article = try store.article(id: id) { articles.append(article) }
        }
        let found = extractor.mentions(inEachArticle: articles.map(\.draft))
        let mentions = Dictionary(uniqueKeysWithValues: zip(articles.map(\.id), found))
        // The byline's authors are typed by the same extractor, so they are read again too.
        let authors = Dictionary(uniqueKeysWithValues: articles.map { article in
            (article.id, article.draft.byline.map(extractor.authors(inByline:)) ?? [])
        })
        try store.replaceMentions(mentions, authors: authors, extractorVersion: extractor.version)
    }
}
