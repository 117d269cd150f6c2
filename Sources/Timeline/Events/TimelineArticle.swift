import DossierCore
import Foundation

/// What the event extractor reads of an article: its body, its dates and
/// metadata for provenance, and the entity mentions found in it (from the
/// store, so they carry store-wide names, or from a fresh extraction).
public struct TimelineArticle: Sendable {
    public var id: Int64?
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    public var body: String
    /// Mentions in `body`, with 1-based sentence numbers from the entity
    /// extractor's sentence splitter (the one events are cut by).
    public var mentions: [Mention]

    public init(id: Int64? = nil, title: String? = nil, outlet: String? = nil, url: String? = nil,
                published: PublicationDate? = nil, body: String, mentions: [Mention] = []) {
        self.id = id
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.body = body
        self.mentions = mentions
    }

    public init(_ article: Article, mentions: [Mention]) {
        self.init(id: article.id, title: article.draft.title, outlet: article.draft.outlet, url: article.draft.url,
                  published: article.draft.published, body: article.draft.body, mentions: mentions)
    }
}
