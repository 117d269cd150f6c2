/// The part of an article a mention was found in. Offsets of a mention are
/// relative to its field's text (`Article.draft.title`, `.body`...).
public enum ArticleField: String, CaseIterable, Hashable, Sendable, Codable {
    case title, subtitle, byline, dateline, body

    /// The field's text in `draft`, nil when the draft has none.
    public func text(in draft: ArticleDraft) -> String? {
        switch self {
        case .title: draft.title
        case .subtitle: draft.subtitle
        case .byline: draft.byline
        case .dateline: draft.dateline
        case .body: draft.body
        }
    }
}
