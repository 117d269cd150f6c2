import Foundation

/// An article as parsed from a source, before the store gives it an id.
/// Every field but `body` may be missing: captures and feeds are uneven.
public struct ArticleDraft: Hashable, Sendable {
    public var title: String?
    public var subtitle: String?
    public var byline: String?
    /// The names `byline` credits, each typed (person, organisation, desk),
    /// in byline order; empty when there is no byline or no extractor read it
    /// (`MentionExtractor.authors(inByline:)`).
    public var authors: [BylineAuthor]
    public var outlet: String?
    public var url: String?
    public var published: PublicationDate?
    /// The place line that opens many wire stories ("NEW DELHI").
    public var dateline: String?
    /// BCP 47 code when the source says (`en`), else nil.
    public var language: String?
    /// Site navigation above the article ("Home > World"), outermost first.
    public var breadcrumbs: [String]
    /// The article's text: paragraphs separated by one blank line.
    public var body: String
    /// Where it came from: a file path, with `#n` for the n-th item of a feed.
    public var sourcePath: String?
    /// Why the extracted text may not be the whole article ("possibly
    /// truncated: …", "mostly boilerplate: …"); empty when nothing is amiss.
    public var warnings: [String]

    public init(title: String? = nil, subtitle: String? = nil, byline: String? = nil, outlet: String? = nil,
                url: String? = nil, published: PublicationDate? = nil, dateline: String? = nil,
                language: String? = nil, breadcrumbs: [String] = [], body: String, sourcePath: String? = nil,
                warnings: [String] = [], authors: [BylineAuthor] = []) {
        self.title = title
        self.subtitle = subtitle
        self.byline = byline
        self.outlet = outlet
        self.url = url
        self.published = published
        self.dateline = dateline
        self.language = language
        self.breadcrumbs = breadcrumbs
        self.body = body
        self.sourcePath = sourcePath
        self.warnings = warnings
        self.authors = authors
    }

    /// The opening words of the body, for listings and results without a
    /// matching passage.
    public func lead(words limit: Int = 30) -> String {
        let words = body.split(whereSeparator: \.isWhitespace)
        let lead = words.prefix(limit).joined(separator: " ")
        return words.count > limit ? lead + "…" : lead
    }

    /// Words in the body: runs of letters and digits (see `TextBytes`).
    public var wordCount: Int {
        TextBytes.withBytes(of: body) { bytes in
            var count = 0
            TextBytes.forEachWord(in: bytes) { _ in count += 1 }
            return count
        }
    }
}

/// A stored article.
public struct Article: Hashable, Sendable, Identifiable {
    public var id: Int64
    public var draft: ArticleDraft
    /// Hex SHA-256 of the normalised title and body: equal for exact duplicates
    /// (see `articleContentHash` in ArticleStore).
    public var contentHash: String
    public var wordCount: Int
    public var ingestedAt: Date

    public init(id: Int64, draft: ArticleDraft, contentHash: String, wordCount: Int, ingestedAt: Date) {
        self.id = id
        self.draft = draft
        self.contentHash = contentHash
        self.wordCount = wordCount
        self.ingestedAt = ingestedAt
    }
}
