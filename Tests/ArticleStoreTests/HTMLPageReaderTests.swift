import ArticleStore
import DossierCore
import Foundation
import Testing

/// The page reader does not lose a story silently: wrappers with chrome
/// words in their names, pages inside a `<form>`, furniture lines inside the
/// story, the fallback cascade, and the warnings for what still looks wrong.
@Suite struct HTMLPageReaderTests {
    private func extract(_ html: String) throws(IngestError) -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    private static let story = [
        "The city council voted on Tuesday to close the old Harbour Street depot by the end of next year, ending a century of tram maintenance on the site.",
        "Councillors said the land would be sold to fund a new depot on the ring road, where the trams can be serviced without blocking the harbour traffic.",
        "Unions, which had opposed the move for two years, said they would accept it if every worker was offered a job at the new site on the same terms.",
        "The sale is expected to raise about 40 million euros, according to the council's finance committee, which will publish its estimate in March.",
    ]

    private static func paragraphs(_ lines: [String] = story) -> String {
        lines.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    private static let siteSidebar = """
        <div class="sidebar"><h3>Most read</h3><p>Weather warning for the weekend as storms move in from the west coast tonight.</p></div>
        """

    @Test(arguments: ["content-sidebar-wrap", "article-content sticky-sidebar-relative", "layout modal-enabled", "page has-section-nav"])
    func aWrapperNamedWithAChromeWordKeepsTheStory(wrapperClass: String) throws {
        let html = """
            <html><body class="\(wrapperClass)">
            <div class="\(wrapperClass)"><main><h1>Council closes tram depot</h1>
            <div class="\(wrapperClass)">\(Self.paragraphs())</div></main>\(Self.siteSidebar)</div>
            </body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("Weather warning"), "a real sidebar still goes")
        #expect(draft.warnings.isEmpty)
    }

    @Test func aPageInsideOneFormKeepsItsStoryButANewsletterFormGoes() throws {
        let html = """
            <html><body><form method="post" action="./article.aspx" id="aspnetForm">
            <div class="content"><h1>Council closes tram depot</h1>\(Self.paragraphs())
            <form class="signup"><p>Get our morning briefing in your inbox every day.</p><input type="email"></form>
            </div></form></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("morning briefing"))
    }

    @Test func aNavigationBarLeftOpenStillGivesUpTheStory() throws {
        // The template never closes <nav>: the parser nests the whole page in it.
        let html = """
            <html><body><header><nav class="navbar"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul>
            <div class="container"><article><h1>Council closes tram depot</h1>\(Self.paragraphs())</article></div>
            </body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("Home"))
    }

    @Test func furnitureLinesInsideTheStoryGo() throws {
        let caption = "The Harbour Street depot in 1923."
        let html = """
            <html><body><article>
            <p>Updated Jan 5, 2020 3:12 PM EST</p>
            <p>\(caption)</p><p>Photo: Jan Visser / City Archive</p>
            <p>\(Self.story[0])</p><p>\(Self.story[1])</p>
            <p>Read more: Trams return to the old town after a decade</p>
            <p>https://www.example-news.com/trams/depot-closure</p>
            <p>\(Self.story[2])</p><p>\(caption)</p><p>\(Self.story[3])</p>
            <p>A photo of the depot taken by a passenger in 1923 now hangs in the council chamber, near the mayor's office.</p>
            <p>Tags: trams, council, harbour</p>
            </article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
        #expect(draft.body.contains("A photo of the depot"), "prose that mentions a photo stays")
        #expect(draft.body.components(separatedBy: caption).count == 2, "a repeated caption is kept once")
        for furniture in ["Updated Jan 5", "Photo: Jan Visser", "Read more:", "https://www.example-news.com", "Tags:"] {
            #expect(!draft.body.contains(furniture), "\(furniture)")
        }
    }

