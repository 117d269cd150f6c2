import DossierCore
import Foundation

/// What every article store offers, whatever holds the articles.
///
/// Written against SQL-free value types so that a PostgreSQL backend
/// (tsvector/GIN) can implement it later without changing callers: queries use
/// the FTS5-style syntax analysts type (AND/OR/NOT, "phrases", prefix*), which a
/// backend translates as it needs.
public protocol Store: EntityStore, BatchJobStore {
    /// Adds a batch in one transaction: all of it is stored or none, with the
    /// entity mentions found in each body when `mentions` is given (one list per
    /// draft, made by `extractorVersion`). Exact duplicates (same content hash)
    /// are not stored again.
    func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?) throws(StoreError) -> [AddOutcome]
    func article(id: Int64) throws(StoreError) -> Article?
    func search(_ query: SearchQuery) throws(StoreError) -> [SearchHit]
    /// Articles matching `query` (all articles when nil).
    func count(matching query: String?) throws(StoreError) -> Int
    /// Articles in id order after `id`, for paging through a whole store.
    func articles(after id: Int64, limit: Int) throws(StoreError) -> [Article]
    /// Removes an article; false when there was none with that id.
    func delete(id: Int64) throws(StoreError) -> Bool
    /// Near-duplicates of an article (rewrites, wire copies), most similar first.
    func similar(to id: Int64, limit: Int) throws(StoreError) -> [SimilarArticle]
    /// "ok", or one line per problem the backend's own consistency check finds.
    func integrityCheck() throws(StoreError) -> String
}

extension Store {
    /// Adds a batch without entity mentions (see `add(_:mentions:extractorVersion:)`).
    public func add(_ drafts: [ArticleDraft]) throws(StoreError) -> [AddOutcome] {
        try add(drafts, mentions: nil, extractorVersion: nil)
    }
}

public struct SimilarArticle: Hashable, Sendable {
    public var article: Article
    /// Estimated Jaccard similarity of the two texts' word 3-shingles, 0...1.
    public var score: Double

    public init(article: Article, score: Double) {
        self.article = article
        self.score = score
    }
}

public enum AddOutcome: Hashable, Sendable {
    /// Stored as `id`; `nearDuplicates` are stored articles it was linked to.
    case added(id: Int64, nearDuplicates: [Int64])
    /// Already stored (possibly earlier in the same batch) under `existingID`.
    case duplicate(existingID: Int64)
}

public struct SearchQuery: Hashable, Sendable {
    public enum Order: String, Hashable, Sendable {
        case rank, newest, oldest
    }
    /// Full-text query: words (all must match), `OR`, `NOT`, "exact phrases",
    /// `NEAR(a b, 10)`, `prefix*`, `title:word`. Empty: every article.
    public var text: String
    /// Published at or after `since` and before `until`.
    public var since: Date?
    public var until: Date?
    public var outlet: String?
    /// Only articles whose byline credits an author of this kind
    /// (`ArticleDraft.authors`): `.person` for signed stories, `.organisation`
    /// for agency copy.
    public var authorKind: BylineAuthor.Kind?
    /// Entity names every result must mention (by name or alias, through the
    /// entity index): {"ISI", "DGFI"} finds articles mentioning both.
    public var mentioning: [String]
    /// Entities every result must mention, by id: exactly these, not others
    /// of the same name ("Georgia" the state, not the person).
    public var mentioningEntities: [Int64]
    public var limit: Int
    public var offset: Int
    public var order: Order
    /// Marks around matched terms in snippets.
    public var markStart: String
    public var markEnd: String

    public init(text: String, since: Date? = nil, until: Date? = nil, outlet: String? = nil,
                authorKind: BylineAuthor.Kind? = nil, mentioning: [String] = [], mentioningEntities: [Int64] = [], limit: Int = 20, offset: Int = 0,
                order: Order = .rank,
                markStart: String = "[", markEnd: String = "]") {
        self.text = text
        self.since = since
        self.until = until
        self.outlet = outlet
        self.authorKind = authorKind
        self.mentioning = mentioning
        self.mentioningEntities = mentioningEntities
        self.limit = limit
        self.offset = offset
        self.order = order
        self.markStart = markStart
        self.markEnd = markEnd
    }
}

public struct SearchHit: Hashable, Sendable {
    public var article: Article
    /// Relevance, higher is better (0 when the query had no text): bm25 in
    /// SQLite, ts_rank in PostgreSQL (docs/scale.md says how they differ).
    public var rank: Double
    /// The best matching passage with matched terms marked.
    public var snippet: String

    public init(article: Article, rank: Double, snippet: String) {
        self.article = article
        self.rank = rank
        self.snippet = snippet
    }
}

public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The search text is not a valid query; the message says where.
    case badQuery(query: String, message: String)
    /// The database could not be opened, read or written.
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .badQuery(let query, let message): return "bad search query '\(query)': \(message)"
        case .database(let path, let message): return "store \(path): \(message)"
        }
    }
}
