import Foundation

/// What a page says about its article in schema.org JSON-LD
/// (`<script type="application/ld+json">`), the metadata news sites
/// maintain most carefully because search engines read it.
struct JSONLDArticle {
    var headline: String?
    var description: String?
    var datePublished: String?
    var url: String?
    var publisher: String?
    var authors: [Author] = []
    /// The story's text as the page gives it to search engines: plain text
    /// (paragraphs on lines of their own, or run together) or HTML.
    var articleBody: String?

    /// A schema.org author: a Person, or an Organization (a newsroom, an agency).
    struct Author {
        var name: String
        var isOrganization: Bool
    }
    var language: String?

    /// The article objects in one script's JSON: a single object, an array
    /// of them, or a `@graph` of linked nodes (as Yoast and other CMS
    /// plugins write, with authors as `{"@id": …}` references into it).
    static func articles(inJSON text: String) -> [JSONLDArticle] {
        parse(text).articles
    }

    /// The article objects, and the `datePublished` of every node of any
    /// type (WebPage, BlogPosting, Recipe, VideoObject …) in document order:
    /// pages that declare no article still date themselves.
    static func parse(_ text: String) -> (articles: [JSONLDArticle], datesPublished: [String]) {
        guard let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return ([], []) }
        let nodes = flattened(json)
        let nodesByID = Dictionary(nodes.compactMap { node in (node["@id"] as? String).map { ($0, node) } },
                                   uniquingKeysWith: { first, _ in first })
        let articles = nodes.filter(isArticle).map { JSONLDArticle(node: $0, nodesByID: nodesByID) }
        let dates = nodes.compactMap { HTMLText.trimmed($0["datePublished"] as? String) }
        return (articles, dates)
    }

    private init(node: [String: Any], nodesByID: [String: [String: Any]]) {
        func resolved(_ value: Any?) -> Any? {
            guard let reference = value as? [String: Any], reference.count == 1, let id = reference["@id"] as? String
            else { return value }
            return nodesByID[id] ?? value
        }
        /// A string, or the name of an object such as a Person (or of the node it references).
        func textOrName(_ value: Any?) -> String? {
            let value = resolved(value)
            return HTMLText.trimmed((value as? String) ?? ((value as? [String: Any])?["name"] as? String))
        }

        headline = textOrName(node["headline"])
        description = textOrName(node["description"])
        datePublished = textOrName(node["datePublished"])
        publisher = textOrName(node["publisher"])
        articleBody = node["articleBody"] as? String
        // Only a code will do: some sites write {"@type": "Language", "name": "English"}.
        language = node["inLanguage"] as? String
        let authorValues = (node["author"] as? [Any]) ?? [node["author"]].compactMap { $0 }
        authors = authorValues.compactMap { value in
            guard let name = textOrName(value) else { return nil }
            let node = resolved(value) as? [String: Any]
            let types = (node?["@type"] as? [Any])?.compactMap { $0 as? String } ?? [node?["@type"] as? String].compactMap { $0 }
            return Author(name: name, isOrganization: types.contains { $0 == "Organization" || $0.hasSuffix("Organization") })
        }
        let page = resolved(node["mainEntityOfPage"])
        url = textOrName(node["url"]) ?? (page as? String) ?? ((page as? [String: Any])?["@id"] as? String)
    }

    private static func flattened(_ json: Any) -> [[String: Any]] {
        if let array = json as? [Any] { return array.flatMap(flattened) }
        guard let object = json as? [String: Any] else { return [] }
        if let graph = object["@graph"] as? [Any] { return [object] + graph.flatMap(flattened) }
        return [object]
    }

    /// Article, NewsArticle and its kinds (ReportageNewsArticle,
    /// AnalysisNewsArticle, OpinionNewsArticle …); `@type` may be a list.
    private static func isArticle(_ node: [String: Any]) -> Bool {
        let types = (node["@type"] as? [Any])?.compactMap { $0 as? String } ?? [node["@type"] as? String].compactMap { $0 }
        return types.contains { $0 == "Article" || $0.hasSuffix("NewsArticle") }
    }
}