    @Test func longCopyrightTermsDisguisedNoticesAndLabelledDateLinesGo() throws {
        let terms = "© 2022, Example News. This article is the copyrighted property of Example News. Written permission must be "
            + "obtained before reprint in online or print media. Reprinting content without permission will result in legal action."
        // Cyrillic о, е, у, с, а, і, ѕ inside Latin words.
        let disguised = "Аdvеrtіѕе wіth thе most visited news site ~ Wе оffеr fullу сuѕtоmіzаblе digital marketing packages. "
            + "Yоur соntеnt іѕ dеlіvеrеd іnѕtаntlу tо thоuѕаndѕ оf uѕеrѕ at home and abroad! Соntасt uѕ at ads@example.com."
        let html = """
            <html><body><article>
            <p>News date : 04/21/2022 Category : Press Releases</p>
            \(Self.paragraphs())
            <p>\(disguised)</p><p>\(terms)</p>
            </article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
        for notice in ["Category : Press Releases", "Yоur соntеnt", "copyrighted property"] {
            #expect(!draft.body.contains(notice), "\(notice)")
        }
    }

    @Test func aStoryQuotingCyrillicAndNamingTheCopyrightStays() throws {
        let quoted = "The sign over the depot's gate, written in Russian as «Трамвайное депо» by the Soviet-era builders, "
            + "was kept; the copyright © of the photographs belongs to the city archive, the council said in March, "
            + "and the archive will show them in the old waiting room."
        let html = "<html><body><article>\(Self.paragraphs())<p>\(quoted)</p></article></body></html>"
        #expect(try extract(html).body.contains(quoted))
    }

    @Test func aPaywallBoxGoesWithItsOfferAndTheStoryStays() throws {
        let html = """
            <html><body><article>
            <p>\(Self.story[0])</p><p>\(Self.story[1])</p>
            <p>To view the full story, please subscribe to The Harbour Times. You can choose an annual subscription or a weekly pass.</p>
            <p>When you join, you will get unlimited digital access to journalism about the harbour you won't get anywhere else.</p>
            <p>— Local news from our communities</p>
            <p>First-time subscribers also receive a welcome gift made by local artisans!</p>
            <p>If you're seeing this message but you're already a subscriber, you can log in for immediate access to this story.</p>
            <p>\(Self.story[2])</p>
            </article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story.prefix(3) { #expect(draft.body.contains(paragraph)) }
        for notice in ["To view the full story", "unlimited digital access", "Local news from", "First-time subscribers", "already a subscriber"] {
            #expect(!draft.body.contains(notice), "\(notice)")
        }
        #expect(draft.warnings.contains { $0.contains("truncated") }, "the page is still flagged")
    }

    @Test func aPostInANoscriptInsideTheDeclaredArticleBodyIsRead() throws {
        let html = """
            <html><body><noscript><p>Please enable JavaScript in your browser to use all the features of this site, thank you very much.</p></noscript>
            <div class="post-body"><div class="post-content" itemprop="articleBody">
            <script type="text/template">\(Self.paragraphs())</script>
            <noscript>\(Self.paragraphs())</noscript>
            </div></div></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.components(separatedBy: paragraph).count == 2, "once: \(paragraph)") }
        #expect(!draft.body.contains("enable JavaScript"), "a noscript outside the story still goes")
    }

    @Test func whenTheMainPassKeepsLittleTheReaderFallsBack() throws {
        // The story sits in blocks named like promos, none holding half the
        // page; the strict pass keeps only the short teaser.
        let html = """
            <html><body><div class="wrapper">
            <div class="entry"><p>The council made a decision about the depot on Tuesday, officials said.</p></div>
            <section class="promo-block">\(Self.paragraphs(Array(Self.story[0...1])))</section>
            <section class="promo-block">\(Self.paragraphs([Self.story[2]]))</section>
            <section class="promo-block">\(Self.paragraphs([Self.story[3]]))</section>
            </div></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
    }

    @Test func aPaywallTeaserIsFlaggedAsTruncated() throws {
        let html = """
            <html><body><article><h1>Council closes tram depot</h1>
            <p>\(Self.story[0])</p>
            <p>To view the full story, please subscribe to The Harbour Times.</p>
            </article></body></html>
            """
        let draft = try extract(html)
        #expect(draft.warnings.contains { $0.hasPrefix("possibly truncated") })
        #expect(draft.warnings.contains { $0.hasPrefix("little text") })
    }

    @Test func aPageThatIsOnlyANoticeIsFlaggedAsBoilerplate() throws {
        let html = """
            <html><body><div class="content">
            <p>Thanks for contacting us. We've received your submission.</p>
            <p>We use cookies to personalise content. By continuing you accept our privacy policy.</p>
            </div></body></html>
            """
        let draft = try extract(html)
        #expect(draft.warnings.contains { $0.hasPrefix("mostly boilerplate") })
    }

    @Test func commentsAreNeverTakenForTheStory() throws {
        // The declared article body is one paragraph and the comments hold
        // far more prose: no fallback may take them for the story.
        let comments = (1...6).map { "<p>Reader \($0): \(Self.story[$0 % 4])</p>" }.joined()
        let html = """
            <html><body><div itemprop="articleBody"><p>\(Self.story[0])</p></div>
            <div class="comments">\(comments)</div></body></html>
            """
        let draft = try extract(html)
        #expect(draft.body == Self.story[0])
    }

    @Test func aPageHoldingFarMoreProseThanWasKeptIsFlagged() throws {
        // The declared body is a fair story; the page holds three times as
        // much prose elsewhere, which the reader left behind.
        let elsewhere = (1...3).map { _ in Self.paragraphs() }.joined()
        let html = """
            <html><body><div itemprop="articleBody">\(Self.paragraphs())\(Self.paragraphs(Self.story.reversed()))</div>
            <div class="related-stories">\(elsewhere)\(elsewhere)</div></body></html>
            """
        let draft = try extract(html)
        #expect(draft.warnings.contains { $0.hasPrefix("possibly truncated: kept") }, "\(draft.warnings)")
    }

    @Test func aWholeStoryHasNoWarnings() throws {
        let draft = try extract("<html><body><article>\(Self.paragraphs())</article></body></html>")
        #expect(draft.warnings.isEmpty)
    }
}

@Suite struct HTMLStoryEndingTests {
    private static let story = [
        "The port authority said on Friday that container traffic had fallen by a fifth since the spring, the steepest drop in a decade, as shipping lines rerouted their vessels around the strike.",
        "Dock workers have stopped work twice this month over pay, and their union said a third stoppage would begin next week unless the employers returned to talks with a better offer.",
    ]

