import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct FeedIngestTests {
    private func parse(_ xml: String, path: String = "feed.xml") throws(IngestError) -> (drafts: [ArticleDraft], errors: [IngestError]) {
        try FeedParser.parse(Array(xml.utf8), path: path)
    }

    private func parsingError(_ xml: String, path: String = "feed.xml") -> IngestError? {
        do {
            _ = try parse(xml, path: path)
            return nil
        } catch {
            return error
        }
    }

    private static let rssFeed = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel>
        <title>Dawn - Home</title>
        <link>https://www.dawn.com</link>
        <description>Pakistan's most widely read English newspaper</description>
        <language>en-PK</language>
        <item>
          <title>Govt, IMF reach staff-level agreement on &amp;quot;second review&amp;quot;</title>
          <link>https://www.dawn.com/news/1960001</link>
          <description><![CDATA[<p>The agreement unlocks about $1bn under the loan programme.</p>]]></description>
          <content:encoded><![CDATA[
            <p>ISLAMABAD: Pakistan and the International Monetary Fund reached a staff-level agreement on Sunday on the second review of the loan programme, the finance ministry said.</p>
            <div class="share-buttons"><a href="https://twitter.com/share">Share on X</a></div>
            <p>The agreement, subject to approval by the IMF board, would release about $1 billion.</p>
            <ul class="related"><li><a href="https://www.dawn.com/news/1950000">IMF mission arrives in Islamabad</a></li></ul>
            <img src="https://images.dawn.com/imf.jpg" alt="IMF building">
          ]]></content:encoded>
          <pubDate>Sun, 28 Dec 2025 02:22:58 +0530</pubDate>
          <dc:creator>Khaleeq Kiani</dc:creator>
          <guid isPermaLink="false">dawn-1960001</guid>
          <category>Business</category>
        </item>
        <item>
          <title>Smog closes schools in Lahore for a week</title>
          <description>Schools in Lahore will stay shut for a week as smog readings hit new highs, the Punjab government said &lt;b&gt;on Monday&lt;/b&gt;.</description>
          <pubDate>Mon, 29 Dec 2025 08:00:00 GMT</pubDate>
          <author>desk@dawn.com (Imran Gabol)</author>
          <guid>https://www.dawn.com/news/1960002</guid>
        </item>
      </channel>
    </rss>
    """

    @Test func rssItemsBecomeDrafts() throws {
        let result = try parse(Self.rssFeed)
        #expect(result.errors.isEmpty)
        #expect(result.drafts.count == 2)
        let first = try #require(result.drafts.first)
        #expect(first.title == "Govt, IMF reach staff-level agreement on \"second review\"")
        #expect(first.outlet == "Dawn - Home")
        #expect(first.url == "https://www.dawn.com/news/1960001")
        #expect(first.byline == "Khaleeq Kiani")
        #expect(first.published?.iso8601 == "2025-12-28T02:22:58+05:30")
        #expect(first.language == "en-PK")
        #expect(first.subtitle == "The agreement unlocks about $1bn under the loan programme.")
        #expect(first.body == """
        ISLAMABAD: Pakistan and the International Monetary Fund reached a staff-level agreement on Sunday on the second review of the loan programme, the finance ministry said.

        The agreement, subject to approval by the IMF board, would release about $1 billion.
        """)
        #expect(first.sourcePath == "feed.xml#1")

        let second = try #require(result.drafts.last)
        #expect(second.title == "Smog closes schools in Lahore for a week")
        #expect(second.body == "Schools in Lahore will stay shut for a week as smog readings hit new highs, the Punjab government said on Monday.")
        #expect(second.subtitle == nil)
        #expect(second.byline == "Imran Gabol")
        #expect(second.url == "https://www.dawn.com/news/1960002")
        #expect(second.published?.iso8601 == "2025-12-29T08:00:00Z")
        #expect(second.sourcePath == "feed.xml#2")
    }

    @Test(arguments: [
        ("Sun, 28 Dec 2025 02:22:58 +0530", "2025-12-28T02:22:58+05:30"),
        ("Sun, 28 Dec 2025 02:22:58 GMT", "2025-12-28T02:22:58Z"),
        ("Sun, 28 Dec 2025 02:22 -0500", "2025-12-28T02:22-05:00"),
        ("28 Dec 2025 02:22:58 EST", "2025-12-28T02:22:58-05:00"),
    ])
    func rfc822DatesAsFeedsWriteThem(text: String, iso8601: String) {
        #expect(NewsDateParser.parse(text)?.iso8601 == iso8601)
    }

    private static let atomFeed = """
    <?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
      <title type="text">The Daily Star</title>
      <id>https://www.thedailystar.net/</id>
      <updated>2025-12-28T10:00:00+06:00</updated>
      <author><name>Star Online Desk</name></author>
      <entry>
        <title type="html">Rohingya camps brace for &lt;em&gt;monsoon&lt;/em&gt;</title>
        <link rel="alternate" type="text/html" href="https://www.thedailystar.net/rohingya-influx/news/3790001"/>
        <link rel="enclosure" href="https://www.thedailystar.net/media/camp.jpg"/>
        <id>tag:thedailystar.net,2025:3790001</id>
        <published>2025-12-28T09:15:00+06:00</published>
        <updated>2025-12-28T11:00:00+06:00</updated>
        <author><name>Porimol Palma</name></author>
        <summary>Aid agencies warn of landslides in Cox's Bazar.</summary>
        <content type="html">&lt;p&gt;Aid agencies in Cox's Bazar are moving families away from slopes, fearing landslides.&lt;/p&gt;&lt;p&gt;More than a million refugees live in the camps.&lt;/p&gt;</content>
      </entry>
      <entry xml:lang="bn">
        <title>Metro rail extends hours</title>
        <link href="https://www.thedailystar.net/news/3790002"/>
        <id>https://www.thedailystar.net/news/3790002</id>
        <updated>2025-12-27T20:00:00+06:00</updated>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Dhaka's metro will run until 11pm from January, the operator said.</p><p>Trains will run every <b>eight</b> minutes.</p></div></content>
      </entry>
      <entry>
        <title>Photo gallery: Victory Day</title>
        <link href="https://www.thedailystar.net/photo/3790003"/>
        <updated>2025-12-16T09:00:00+06:00</updated>
        <content type="text">

        </content>
      </entry>
    </feed>
    """

    @Test func atomEntriesBecomeDrafts() throws {
        let result = try parse(Self.atomFeed, path: "star.atom")
        #expect(result.drafts.count == 2)
        #expect(result.errors == [IngestError(path: "star.atom#3", reason: "no body text")])
        #expect(result.errors.first?.description == "star.atom#3: no body text")

        let first = try #require(result.drafts.first)
        #expect(first.title == "Rohingya camps brace for monsoon")
        #expect(first.outlet == "The Daily Star")
        #expect(first.url == "https://www.thedailystar.net/rohingya-influx/news/3790001")
        #expect(first.byline == "Porimol Palma")
        #expect(first.published?.iso8601 == "2025-12-28T09:15:00+06:00")
        #expect(first.subtitle == "Aid agencies warn of landslides in Cox's Bazar.")
        #expect(first.language == "en")
        #expect(first.body == "Aid agencies in Cox's Bazar are moving families away from slopes, fearing landslides.\n\nMore than a million refugees live in the camps.")
        #expect(first.sourcePath == "star.atom#1")

        let second = try #require(result.drafts.last)
        #expect(second.title == "Metro rail extends hours")
        #expect(second.url == "https://www.thedailystar.net/news/3790002")
        // The entry names no author, so the feed's applies.
        #expect(second.byline == "Star Online Desk")
        #expect(second.published?.iso8601 == "2025-12-27T20:00:00+06:00")
        #expect(second.language == "bn")
        #expect(second.body == "Dhaka's metro will run until 11pm from January, the operator said.\n\nTrains will run every eight minutes.")
        #expect(second.sourcePath == "star.atom#2")
    }

    @Test func rss1ItemsUseDublinCore() throws {
        let xml = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://example.org/"><title>Kathmandu Post</title><dc:language>en</dc:language></channel>
          <item rdf:about="https://example.org/news/1">
            <title>Melamchi water returns to the valley</title>
            <link>https://example.org/news/1</link>
            <description>Supply resumed on Friday after repairs to the headworks.</description>
            <dc:date>2025-12-26T10:00:00+05:45</dc:date>
            <dc:creator>Anup Ojha</dc:creator>
          </item>
        </rdf:RDF>
        """
        let draft = try #require(try parse(xml).drafts.first)
        #expect(draft.title == "Melamchi water returns to the valley")
        #expect(draft.outlet == "Kathmandu Post")
        #expect(draft.language == "en")
        #expect(draft.byline == "Anup Ojha")
        #expect(draft.published?.iso8601 == "2025-12-26T10:00:00+05:45")
        #expect(draft.body == "Supply resumed on Friday after repairs to the headworks.")
    }

    @Test func malformedFeedNamesPathAndLine() throws {
        let xml = """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Broken</title>
        <item><title>First</title><description>Text</description>
        </channel></rss>
        """
        let error = try #require(parsingError(xml, path: "broken.rss"))
        #expect(error.path == "broken.rss")
        #expect(error.line == 4)
        #expect(error.reason == "malformed XML: Opening and ending tag mismatch: item line 3 and channel")
    }

    @Test func documentsThatAreNotFeeds() {
        #expect(parsingError("<?xml version=\"1.0\"?><sitemap><url/></sitemap>", path: "map.xml")
            == IngestError(path: "map.xml", reason: "not an RSS or Atom feed (root element <sitemap>)"))
        #expect(parsingError("<rss version=\"2.0\"><channel><title>Empty</title></channel></rss>")
            == IngestError(path: "feed.xml", reason: "feed has no items"))
        #expect(parsingError("")?.reason.hasPrefix("malformed XML") == true)
    }

    /// An external entity must not be fetched: the parser neither substitutes
    /// entities nor loads DTDs, and entity references are left out of text.
    @Test func externalEntitiesAreNotRead() throws {
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>Feed &e;</title>
        <item><title>Item &e;</title><description>Body text &e; ends here.</description></item>
        </channel></rss>
        """
        let result = try parse(xml)
        let draft = try #require(result.drafts.first)
        for text in [draft.title, draft.outlet, draft.body].compactMap({ $0 }) {
            #expect(!text.contains("root:"))
        }
        #expect(draft.body == "Body text ends here.")

        let parameterEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
        <rss version="2.0"><channel><title>Feed</title><item><description>Body text.</description></item></channel></rss>
        """
        #expect(try parse(parameterEntity).drafts.map(\.body) == ["Body text."])
    }

    @Test func entityExpansionBombIsNotExpanded() throws {
        let levels = (1...9).map { level in
            "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }.joined(separator: "\n")
        let xml = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY lol0 "lol">
        \(levels)
        ]>
        <rss version="2.0"><channel><title>Bomb</title>
        <item><title>&lol9;</title><description>Real text of the item.</description></item>
        </channel></rss>
        """
        // Either the parser refuses the document or the reference stays unexpanded.
        if let result = try? parse(xml) {
            #expect(result.drafts.first?.body == "Real text of the item.")
            #expect((result.drafts.first?.title ?? "").count < 100)
        }
    }

    @Test func ingestsThroughArticleFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("feed-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("dawn.rss")
        try Data(Self.rssFeed.utf8).write(to: file)
        let report = Ingestor(store: try SQLiteStore(path: ":memory:")).ingest(paths: [file.path])
        #expect(report.failed.isEmpty)
        #expect(report.added.count == 2)
    }
}
