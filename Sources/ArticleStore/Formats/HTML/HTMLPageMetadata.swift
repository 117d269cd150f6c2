/// The metadata a news page carries about itself, gathered in one pass over
/// the whole document: `<meta>` tags (Open Graph, article:*, name=…),
/// JSON-LD, the canonical link, `<html lang>`, `<title>`, the first `<h1>`,
/// `<time>` elements and the byline.
struct HTMLPageMetadata {
    /// `<meta>` content by lowercased property, name or itemprop; the first
    /// occurrence wins.
    private(set) var metaContent: [String: String] = [:]
    private(set) var jsonLDArticles: [JSONLDArticle] = []
    /// `datePublished` of JSON-LD nodes of any type, in document order.
    private(set) var jsonLDDatesPublished: [String] = []
    /// The short texts of elements whose class or id names a date
    /// ("entry-date", "post-meta", "published"), first few only: where
    /// pages without date metadata print their date.
    private(set) var datedElementTexts: [String] = []
    private(set) var documentTitle: String?
    private(set) var firstHeading: String?
    private(set) var canonicalURL: String?
    private(set) var language: String?
    /// A `<time>` or microdata element marked as the publication date.
    private(set) var markedPublicationTime: String?
    private(set) var firstTime: String?
    /// The text of a `rel="author"` link.
    private(set) var authorLinkText: String?
    /// The text of the first element with "byline" in its class, without its `<time>`.
    private(set) var bylineText: String?
    /// The first "last modified" / "last edited" / "Letzte Änderung" line
    /// with the few text nodes after it (the value often sits in the next
    /// element): where wikis and press pages print when their text last
    /// changed, when they carry no publication date.
    private(set) var lastModifiedText: String?
    private var lastModifiedNodesLeft = 0

    init(root: MarkupNode) {
        language = HTMLText.trimmed(root.attribute("lang")) ?? HTMLText.trimmed(root.attribute("xml:lang")) ?? HTMLText.trimmed(root.xmlLanguage)
        root.walkDescendants { node in
            if node.isText {
                readText(node)
                return .skip
            }
            guard node.isElement else { return .skip }
            return read(node)
        }
    }

    /// Labels of a page's last change, ASCII-lowercase.
    private static let lastModifiedLabels = ASCIIFragments([
        "last modified", "last edited", "last updated", "letzte änderung", "letzte Änderung", "zuletzt geändert",
    ])
    /// Text nodes read after a label for its value.
    private static let lastModifiedValueNodes = 4
    private static let maximumLastModifiedBytes = 300

    private mutating func readText(_ node: MarkupNode) {
        if lastModifiedNodesLeft > 0, let label = lastModifiedText {
            let text = node.textContent
            guard text.contains(where: { !$0.isWhitespace }) else { return }
            guard text.utf8.count <= Self.maximumLastModifiedBytes else {
                lastModifiedNodesLeft = 0
                return
            }
            lastModifiedText = label + " " + text
            lastModifiedNodesLeft -= 1
            return
        }
        guard lastModifiedText == nil, node.withOwnTextBytes({ bytes in
            bytes.count <= Self.maximumLastModifiedBytes && Self.lastModifiedLabels.occur(in: bytes)
        }) == true else { return }
        lastModifiedText = node.textContent
        lastModifiedNodesLeft = Self.lastModifiedValueNodes
    }

    /// The first of `keys` with content among the `<meta>` tags.
    func meta(_ keys: String...) -> String? {
        keys.lazy.compactMap { metaContent[$0] }.first
    }