    @Test func siteNoticesAfterTheStoryGoButTheSameWordsInsideItStay() throws {
        let inside = "Subscribers to the port's newsletter were told of the closure a day before the public, and some followed the news on Twitter, the authority said in its own report."
        let html = """
            <html><body><article>
            <p>\(Self.story[0])</p><p>\(inside)</p><p>\(Self.story[1])</p>
            <p>Figure 2: Container traffic by month</p>
            <p>Follow The Harbour Times on Twitter and Facebook @HarbourTimes.</p>
            <p>For the latest news download the Harbour Times app for iOS and Android.</p>
            <p>© 2024 Harbour Media Group. All rights reserved.</p>
            </article></body></html>
            """
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(draft.body == [Self.story[0], inside, Self.story[1]].joined(separator: "\n\n"))
    }

    @Test func aStorySplitIntoSeveralDeclaredBodiesIsReadWhole() throws {
        let html = """
            <html><body><main>
            <section itemprop="articleBody"><p>\(Self.story[0])</p></section>
            <div class="ad-slot">Advertisement</div>
            <section itemprop="articleBody"><p>\(Self.story[1])</p></section>
            </main></body></html>
            """
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        #expect(draft.body == Self.story.joined(separator: "\n\n"))
    }

    @Test func aStoryBuiltFromSeveralArticleElementsIsReadWhole() throws {
        let gallery = (1...6).map { "<p>Picture \($0) of the harbour at dawn, with cranes, ships, tugs and the old lighthouse in the background.</p>" }.joined()
        let html = """
            <html><body><main><div class="content">
            <article class="element"><p>\(Self.story[0])</p></article>
            <article class="element gallery">\(gallery)</article>
            <article class="element"><p>\(Self.story[1])</p></article>
            </div></main></body></html>
            """
        let draft = try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
        for paragraph in Self.story { #expect(draft.body.contains(paragraph)) }
    }
}
