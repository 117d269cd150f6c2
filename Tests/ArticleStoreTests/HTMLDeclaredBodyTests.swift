import ArticleStore
import DossierCore
import Foundation
import Testing

/// A page that renders its story with scripts still declares the text in
/// JSON-LD's `articleBody`; the reader takes it when the markup holds much
/// less, and leaves a summary-length `articleBody` alone.
@Suite struct HTMLDeclaredBodyTests {
    private static let story = [
        "The regional parliament approved the new water law on Thursday after a debate that lasted well into the night.",
        "The law caps the amount of groundwater that farms may pump each summer and sets fines for wells that are not registered.",
        "Farmers' unions said the caps would force some growers to give up thirsty crops, while environmental groups called them too weak.",
        "The ministry said it would publish the first pumping quotas in March, after consulting the valley's irrigation boards.",
        "Opposition members, who voted against the bill, said they would ask the constitutional court to review the fines.",
    ]

    private static func page(articleBody: String, markup: String) -> String {
        let json = try! JSONSerialization.data(withJSONObject: [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Parliament passes water law",
            "articleBody": articleBody,
        ])
        return """
            <html><head><script type="application/ld+json">\(String(decoding: json, as: UTF8.self))</script></head>
            <body><div id="root">\(markup)</div></body></html>
            """
    }

    @Test func aStoryRenderedByScriptsIsReadFromTheDeclaredBody() throws {
        let html = Self.page(articleBody: Self.story.joined(separator: "\n"), markup: "<p>\(Self.story[0])</p>")
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(draft.body == Self.story.joined(separator: "\n\n"))
        #expect(!draft.warnings.contains { $0.hasPrefix("little text") })
    }

    @Test func aDeclaredBodyInHTMLIsReadAsMarkup() throws {
        let html = Self.page(articleBody: Self.story.map { "<p>\($0)</p>" }.joined(), markup: "<p>Loading…</p>")
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(draft.body == Self.story.joined(separator: "\n\n"))
    }

    @Test func theMarkupWinsWhenItHoldsTheStory() throws {
        // The declared body is a shortened copy; the page's own text is kept as shown.
        let markup = Self.story.map { "<p>\($0)</p>" }.joined()
        let html = Self.page(articleBody: Self.story.prefix(4).joined(separator: " "), markup: markup)
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(draft.body == Self.story.joined(separator: "\n\n"))
    }
}
