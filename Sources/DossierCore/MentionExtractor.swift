/// What the article store asks of an entity extractor at ingest: the mentions
/// in an article's body. A protocol here, so the store depends on the shape of
/// the work, not on the extractor engine.
public protocol MentionExtractor: Sendable {
    /// Changes whenever the model or the gazetteers change, so the store knows
    /// which articles were extracted with an older one and can re-extract them.
    var version: String { get }
    /// Mentions in `text`, offsets into its UTF-8 bytes (see `Mention`).
    func mentions(in text: String) -> [Mention]
}
