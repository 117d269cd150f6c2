import ArticleStore
import DossierCore
import Foundation
import Testing

/// Publication dates from every place pages put them, implausible ones
/// passed over, the page's own UTC offset kept.
@Suite struct HTMLPageDateTests {
    private static let story = """
        <p>The regional water board approved a new reservoir on Monday after three years of planning and two public inquiries.</p>
        <p>Construction is expected to begin in the spring and to employ about three hundred people, the board said in a statement.</p>
        """

    private func published(head: String = "", body: String = "", url: String? = nil) throws -> String? {
        let canonical = url.map { "<link rel=\"canonical\" href=\"\($0)\">" } ?? ""
        let html = "<html><head>\(canonical)\(head)</head><body>\(body)<article>\(Self.story)</article></body></html>"
        return try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html").published?.iso8601
    }

    @Test func articlePublishedWithoutTime() throws {
        #expect(try published(head: #"<meta property="article:published" content="2019-10-30">"#) == "2019-10-30")
    }

    @Test func microdataDatePublishedOnAnyElement() throws {
        #expect(try published(body: #"<span itemprop="datePublished" content="2020-01-16T09:30:00+01:00">16 January</span>"#)
            == "2020-01-16T09:30:00+01:00")
        #expect(try published(body: #"<span itemprop="datePublished">March 3, 2021</span>"#) == "2021-03-03")
    }

    @Test func jsonLDOfAnyTypeInAGraph() throws {
        let script = #"""
            <script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
              {"@type": "Organization", "name": "Kitchen Notes"},
              {"@type": "Recipe", "name": "Focaccia", "datePublished": "2018-12-04T08:00:00-05:00"}]}</script>
            """#
        #expect(try published(head: script) == "2018-12-04T08:00:00-05:00")
    }

    @Test func timeElementAndDatedElements() throws {
        #expect(try published(body: #"<time datetime="2017-09-10">10 September</time>"#) == "2017-09-10")
        #expect(try published(body: #"<div class="entry-meta">Posted on December 4, 2018 by Admin</div>"#) == "2018-12-04")
    }

    @Test func dateInTheURLPathWhenNothingElseDates() throws {
        #expect(try published(url: "https://blog.example.org/2015/11/12/a-walk-in-berlin/") == "2015-11-12")
        #expect(try published(url: "https://news.example.com/world/2021-06-30-floods-in-the-north") == "2021-06-30")
        #expect(try published(url: "https://news.example.com/archive/2014/01/") == "2014-01")
        #expect(try published(url: "https://shop.example.com/products/12345/7") == nil)
    }

    @Test func placeholdersAndFutureDatesGiveWayToTheNextCandidate() throws {
        let placeholder = #"""
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "0001-01-01T00:00:00Z"}</script>
            <meta name="pubdate" content="2022-05-17">
            """#
        #expect(try published(head: placeholder) == "2022-05-17")
        #expect(try published(head: #"<meta property="article:published_time" content="1970-01-01T00:00:00Z">"#) == nil)
        let future = #"<meta property="article:published_time" content="2999-01-01T00:00:00Z"><meta name="date" content="2023-02-01">"#
        #expect(try published(head: future) == "2023-02-01")
    }

    @Test func anEveningStoryKeepsThePagesOwnOffset() throws {
        // JSON-LD in UTC says the next day; the page's zone says the evening before.
        let head = #"""
            <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2020-01-09T04:11:00Z"}</script>
            <meta name="parsely-pub-date" content="2020-01-08T23:11:00-05:00">
            """#
        #expect(try published(head: head) == "2020-01-08T23:11:00-05:00")
    }
}
