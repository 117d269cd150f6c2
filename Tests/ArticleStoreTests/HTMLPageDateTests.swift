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

    @Test func europeanNumericDatesAndGermanDays() throws {
        #expect(NewsDateParser.parse("21.01.2022 11:46")?.iso8601 == "2022-01-21T11:46")
        #expect(NewsDateParser.parse("14.01.2022 um 09:25 Uhr")?.iso8601 == "2022-01-14T09:25")
        #expect(NewsDateParser.parse("10. September 2017")?.iso8601 == "2017-09-10")
        #expect(NewsDateParser.parse("21.4.2021")?.iso8601 == "2021-04-21")
        #expect(NewsDateParser.parse("31.02.2021") == nil)
        #expect(NewsDateParser.parse("1.2.3.2021") == nil)
        #expect(try published(body: #"<p class="article-date">Janic Cathomen, 01.12.2021</p>"#) == "2021-12-01")
    }

    @Test func aPrintedWallClockGivesTheStampItsZone() throws {
        // The stamp is UTC; the page prints the local evening time.
        let head = #"<meta property="article:published_time" content="2023-11-09T05:30:59+00:00">"#
        let body = #"<div class="entry-date">November 8, 2023 at 11:30 pm</div>"#
        #expect(try published(head: head, body: body) == "2023-11-08T23:30:59-06:00")
    }

    @Test func thePrintedDayWinsOverAZonelessStampADayApart() throws {
        let head = #"<meta name="date" content="2020-04-30">"#
        #expect(try published(head: head, body: #"<span class="date">29.04.2020, 12:01 Uhr</span>"#) == "2020-04-29T12:01")
    }

    @Test func todaysDateInTheSiteHeaderIsNotThePublicationDate() throws {
        let head = #"<meta name="date" content="2023-11-08">"#
        let body = #"<header class="masthead"><span class="date">Thursday, November 9th 2023</span></header>"#
        #expect(try published(head: head, body: body) == "2023-11-08")
        let articleHeader = #"<article><header><span class="date">8 January 2020, 3:51 pm</span></header></article>"#
        #expect(try published(body: articleHeader) == "2020-01-08T15:51")
    }

    // MARK: - Pages without publication metadata

    private func publishedPage(_ html: String) throws -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    @Test func aDatelinesDateOpeningTheStory() throws {
        let html = """
            <html><body><div class="news"><p>Bern, 17.08.2007 - Rede von Bundesrat Moritz Leuenberger beim Städtegipfel in Basel, \
            zur Zukunft der Agglomerationen und des öffentlichen Verkehrs.</p>\(Self.story)</div></body></html>
            """
        #expect(try publishedPage(html).published?.iso8601 == "2007-08-17")
        func opening(_ paragraph: String) -> String {
            "<html><body><div class=\"news\"><p>\(paragraph)</p>\(Self.story)</div></body></html>"
        }
        #expect(try publishedPage(opening("LONDON, 12 March 2021 — The government said it would review the rules.")).published?.iso8601
            == "2021-03-12")
        // A place and a comma before a dash, but no date: nothing.
        #expect(try publishedPage(opening("Bern, Switzerland - Rede von Moritz Leuenberger in Basel.")).published == nil)
    }

    @Test func aDateLineUnderThePostDatesItAndLeavesTheText() throws {
        let html = "<html><body><article>\(Self.story)<p>Benni<br>10. September 2017</p></article></body></html>"
        let draft = try publishedPage(html)
        #expect(draft.published?.iso8601 == "2017-09-10")
        #expect(!draft.body.contains("2017"))
    }

    @Test func aLastModifiedFooterWhenNothingElseDates() throws {
        let wiki = """
            <html><body><article>\(Self.story)</article><div id="footer"><ul>\
            <li id="footer-info-lastmod">This page was last modified on 4 November 2020, at 19:23.</li></ul></div></body></html>
            """
        #expect(try publishedPage(wiki).published?.iso8601 == "2020-11-04")
        let labelled = """
            <html><body><article>\(Self.story)</article><div class="meta"><label>Letzte Änderung:</label> \
            <div class="value"> 14.01.2022 um 09:25 </div></div></body></html>
            """
        #expect(try publishedPage(labelled).published?.iso8601 == "2022-01-14T09:25")
        let edited = """
            <html><body><article>\(Self.story)</article><p class="info">Download (last edited 2019-11-10 13:28:18 by \
            <span>MatsWichmann</span>)</p></body></html>
            """
        #expect(try publishedPage(edited).published?.iso8601.hasPrefix("2019-11-10") == true)
        // A publication date outranks the last change.
        let both = """
            <html><head><meta name="date" content="2018-03-01"></head><body><article>\(Self.story)</article>\
            <p>This page was last modified on 4 November 2020.</p></body></html>
            """
        #expect(try publishedPage(both).published?.iso8601 == "2018-03-01")
    }

    @Test func theModifiedTimeWhenThePageGivesNoPublicationDate() throws {
        #expect(try published(head: #"<meta property="og:updated_time" content="2022-01-28T11:05:37+01:00">"#)
            == "2022-01-28T11:05:37+01:00")
        let both = #"<meta property="og:updated_time" content="2022-01-28T11:05:37+01:00"><meta name="date" content="2021-05-02">"#
        #expect(try published(head: both) == "2021-05-02")
    }

    @Test func numericSlashDatesReadInThePagesOrder() throws {
        func page(_ htmlAttributes: String, _ shown: String) -> String {
            "<html \(htmlAttributes)><body><span class=\"time\">\(shown)</span><article>\(Self.story)</article></body></html>"
        }
        #expect(try publishedPage(page(#"xml:lang="en-GB""#, "02/10/2020")).published?.iso8601 == "2020-10-02")
        #expect(try publishedPage(page(#"lang="en-US""#, "02/10/2020")).published?.iso8601 == "2020-02-10")
        // A day above 12 decides whatever the language.
        #expect(try publishedPage(page(#"lang="en-US""#, "25/12/2020")).published?.iso8601 == "2020-12-25")
        #expect(try publishedPage(page("", "Posted 3/4/21 by Admin")).published?.iso8601 == "2021-03-04")
        #expect(try publishedPage(page("", "and/or 1/2")).published == nil)
    }
}
