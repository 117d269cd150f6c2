import DossierCore
import Foundation

/// The store's entity index: mentions found at ingest, merged into entities
/// store-wide, answering "who is in these articles and with whom" without
/// re-reading any text.
public protocol EntityStore: Sendable {
    /// Mentions in one article, in text order.
    func mentions(inArticle id: Int64) throws(StoreError) -> [StoredMention]
    /// The extractor's output for the articles with ids in `ids`, one query for
    /// the range (as `dossier copy` reads a batch): each analysed article's
    /// extractor version and its mentions in text order.
    func extractions(inArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: StoredExtraction]
    /// Mentions of one entity, newest articles first.
    func mentions(ofEntity id: Int64, limit: Int) throws(StoreError) -> [StoredMention]
    /// The entity called `name` (or having it as an alias), case-insensitively;
    /// when several types share the name, the most mentioned.
    func entity(named name: String) throws(StoreError) -> StoredEntity?
    /// Every entity `name` may mean, the likeliest first (an analyst's, then by
    /// mentions): by its own name, a recorded alias, any way an article wrote
    /// one of its mentions ("Britain"), and for a one-word name the people
    /// whose name ends in it ("Trump").
    func entities(named name: String, limit: Int) throws(StoreError) -> [StoredEntity]
    func entity(id: Int64) throws(StoreError) -> StoredEntity?
    /// The most mentioned entities, ranked by articles then mentions.
    func topEntities(_ query: EntityQuery) throws(StoreError) -> [StoredEntity]
    /// Entities appearing with `entityID`, most shared sentences (or articles) first.
    func cooccurrences(of entityID: Int64, window: CooccurrenceWindow, type: EntityType?, limit: Int) throws(StoreError) -> [Cooccurrence]
    /// The co-mention network of the top entities; an edge weighs what
    /// `cooccurrences` counts in the window (shared sentences, or articles by
    /// the rule of `CooccurrenceWindow.article`), with a date window or without.
    func entityGraph(_ query: EntityQuery, window: CooccurrenceWindow, minimumWeight: Int) throws(StoreError) -> EntityGraph
    /// Replaces the mentions of the given articles (after a model or gazetteer
    /// change, or an analyst's addition), and their byline authors when
    /// `authors` is given (the same extractor types them), one transaction per call.
    func replaceMentions(_ mentions: [Int64: [Mention]], authors: [Int64: [BylineAuthor]]?,
                         extractorVersion: String) throws(StoreError)
    /// Ids of articles whose mentions were not made by `extractorVersion`
    /// (or never extracted), in id order after `id`.
    func articlesNeedingExtraction(version: String, after id: Int64, limit: Int) throws(StoreError) -> [Int64]
    /// The extractor version that made an article's mentions (nil: never extracted).
    func extractorVersion(ofArticle id: Int64) throws(StoreError) -> String?
    /// The analyst's additions, in the order they were made.
    func analystEntities() throws(StoreError) -> [AnalystEntity]
    /// Adds or replaces (by name) an analyst's entity; it is no longer rejected.
    func saveAnalystEntity(_ entity: AnalystEntity) throws(StoreError)
    /// Names the analyst said are no entity ("Chatters"), in the order given.
    func rejectedNames() throws(StoreError) -> [String]
    /// Records that `name` is no entity (and drops any analyst entry of that name).
    func rejectName(_ name: String) throws(StoreError)
}

extension EntityStore {
    /// `replaceMentions(_:authors:extractorVersion:)` leaving the authors as stored.
    public func replaceMentions(_ mentions: [Int64: [Mention]], extractorVersion: String) throws(StoreError) {
        try replaceMentions(mentions, authors: nil, extractorVersion: extractorVersion)
    }
}
