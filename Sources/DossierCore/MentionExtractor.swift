/// What the article store asks of an entity extractor at ingest: the mentions
/// in an article's fields, the typed authors of its byline, and the language
/// of a body it cannot read. A protocol here, so the store depends on the
/// shape of the work, not on the extractor engine.
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
    /// The names a byline credits, each typed as a person, an organisation
    /// or a desk, in byline order ("By Jane Doe and Reuters" gives two).
    /// By default none: an extractor that knows no names cannot type them.
    func authors(inByline byline: String) -> [BylineAuthor]
    /// The BCP 47 code of the language `text` is confidently written in when
    /// that is not the language the extractor reads ("de" for a German
    /// article, which then gives no mentions), else nil. By default nil.
    func foreignLanguage(of text: String) -> String?
}

extension MentionExtractor {
    public func mentions(in article: ArticleDraft) -> [Mention] {
        mentions(in: article.body)
    }

    public func authors(inByline byline: String) -> [BylineAuthor] { [] }

    public func foreignLanguage(of text: String) -> String? { nil }

    /// The draft with what the extractor reads besides mentions, as ingest
    /// stores it: its byline's authors (`authors(inByline:)`, unless the
    /// draft came with them), and, when the
    /// source declared no language, the language of a body the extractor
    /// cannot read (`foreignLanguage(of:)`), so a German article is flagged
    /// "de" rather than left looking like an English one without names.
    public func completed(_ draft: ArticleDraft) -> ArticleDraft {
        var draft = draft
        if draft.authors.isEmpty, let byline = draft.byline { draft.authors = authors(inByline: byline) }
        if draft.language == nil { draft.language = foreignLanguage(of: draft.body) }
        return draft
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