    private mutating func read(_ element: MarkupNode) -> MarkupNode.Descent {
        // One look at the raw class and id serves both checks by name: a
        // byline's class holds "byline", one of the fragments looked for.
        let namesWanted = bylineText == nil || datedElementTexts.count < Self.maximumDatedElements
        let mayNameADate = namesWanted && Self.mayNameADate(element)
        if bylineText == nil, mayNameADate, element.attributeContains("class", Self.bylineFragment) {
            bylineText = HTMLText.trimmed(Self.textWithoutTimes(element))
        }
        if element.attribute("itemprop")?.lowercased() == "datepublished", markedPublicationTime == nil {
            markedPublicationTime = HTMLText.trimmed(element.attribute("content") ?? element.attribute("datetime"))
                ?? HTMLText.trimmed(element.textContent)
        }
        if datedElementTexts.count < Self.maximumDatedElements, element.name != "body", element.name != "html",
           mayNameADate, element.classAndIDWords.contains(where: Self.dateWords.contains),
           !Self.isInPageChrome(element) {
            let text = element.textContent
            if text.utf8.count <= Self.maximumDatedElementBytes, let trimmed = HTMLText.trimmed(text) {
                datedElementTexts.append(trimmed)
            }
        }
        switch element.name {
        case "meta":
            readMeta(element)
        case "link" where canonicalURL == nil && element.attributeTokens("rel").contains("canonical"):
            canonicalURL = HTMLText.trimmed(element.attribute("href"))
        case "a" where authorLinkText == nil && element.attributeTokens("rel").contains("author"):
            authorLinkText = HTMLText.trimmed(element.textContent)
        // An inline SVG has <title>s of its own; the page's is in <head>.
        case "title" where documentTitle == nil && element.parent?.name == "head":
            documentTitle = HTMLText.trimmed(element.textContent)
        case "h1" where firstHeading == nil:
            firstHeading = HTMLText.trimmed(element.textContent)
        case "time":
            let datetime = HTMLText.trimmed(element.attribute("datetime"))
            if element.attribute("pubdate") != nil, markedPublicationTime == nil { markedPublicationTime = datetime }
            if firstTime == nil { firstTime = datetime }
        case "script":
            let type = element.attribute("type")?.lowercased().split(separator: ";").first
            if type.map(HTMLText.collapsingWhitespace) == "application/ld+json" {
                let parsed = JSONLDArticle.parse(element.textContent)
                jsonLDArticles += parsed.articles
                jsonLDDatesPublished += parsed.datesPublished
            }
            return .skip
        case "style":
            return .skip
        default:
            break
        }
        return .descend
    }

    /// A cheap look at the raw class and id before splitting them into words.
    private static func mayNameADate(_ element: MarkupNode) -> Bool {
        element.classOrIDContains(dateNameFragments)
    }
    private static let dateNameFragments = ASCIIFragments(["date", "time", "publish", "posted", "meta", "byline"])
    private static let bylineFragment = ASCIIFragments(["byline"])
    private static let maximumDatedElements = 8
    /// Longer texts are paragraphs that mention a date, not a date line.
    private static let maximumDatedElementBytes = 300
    private static let dateWords: Set<String> = [
        "date", "dated", "time", "published", "pubdate", "posted", "timestamp", "datetime", "postdate", "entrydate",
        "meta", "byline", "dateline",
    ]

    /// Inside the site's own header, navigation, footer or sidebar, where
    /// sites print today's date; an article's `<header>` (one inside
    /// `<article>` or `<main>`) is not chrome. Looks up a bounded number of
    /// levels: dates sit near the surface.
    private static func isInPageChrome(_ element: MarkupNode) -> Bool {
        var ancestor = element.parent
        var levels = 0
        var insideChrome = false
        while let current = ancestor, levels < 64 {
            switch current.name {
            case "article", "main": return false
            case "header", "nav", "footer", "aside": insideChrome = true
            default: break
            }
            ancestor = current.parent
            levels += 1
        }
        return insideChrome
    }

    /// A byline's text without the dates it often carries in `<time>`.
    private static func textWithoutTimes(_ element: MarkupNode) -> String {
        var text = ""
        element.walkDescendants { node in
            // Elements are separate words: "Jane Doe</a><span>Published" must not glue.
            if node.isText { text += " " + node.textContent }
            return node.name == "time" ? .skip : .descend
        }
        return text
    }

    private mutating func readMeta(_ element: MarkupNode) {
        guard let key = element.attribute("property") ?? element.attribute("name") ?? element.attribute("itemprop"),
              let content = HTMLText.trimmed(element.attribute("content"))
        else { return }
        let lowercasedKey = key.lowercased()
        if metaContent[lowercasedKey] == nil { metaContent[lowercasedKey] = content }
    }
}
