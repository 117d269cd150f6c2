import DossierCore

/// Reads news feeds into one draft per item: RSS 2.0 (and RSS 1.0, whose
/// items have the same fields) and Atom.
///
/// Item bodies in HTML (`description`, `content:encoded`, Atom `content`
/// of type html or xhtml) become text the way pages do, through `HTMLText`.
/// The outlet is the feed's own title. Items are numbered from 1 in
/// `sourcePath` ("feed.xml#2"); one without text is reported on its own and
/// the others still go in.
public enum FeedParser {
    public static func parse(_ bytes: [UInt8], path: String) throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        try MarkupDocument.withXML(bytes, path: path) { (root: MarkupNode) throws(IngestError) in
            let feed = try Feed(root: root, path: path)
            guard !feed.items.isEmpty else { throw IngestError(path: path, reason: "feed has no items") }
            var drafts: [ArticleDraft] = []
            var errors: [IngestError] = []
            for (index, item) in feed.items.enumerated() {
                let itemPath = "\(path)#\(index + 1)"
                if let draft = feed.draft(of: item, sourcePath: itemPath) {
                    drafts.append(draft)
                } else {
                    errors.append(IngestError(path: itemPath, reason: "no body text"))
                }
            }
            return (drafts, errors)
        }
    }
}

enum FeedNamespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
}

extension MarkupNode {
    func children(named name: String, in namespace: String?) -> [MarkupNode] {
        childElements.filter { $0.name == name && $0.namespaceURI == namespace }
    }

    func firstChild(named name: String, in namespace: String?) -> MarkupNode? {
        childElements.first { $0.name == name && $0.namespaceURI == namespace }
    }

    /// The text with whitespace collapsed; nil when there is none.
    var trimmedText: String? { HTMLText.trimmed(textContent) }
}

/// A feed's own metadata and how its items are read; `FeedItemReader` makes
/// one from the elements before the first item, `FeedParser` from the tree.
struct Feed {
    enum Kind {
        /// RSS 2.0 has no namespace; RSS 1.0 puts the same elements in its own.
        case rss(namespace: String?)
        case atom
    }

    var kind: Kind
    var items: [MarkupNode]
    var outlet: String?
    var language: String?
    /// Atom lets a feed name the author of all its entries.
    var feedAuthors: [String] = []

    init(kind: Kind, outlet: String?, language: String?, feedAuthors: [String]) {
        self.kind = kind
        items = []
        self.outlet = outlet
        self.language = language
        self.feedAuthors = feedAuthors
    }

    init(root: MarkupNode, path: String) throws(IngestError) {
        switch (root.name, root.namespaceURI) {
        case ("rss", nil):
            let channel = root.firstChild(named: "channel", in: nil)
            kind = .rss(namespace: nil)
            items = channel?.children(named: "item", in: nil) ?? []
            outlet = channel?.firstChild(named: "title", in: nil)?.trimmedText
            language = channel?.firstChild(named: "language", in: nil)?.trimmedText
        case ("RDF", FeedNamespace.rdf):
            let channel = root.firstChild(named: "channel", in: FeedNamespace.rss1)
            kind = .rss(namespace: FeedNamespace.rss1)
            items = root.children(named: "item", in: FeedNamespace.rss1)
            outlet = channel?.firstChild(named: "title", in: FeedNamespace.rss1)?.trimmedText
            language = channel?.firstChild(named: "language", in: FeedNamespace.dublinCore)?.trimmedText
        case ("feed", FeedNamespace.atom):
            kind = .atom
            items = root.children(named: "entry", in: FeedNamespace.atom)
            outlet = root.firstChild(named: "title", in: FeedNamespace.atom).flatMap(Self.atomLine)
            feedAuthors = Self.atomAuthors(of: root)
        default:
            throw IngestError(path: path, reason: "not an RSS or Atom feed (root element <\(root.name)>)")
        }
    }

    func draft(of item: MarkupNode, sourcePath: String) -> ArticleDraft? {
        var draft: ArticleDraft?
        switch kind {
        case .rss(let namespace): draft = rssDraft(of: item, namespace: namespace)
        case .atom: draft = atomDraft(of: item)
        }
        draft?.sourcePath = sourcePath
        draft?.outlet = outlet
        return draft
    }

    // MARK: - RSS

    private func rssDraft(of item: MarkupNode, namespace: String?) -> ArticleDraft? {
        func field(_ name: String) -> MarkupNode? { item.firstChild(named: name, in: namespace) }
        let fullText = item.firstChild(named: "encoded", in: FeedNamespace.content)
            .map { HTMLText.articleParagraphs(ofFragment: $0.textContent) } ?? []
        let summary = field("description").map { HTMLText.articleParagraphs(ofFragment: $0.textContent) } ?? []
        let body = fullText.isEmpty ? summary : fullText
        guard !body.isEmpty else { return nil }
        let dates = [field("pubDate"), item.firstChild(named: "date", in: FeedNamespace.dublinCore)]
        let creators = item.children(named: "creator", in: FeedNamespace.dublinCore).compactMap(\.trimmedText)
        let authors = creators.isEmpty
            ? item.children(named: "author", in: namespace).compactMap { $0.trimmedText.map(Self.rssAuthorName) } : creators
        return ArticleDraft(
            title: field("title").flatMap { Self.inlineText($0.textContent) },
            subtitle: fullText.isEmpty ? nil : Self.deck(summary, above: body),
            byline: Self.joinedNames(authors),
            url: field("link")?.trimmedText ?? permalink(of: item, namespace: namespace),
            published: dates.lazy.compactMap { $0?.trimmedText.flatMap(NewsDateParser.parse) }.first,
            language: language,
            body: body.joined(separator: "\n\n"))
    }

