import DossierCore

/// The store's claims: found at ingest (`Ingestor.claimFinder`), kept with
/// their article, read back without re-reading any text.
public protocol ClaimStore: Sendable {
    /// Replaces the claims of the given articles (one transaction).
    func saveClaims(_ items: [(articleID: Int64, claims: [Claim])], version: String) throws(StoreError)
    /// Adds a batch as `Store.add` does, each added draft's claims (one list per
    /// draft, made by `claimVersion`) stored in the same transaction: a crash
    /// never leaves an article without the claims ingest found for it.
    func add(_ drafts: [ArticleDraft], mentions: [[Mention]]?, extractorVersion: String?, claims: [[Claim]],
             claimVersion: String) throws(StoreError) -> [AddOutcome]
    /// The article's claims in text order, or nil when no claim finder has analysed it.
    func claims(inArticle id: Int64) throws(StoreError) -> [Claim]?
    /// The same for the articles with ids in `ids`, one query for the range; an
    /// article no claim finder has analysed is absent.
    func claimVersions(ofArticles ids: ClosedRange<Int64>) throws(StoreError) -> [Int64: String]
    /// The stored claims of the articles with ids in `ids` that pass `query`,
    /// filtered by the store (one query for the range, not one per article).
    func claims(matching query: ClaimQuery, inArticles ids: ClosedRange<Int64>) throws(StoreError) -> ClaimQueryResult
}

extension ClaimStore {
    /// The version of the claim finder that analysed the article, or nil when none has.
    public func claimVersion(ofArticle id: Int64) throws(StoreError) -> String? {
        try claimVersions(ofArticles: id...id)[id]
    }
}
