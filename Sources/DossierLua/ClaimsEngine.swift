import ArticleStore
import Claims
import DossierCore
import EntityExtractor
import Foundation

/// Claims for the Lua API: an article's claims from its body and its stored
/// mentions (a text's from freshly extracted ones), and claims across a store.
public enum ClaimsEngine {
    public struct Analysis {
        public var claims: [Claim]
        public var hedges: [Hedge]
    }

    /// The claim finder ingest stores claims with.
    static func finder() throws -> any ClaimFinder { try ClaimExtractor.shared() }

    /// The claims of `text`: as stored at ingest when `article` is stored with
    /// its claims, else found afresh (with the stored mentions when there are).
    static func analyze(_ text: String, article: Article?, store: (any Store)?,
                        extractor: () throws -> EntityExtractor) throws -> Analysis {
        if let article, let claimStore = store as? any ClaimStore, let stored = try claimStore.claims(inArticle: article.id) {
            return Analysis(claims: stored, hedges: try hedges(text))
        }
        let mentions: [Mention]
        if let article, let store {
            mentions = try bodyMentions(of: article.id, in: store)
        } else {
            mentions = try extractor().mentions(in: text)
        }
        let result = try ClaimExtractor.shared().analyze(text, mentions: mentions)
        return Analysis(claims: result.claims, hedges: result.hedges)
    }

    /// An article's stored body mentions: claims are found in the body, and the
    /// offsets of title or byline mentions count within their own fields.
    static func bodyMentions(of articleID: Int64, in store: any Store) throws -> [Mention] {
        try store.mentions(inArticle: articleID).map(\.mention).filter { $0.field == .body }
    }

    static func hedges(_ text: String) throws -> [Hedge] {
        try ClaimExtractor.shared().hedgeFinder.hedges(in: TokenizedText(text: text))
    }

    static func words(_ span: ByteSpan, in bytes: [UInt8]) -> String {
        let lower = min(max(0, span.lowerBound), bytes.count)
        return String(decoding: bytes[lower..<min(max(lower, span.upperBound), bytes.count)], as: UTF8.self)
    }

    /// Claims of every stored article published in [since, until) (all when
    /// nil), by `outlet` when given, that pass `filter`, in article order, at most `limit`. A store that
    /// keeps claims filters kind, role, hedged and dates itself, one query per
    /// batch of articles; the source and content words are matched here.
    static func claims(in store: any Store, filter: ClaimFilter, since: Date?, until: Date?, outlet: String? = nil,
                       limit: Int) throws -> [(claim: Claim, text: [UInt8], articleID: Int64)] {
        var found: [(claim: Claim, text: [UInt8], articleID: Int64)] = []
        let claimStore = store as? any ClaimStore
        let query = ClaimQuery(kind: filter.kind, role: filter.role, hedged: filter.hedged, since: since, until: until,
                               outlet: outlet)
        var lastID: Int64 = 0
        while found.count < limit {
            let batch = try store.articles(after: lastID, limit: 200)
            guard let first = batch.first, let last = batch.last else { break }
            lastID = last.id
            let stored = try claimStore?.claims(matching: query, inArticles: first.id...last.id)
            for article in batch {
                guard query.admits(published: article.draft.published?.instant, outlet: article.draft.outlet) else { continue }
                let analysed = stored?.analysed.contains(article.id) ?? false
                let storedClaims = analysed ? stored?.claims[article.id] ?? [] : nil
                if let storedClaims, storedClaims.isEmpty { continue }
                let body = article.draft.body
                // Mentions only when something reads them: finding claims
                // afresh, or an `about` filter matching entities in the content.
                let mentions = storedClaims == nil || filter.about != nil ? try bodyMentions(of: article.id, in: store) : []
                let claims = try storedClaims ?? ClaimExtractor.shared().analyze(body, mentions: mentions).claims
                let bytes = Array(body.utf8)
                for claim in claims {
                    let entities = mentions.filter { mention in claim.content.contains { $0.overlaps(mention.byteRange) } }.map(\.entity)
                    guard filter.matches(claim, text: bytes, entitiesInContent: entities) else { continue }
                    found.append((claim, bytes, article.id))
                    if found.count >= limit { return found }
                }
            }
        }
        return found
    }
}