    /// The guid, when it is the item's address (RSS's default, unless
    /// `isPermaLink="false"`).
    private func permalink(of item: MarkupNode, namespace: String?) -> String? {
        guard let guid = item.firstChild(named: "guid", in: namespace), guid.attribute("isPermaLink") != "false"
        else { return nil }
        return Self.webAddress(guid.trimmedText)
    }

    /// RSS's `author` is an e-mail address, by convention with the name in
    /// parentheses: "desk@example.com (Jane Doe)".
    private static func rssAuthorName(_ text: String) -> String {
        guard let open = text.firstIndex(of: "("), let close = text.lastIndex(of: ")"), open < close else { return text }
        let name = HTMLText.collapsingWhitespace(text[text.index(after: open)..<close])
        return name.isEmpty ? text : name
    }

    // MARK: - Atom

    private func atomDraft(of entry: MarkupNode) -> ArticleDraft? {
        func field(_ name: String) -> MarkupNode? { entry.firstChild(named: name, in: FeedNamespace.atom) }
        let fullText = field("content").map(Self.atomParagraphs) ?? []
        let summary = field("summary").map(Self.atomParagraphs) ?? []
        let body = fullText.isEmpty ? summary : fullText
        guard !body.isEmpty else { return nil }
        let authors = Self.atomAuthors(of: entry)
        // An Atom id is often a tag: URI, and then no address.
        let id = field("id")?.trimmedText
        return ArticleDraft(
            title: field("title").flatMap(Self.atomLine),
            subtitle: fullText.isEmpty ? nil : Self.deck(summary, above: body),
            byline: Self.joinedNames(authors.isEmpty ? feedAuthors : authors),
            url: Self.alternateLink(of: entry) ?? Self.webAddress(id),
            published: [field("published"), field("updated")].lazy
                .compactMap { $0?.trimmedText.flatMap(NewsDateParser.parse) }.first,
            language: HTMLText.trimmed(entry.xmlLanguage) ?? language,
            body: body.joined(separator: "\n\n"))
    }

    /// The page of the entry: the link with rel="alternate", which is also
    /// what a link without rel means.
    private static func alternateLink(of entry: MarkupNode) -> String? {
        entry.children(named: "link", in: FeedNamespace.atom)
            .first { ($0.attribute("rel") ?? "alternate") == "alternate" }
            .flatMap { HTMLText.trimmed($0.attribute("href")) }
    }

    static func atomAuthors(of element: MarkupNode) -> [String] {
        element.children(named: "author", in: FeedNamespace.atom)
            .compactMap { $0.firstChild(named: "name", in: FeedNamespace.atom)?.trimmedText }
    }

    /// An Atom text construct as paragraphs, by its `type`: escaped HTML,
    /// inline XHTML in a `div`, or plain text (the default). Content given
    /// by `src` or in another media type has no text here.
    private static func atomParagraphs(_ element: MarkupNode) -> [String] {
        guard element.attribute("src") == nil else { return [] }
        let type = element.attribute("type")?.lowercased() ?? "text"
        switch type {
        case "html", "text/html":
            return HTMLText.articleParagraphs(ofFragment: element.textContent)
        case "xhtml", "application/xhtml+xml":
            return HTMLText.articleParagraphs(in: element.firstChild(named: "div", in: xhtmlNamespace) ?? element)
        case _ where type == "text" || type.hasPrefix("text/"):
            return plainParagraphs(element.textContent)
        default:
            return []
        }
    }

    private static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// An Atom text construct on one line, for titles.
    static func atomLine(_ element: MarkupNode) -> String? {
        element.attribute("type")?.lowercased() == "html" ? inlineText(element.textContent) : element.trimmedText
    }

    // MARK: - Shared

    /// Paragraphs of plain text: blank lines separate them, and lines
    /// within one are joined.
    private static func plainParagraphs(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .split { $0.allSatisfy(\.isWhitespace) }
            .map { lines in HTMLText.collapsingWhitespace(lines.joined(separator: " ")) }
    }

    /// Feeds escape markup and entities in titles, sometimes twice over
    /// ("AT&amp;amp;T"); text with either is read as HTML.
    private static func inlineText(_ text: String) -> String? {
        HTMLText.trimmed(text.contains("<") || text.contains("&") ? HTMLText.inlineText(ofFragment: text) : text)
    }

    /// The summary as a deck above the full text, unless it is just the
    /// opening of that text (WordPress excerpts: "First words […]").
    private static func deck(_ summary: [String], above body: [String]) -> String? {
        let deck = summary.joined(separator: " ")
        guard !deck.isEmpty else { return nil }
        let opening = deck.prefix(60)
        return body.joined(separator: " ").hasPrefix(opening) ? nil : deck
    }

    private static func webAddress(_ text: String?) -> String? {
        guard let text, text.hasPrefix("http://") || text.hasPrefix("https://") else { return nil }
        return text
    }

    private static func joinedNames(_ names: [String]) -> String? {
        names.isEmpty ? nil : names.joined(separator: ", ")
    }
}
