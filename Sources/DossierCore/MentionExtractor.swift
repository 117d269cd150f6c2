/// What the article store asks of an entity extractor at ingest: the mentions
/// in an article's body. A protocol here, so the store depends on the shape of
/// the work, not on the extractor engine.
public protocol MentionExtractor: Sendable {
    /// Changes whenever the model or the gazetteers change, so the store knows
    /// which articles were extracted with an older one and can re-extract them.
    var version: String { get }
    /// Mentions in `text`, offsets into its UTF-8 bytes (see `Mention`).
    func mentions(in text: String) -> [Mention]
    /// Mentions in every field of an article (title, subtitle, byline,
    /// dateline, body), each with its `field` and offsets into that field.
    /// By default, the body's alone.
    func mentions(in article: ArticleDraft) -> [Mention]
}

extension MentionExtractor {
    public func mentions(in article: ArticleDraft) -> [Mention] {
        mentions(in: article.body)
    }

    /// The mentions of each article's fields (`mentions(in:)`), in order,
    /// found on all cores like `mentions(inEach:)`.
    public func mentions(inEachArticle articles: [ArticleDraft]) -> [[Mention]] {
        articles.concurrentMap { mentions(in: $0) }
    }

    /// The mentions of each text, in order, found on all cores (a text per
    /// task): extractors are `Sendable` and texts independent, so a batch of
    /// articles at ingest or re-extraction takes the time of its share.
    public func mentions(inEach texts: [String]) -> [[Mention]] {
        texts.concurrentMap { mentions(in: $0) }
    }
}
