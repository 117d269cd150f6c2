import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct HTMLIngestTests {
    private func extract(_ html: String, path: String = "page.html") throws(IngestError) -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: path)
    }

    private func extractionError(_ bytes: [UInt8], path: String = "page.html") -> IngestError? {
        do {
            _ = try HTMLArticleExtractor.extract(bytes, path: path)
            return nil
        } catch {
            return error
        }
    }

    private static let storyParagraphs = [
        "Pakistan and Bangladesh have quietly rebuilt intelligence and defence links over the past year, officials in both capitals say, reversing decades of mutual suspicion.",
        "The contacts began with a visit by a Bangladeshi army delegation to Rawalpindi in January, followed by naval exchanges, joint training and a standing liaison desk.",
        "Analysts in New Delhi read the shift as a hedge by Dhaka’s interim government, which has cooled on India since the fall of the previous administration.",
        "“Nobody announced a new alliance, but the direction is unmistakable,” said a former Indian ambassador to Dhaka, who asked not to be named.",
    ]

    /// A full news page: navigation, header, share bar, a related-links list
    /// inside the article, a newsletter box, cookie banner and footer around a
    /// story described by Open Graph tags and JSON-LD.
    private static let newsPage = """
    <!DOCTYPE html>
    <html lang="en-IN">
    <head>
      <meta charset="utf-8">
      <title>Pakistan and Bangladesh Quietly Rebuild Defence Links | The Sunday Guardian</title>
      <meta property="og:title" content="Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links">
      <meta property="og:description" content="Renewed military engagement signals shifting regional alignments">
      <meta property="og:site_name" content="The Sunday Guardian">
      <meta property="og:url" content="https://www.sundayguardianlive.com/world/pakistan-bangladesh-defence?utm_source=og">
      <meta property="article:published_time" content="2025-12-28T02:22:58+05:30">
      <meta name="author" content="Abhinandan Mishra">
      <link rel="canonical" href="https://www.sundayguardianlive.com/world/pakistan-bangladesh-defence">
      <link rel="stylesheet" href="/site.css">
      <style>.byline { color: grey }</style>
      <script>window.dataLayer = [{"page": "article"}];</script>
      <script type="application/ld+json">
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": "https://www.sundayguardianlive.com/world/pakistan-bangladesh-defence"},
        {"@type": "NewsArticle", "headline": "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links",
         "datePublished": "2025-12-28T02:22:58+05:30", "dateModified": "2025-12-28T09:00:00+05:30",
         "author": [{"@id": "#/schema/person/1"}, {"@type": "Person", "name": "Rahul Sen"}],
         "publisher": {"@type": "Organization", "name": "The Sunday Guardian"},
         "mainEntityOfPage": {"@id": "https://www.sundayguardianlive.com/world/pakistan-bangladesh-defence"}},
        {"@type": "Person", "@id": "#/schema/person/1", "name": "Abhinandan Mishra"}
      ]}
      </script>
    </head>
    <body class="article-page has-sidebar">
      <div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. <button>Accept all cookies</button></div>
      <header class="site-header">
        <a href="/" class="logo">The Sunday Guardian</a>
        <nav class="main-menu"><ul>
          <li><a href="/india">India</a></li><li><a href="/world">World</a></li><li><a href="/opinion">Opinion</a></li>
        </ul></nav>
      </header>
      <main>
        <article class="story">
          <header>
            <h1>Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links</h1>
            <div class="byline">By <a rel="author" href="/author/abhinandan">Abhinandan Mishra</a> | <time datetime="2025-12-28T02:22:58+05:30">Dec 28, 2025</time></div>
          </header>
          <div class="share-buttons"><a href="https://twitter.com/share">Share on X</a> <a href="https://facebook.com/sharer">Share on Facebook</a></div>
          <div class="story-body">
            <p>\(storyParagraphs[0])</p>
            <p>The contacts began with a visit by a Bangladeshi army delegation to <a href="/tag/rawalpindi">Rawalpindi</a> in January, followed by naval exchanges, joint training and a standing liaison desk.</p>
            <div class="ad-slot">Advertisement</div>
            <h2>What New Delhi sees</h2>
            <p>Analysts in New Delhi read the shift as a hedge by Dhaka&rsquo;s interim government, which has cooled on India since the fall of the previous administration.</p>
            <div class="also-read"><h3>Read more</h3><ul>
              <li><a href="/world/1">Dhaka recalls envoy after border incident</a></li>
              <li><a href="/world/2">Islamabad hosts regional security meet</a></li>
            </ul></div>
            <blockquote>“Nobody announced a new alliance, but the direction is unmistakable,” said a former Indian ambassador to Dhaka, who asked not to be named.</blockquote>
          </div>
          <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day, free of charge and free of noise.</p><form><input type="email"><button>Subscribe</button></form></div>
          <section id="comments"><h3>Comments</h3><p>Be the first to comment on this story, and keep it civil, please.</p></section>
        </article>
        <aside class="sidebar"><h3>Most Read</h3><ol><li><a href="/a">Markets rally as rupee steadies</a></li></ol></aside>
      </main>
      <footer class="site-footer"><p>© 2025 The Sunday Guardian. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
    </body>
    </html>
    """

    @Test func newsPageMetadata() throws {
        let draft = try extract(Self.newsPage)
        #expect(draft.title == "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links")
        #expect(draft.subtitle == "Renewed military engagement signals shifting regional alignments")
        #expect(draft.outlet == "The Sunday Guardian")
        #expect(draft.byline == "Abhinandan Mishra, Rahul Sen")
        #expect(draft.published?.iso8601 == "2025-12-28T02:22:58+05:30")
        #expect(draft.url == "https://www.sundayguardianlive.com/world/pakistan-bangladesh-defence")
        #expect(draft.language == "en-IN")
        #expect(draft.sourcePath == "page.html")
    }

    @Test func newsPageBodyIsTheStoryWithoutChrome() throws {
        let draft = try extract(Self.newsPage)
        let paragraphs = draft.body.components(separatedBy: "\n\n")
        #expect(paragraphs == [Self.storyParagraphs[0], Self.storyParagraphs[1], "What New Delhi sees",
                               Self.storyParagraphs[2], Self.storyParagraphs[3]])
        for chrome in ["cookies", "Opinion", "Share on", "Advertisement", "Dhaka recalls envoy", "morning briefing",
                       "first to comment", "Most Read", "Read more", "Markets rally", "All rights reserved", "Privacy", "dataLayer",
                       "color: grey", "By Abhinandan"] {
            #expect(!draft.body.contains(chrome), "body contains chrome: \(chrome)")
        }
    }

    @Test func headingsOverRemovedBlocksGo() throws {
        let html = """
        <article>
          <p>The central bank held its policy rate at 10 percent on Thursday, citing sticky food inflation and a weak taka.</p>
          <h2>Related stories</h2>
          <ul><li><a href="/1">Taka slides to record low</a></li><li><a href="/2">Food prices ease in December</a></li></ul>
          <h2>Tags</h2>
        </article>
        """
        #expect(try extract(html).body == "The central bank held its policy rate at 10 percent on Thursday, citing sticky food inflation and a weak taka.")
    }

    /// A table-era page with no <article>: the story sits in a div among
    /// sidebars of headlines, and only scoring can tell which is which.
    @Test func scoringFindsTheStoryAmongLinkHeavySidebars() throws {
        let headlines = (1...12).map { "<li><a href=\"/story/\($0)\">Headline number \($0) about markets, politics and sport</a></li>" }
            .joined(separator: "\n")
        // Teasers have text of their own, so only scoring keeps them out.
        let teasers = (1...4).map {
            "<div class=\"teaser\"><a href=\"/feature/\($0)\">Feature \($0)</a><p>A teaser that sums up another story, in a sentence.</p></div>"
        }.joined()
        let html = """
        <html><head><title>Flood waters recede in Sylhet as relief reaches villages - Daily Observer</title></head>
        <body>
          <div id="top"><div class="links"><ul>\(headlines)</ul></div></div>
          <div id="wrapper">
            <div class="col-left">\(teasers)<ul>\(headlines)</ul><p><a href="/more">More headlines from around the country, updated through the day</a></p></div>
            <div class="col-main">
              <div class="text">
                <p>SYLHET — Flood waters began to recede across Sylhet on Tuesday, and relief boats reached villages that had been cut off for nine days, officials said.</p>
                <p>More than 40,000 people remain in shelters, according to the district administration, which has opened 120 centres in schools, mosques and government offices.</p>
                <p>Health workers warned of waterborne disease, as tube wells in low-lying areas were submerged, and asked families to boil drinking water.</p>
              </div>
            </div>
            <div class="col-right"><p><a href="/ad">Sponsored: the best phones of the year, compared</a></p><ul>\(headlines)</ul></div>
          </div>
        </body></html>
        """
        let draft = try extract(html)
        #expect(draft.title == "Flood waters recede in Sylhet as relief reaches villages")
        let paragraphs = draft.body.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs.first?.hasPrefix("SYLHET — Flood waters began") == true)
        #expect(paragraphs.last?.hasSuffix("boil drinking water.") == true)
        #expect(!draft.body.contains("Headline number"))
        #expect(!draft.body.contains("teaser"))
        #expect(!draft.body.contains("Sponsored"))
    }

    @Test func malformedPageStillExtracts() throws {
        let html = """
        <html><head><title>Talks resume in Doha</title><body>
        <div class="content"><p>Negotiators returned to Doha on Monday, picking up talks that stalled in the spring over the sequencing of a ceasefire and prisoner releases.
        <p>Mediators said both delegations had <b>new instructions, <i>though neither side would say what had changed</b> since the last round.
        <div><p>A further session is planned for Thursday &amp; Friday, diplomats said
        </table></span>
        """
        let draft = try extract(html)
        #expect(draft.title == "Talks resume in Doha")
        let paragraphs = draft.body.components(separatedBy: "\n\n")
        #expect(paragraphs.count == 3)
        #expect(paragraphs[0].hasPrefix("Negotiators returned to Doha on Monday"))
        #expect(paragraphs[1] == "Mediators said both delegations had new instructions, though neither side would say what had changed since the last round.")
        #expect(paragraphs[2] == "A further session is planned for Thursday & Friday, diplomats said")
    }

    /// libxml2 stopped building the tree at 256 levels by default; the page
    /// is parsed without that limit and read within a depth budget of its own.
    @Test func runawayNestingIsReadWithoutCrashing() throws {
        let story = "<p>The story comes before a template bug that never closes its containers.</p>"
        let html = story + String(repeating: "<div><span>", count: 20_000)
            + "<p>Read although it sits below twenty thousand levels of unclosed containers.</p>"
        let draft = try extract(html)
        #expect(draft.body.contains("Read although it sits below twenty thousand levels of unclosed containers."))
    }

    @Test func pageWithoutTextIsRefused() {
        let html = """
        <html><head><title>Live: Markets</title><script>render()</script></head>
        <body><nav><a href="/">Home</a></nav><div id="app"></div><footer>© 2025</footer></body></html>
        """
        #expect(extractionError(Array(html.utf8)) == IngestError(path: "page.html", reason: "no article text found"))
        #expect(extractionError(Array("  \n".utf8)) == IngestError(path: "page.html", reason: "empty file"))
    }

    @Test func titleFallsBackToHeadingThenDocumentTitle() throws {
        let withHeading = try extract("<title>Site | Home</title><h1>Budget passes upper house</h1><p>The budget passed the upper house on Friday, with amendments.</p>")
        #expect(withHeading.title == "Budget passes upper house")
        #expect(withHeading.body == "The budget passed the upper house on Friday, with amendments.")
        let withTitleOnly = try extract("<title>Budget passes upper house – The Express Tribune</title><p>The budget passed on Friday.</p>")
        #expect(withTitleOnly.title == "Budget passes upper house")
        let dashInHeadline = try extract("<title>Modi - Sharif talks</title><p>The leaders met on Friday.</p>")
        #expect(dashInHeadline.title == "Modi - Sharif talks")
    }

    @Test func metadataFromMetaNamesTimeAndBylineElement() throws {
        let html = """
        <html lang="bn"><head><meta name="pubdate" content="2025-12-28"></head>
        <body><div class="article-byline">By: Farhana Rahman | Dhaka</div>
        <p>Prices of rice rose again in Dhaka markets this week, traders said, blaming transport costs.</p></body></html>
        """
        let draft = try extract(html)
        #expect(draft.published?.iso8601 == "2025-12-28")
        #expect(draft.byline == "Farhana Rahman")
        #expect(draft.language == "bn")
        let bylineWithTime = try extract("""
        <div class="story-byline">By Jane Doe, <time datetime="2025-12-27">Dec 27, 2025</time></div>
        <p>Rain is forecast for the weekend across the north of the country.</p>
        """)
        #expect(bylineWithTime.byline == "Jane Doe")
        #expect(bylineWithTime.published?.iso8601 == "2025-12-27")
                let withTime = try extract("<p>Rain is forecast for the weekend across the north of the country.</p><time datetime=\"2025-12-27T18:30:00Z\">Saturday</time>")
        #expect(withTime.published?.iso8601 == "2025-12-27T18:30:00Z")
    }

    @Test func readsTheDeclaredCharset() throws {
        // "Café" in Latin-1, declared by the page.
        let latin1 = Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf".utf8) + [0xE9]
            + Array(" owners in Lahore say business has returned.</p></body></html>".utf8)
        #expect(try HTMLArticleExtractor.extract(latin1, path: "cafe.html").body == "Café owners in Lahore say business has returned.")
        let withByteOrderMark = [0xEF, 0xBB, 0xBF] + Array("<p>Café owners in Lahore say business has returned.</p>".utf8)
        #expect(try HTMLArticleExtractor.extract(withByteOrderMark, path: "bom.html").body == "Café owners in Lahore say business has returned.")
        // Curly quotes from a Windows tool, with no declaration.
        let windows1252 = Array("<p>".utf8) + [0x93] + Array("Fine,".utf8) + [0x94] + Array(" he said.</p>".utf8)
        #expect(try HTMLArticleExtractor.extract(windows1252, path: "quote.html").body == "“Fine,” he said.")
    }

    @Test func ingestsThroughArticleFormat() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("html-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("story.html")
        try Data(Self.newsPage.utf8).write(to: file)
        let store = try SQLiteStore(path: ":memory:")
        let report = Ingestor(store: store).ingest(paths: [file.path])
        #expect(report.failed.isEmpty)
        #expect(report.added.count == 1)
    }
}
