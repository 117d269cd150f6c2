import ArticleStore
import DossierCore
import Foundation
import Testing

/// Bylines cleaned of labels, dates and placeholders, people told from
/// organisations; datelines read from the first paragraph of an HTML body.
@Suite struct HTMLBylineAndDatelineTests {
    private static let story = """
        <p>The regional water board approved a new reservoir on Monday after three years of planning and two public inquiries.</p>
        <p>Construction is expected to begin in the spring and to employ about three hundred people, the board said in a statement.</p>
        """

    private func draft(head: String = "", body: String) throws -> ArticleDraft {
        let html = "<html><head>\(head)</head><body>\(body)</body></html>"
        return try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    @Test(arguments: [
        ("By Glen Owen And Brendan Carlin For The Mail On Sunday", "Glen Owen and Brendan Carlin"),
        ("Emily Burack 8 January 2020, 3:51 pm 11 Edit", "Emily Burack"),
        ("By: Jane Doe | Updated: Dec 28, 2025", "Jane Doe"),
        ("Adam Aaronson PhillyVoice Staff", "Adam Aaronson PhillyVoice"),
        ("Editorial Staff", "Editorial Staff"),
        ("Rob Picheta, CNN", "Rob Picheta, CNN"),
        ("Von Carola Pönisch am 21.01.2022", "Carola Pönisch"),
    ])
    func authorMetaIsCleaned(written: String, expected: String) throws {
        let head = "<meta name=\"author\" content=\"\(written)\">"
        #expect(try draft(head: head, body: "<article>\(Self.story)</article>").byline == expected)
    }

    @Test(arguments: ["Unknown", "No Author", "publisher", "admin"])
    func placeholdersAreNoByline(written: String) throws {
        let head = "<meta name=\"author\" content=\"\(written)\">"
        #expect(try draft(head: head, body: "<article>\(Self.story)</article>").byline == nil)
    }

    @Test func aNameGluedToTheNextElementIsSeparated() throws {
        let body = #"<div class="byline"><a href="/jane">Jane Doe</a><span>Published 11:11 PM EST</span></div><article>\#(Self.story)</article>"#
        #expect(try draft(body: body).byline == "Jane Doe")
    }

    @Test func peopleComeBeforeOrganisationsAndThePublisherIsNoAuthor() throws {
        let people = #"""
            <meta property="og:site_name" content="The Valley Gazette">
            <script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "The Valley Gazette"},
              "author": [{"@type": "Organization", "name": "The Valley Gazette"}, {"@type": "Person", "name": "Maria Lopez"}]}</script>
            """#
        #expect(try draft(head: people, body: "<article>\(Self.story)</article>").byline == "Maria Lopez")
        let agency = #"""
            <script type="application/ld+json">{"@type": "NewsArticle", "author": {"@type": "NewsMediaOrganization", "name": "Associated Press"}}</script>
            """#
        #expect(try draft(head: agency, body: "<article>\(Self.story)</article>").byline == "Associated Press")
    }

    @Test(arguments: [
        ("CAIRO (AP) — Egypt's parliament approved the budget on Sunday after a debate that ran late into the night.", "CAIRO"),
        ("WASHINGTON — The Senate passed the spending bill on Friday, sending it to the president for his signature.", "WASHINGTON"),
        ("LONDON, Dec 5 (Reuters) - British retail sales rose more than expected in November, official figures showed.", "LONDON"),
    ])
    func datelineFromTheFirstParagraph(paragraph: String, place: String) throws {
        let body = "<article><p>\(paragraph)</p>\(Self.story)</article>"
        let draft = try draft(body: body)
        #expect(draft.dateline == place)
        #expect(draft.body.hasPrefix(paragraph), "the paragraph keeps its words")
    }

    @Test func aDateLabelIsNoDateline() throws {
        let body = "<article><p>PUBLISHED: November 8, 2023 at 4:56 p.m. | UPDATED: November 8, 2023 at 6:00 p.m.</p>\(Self.story)</article>"
        let draft = try draft(body: body)
        #expect(draft.dateline == nil)
        #expect(!draft.body.contains("PUBLISHED"), "a line of date stamps is furniture")
    }

    @Test func theBylineRepeatedInTheTextAndTheAuthorsBioGo() throws {
        let head = #"<meta name="author" content="Maria Lopez">"#
        let bio = "Maria Lopez is the Gazette's water and environment correspondent."
        let mention = "Maria Lopez has asked the board for its figures, which it promised to publish in March."
        let body = "<article><p>By Maria Lopez</p>\(Self.story)<p>\(mention)</p><p>\(bio)</p></article>"
        let draft = try draft(head: head, body: body)
        #expect(draft.byline == "Maria Lopez")
        #expect(!draft.body.contains("By Maria Lopez"))
        #expect(!draft.body.contains(bio))
        #expect(draft.body.contains(mention), "the author named inside the story stays")
        #expect(draft.body.hasPrefix("The regional water board"))
    }
}
