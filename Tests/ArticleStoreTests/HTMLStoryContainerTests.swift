import ArticleStore
import DossierCore
import Foundation
import Testing

/// Finding the whole story when a page splits it: items of a newsletter in
/// containers of their own, story cards with the text in their `<header>`,
/// and calls to action or disclosures inside the story's container.
@Suite struct HTMLStoryContainerTests {
    private func extract(_ html: String) throws(IngestError) -> ArticleDraft {
        try HTMLArticleExtractor.extract(Array(html.utf8), path: "page.html")
    }

    private static let items = [
        [
            "Schools across the state are installing camera systems that follow people around campus, officials said on Monday.",
            "The district spent more than eleven million dollars on cameras last year, according to figures released by the board.",
            "Parents, teachers and students said they were worried about privacy, while others said the footage settled disputes.",
        ],
        [
            "Songs are getting shorter as streaming services pay by the play, according to an analysis of the charts since 2000.",
            "A rapper's first album averaged four minutes a track, while his latest averages barely three, the analysis found.",
            "Country artists have followed, with the average track on one star's latest album a fifth shorter than on his first.",
        ],
        [
            "The city council voted to close the old tram depot by the end of next year, ending a century of maintenance there.",
            "Councillors said the land would be sold to fund a new depot on the ring road, where trams can be serviced more easily.",
            "Unions, which had opposed the move for two years, said they would accept it if every worker was offered a new job.",
        ],
        [
            "Farmers in the valley expect a record harvest of apples this autumn, after a warm spring and a wet, mild summer.",
            "Prices at the market fell by a tenth in September, and growers said they would store more fruit than usual this year.",
            "The cooperative, which buys from two hundred farms, plans to open a second cold store near the railway station.",
        ],
    ]

    @Test func aNewsletterWithItemsInContainersOfTheirOwnIsReadWhole() throws {
        // Each item's text sits two levels below the issue's wrapper; no item is
        // the story alone.
        // Each item is long enough (over 1,000 characters) that no fallback
        // steps in: the container choice alone must find them all.
        let longItems = Self.items.indices.map { item in
            (0..<3).map { paragraph in
                (0..<3).map { Self.items[(item + $0) % Self.items.count][paragraph] }.joined(separator: " ")
            }
        }
        let issue = longItems.enumerated().map { index, paragraphs in
            """
            <div class="item"><div class="headline">\(index + 1). Item number \(index + 1)</div>
            <div class="story-text">\(paragraphs.map { "<p>\($0)</p>" }.joined())</div></div>
            """
        }.joined(separator: "\n")
        let html = """
            <html><body><div class="top"><a href="/">Home</a> <a href="/newsletters">Newsletters</a></div>
            <div class="issue">\(issue)</div>
            <div class="more"><ul><li><a href="/a">Another newsletter issue from last week</a></li></ul></div>
            </body></html>
            """
        let draft = try extract(html)
        for paragraph in longItems.joined() { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("Another newsletter issue"))
    }

    @Test func storyCardsWithTheirTextInTheirHeadersAreReadWhole() throws {
        // Three cards, each an <article> in a section of its own with its text
        // in a <header>; embedded-content notices between them.
        let cards = Self.items.prefix(3).map { paragraphs in
            """
            <section class="page-section"><div class="inner"><article class="image-text image-text--right">
            <header class="image-text__description"><h3>Part</h3>\(paragraphs.map { "<p>\($0)</p>" }.joined())</header>
            </article></div></section>
            <section class="page-section"><div class="embed-consent"><p>To protect your data we blocked the automatic loading of content from a social network. Agree below to see it.</p></div></section>
            """
        }.joined(separator: "\n")
        let html = """
            <html><body><header class="masthead"><nav><a href="/">Home</a> <a href="/sports">Sports</a></nav>
            <p class="tagline">The championships, live and in depth</p></header>
            <main>\(cards)</main>
            <footer><p>Imprint and privacy</p></footer></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items.prefix(3).joined() { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("live and in depth"), "the page's own header is still chrome")
    }

    @Test func anArticleHeaderWithAStandfirstAndALongHeadlineStaysOut() throws {
        let headline = "Perturbazione polare al Centro e al Sud, mentre il Nord scavalcato mantiene temperature alte per giorni"
        let html = """
            <html><body><article class="entry"><header class="entry__header">
            <h2>\(headline)</h2>
            <p class="entry__subtitle">Piogge, temporali e nevicate previste per oggi nelle regioni centrali e meridionali del paese.</p>
            <div class="entry__meta"><span>Pubblicato il 19 Febbraio 2020</span> <span>Ultima modifica 19 Febbraio 2020 12:02</span></div>
            </header>
            <div class="entry__content">\(Self.items[2].map { "<p>\($0)</p>" }.joined())</div></article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items[2] { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("Ultima modifica"))
    }

    @Test func callsToActionDisclosuresAndMetaBoxesInsideTheStoryGo() throws {
        let html = """
            <html><body><article><div class="article-body">
            <p class="comp disclosure-text">We recommend the best products through an independent review process, and advertisers do not influence our picks.</p>
            \(Self.items[1].map { "<p>\($0)</p>" }.joined())
            <div class="article-inline-box"><div class="article-inline-box__meta-wrapper"><span>Easy</span> <span>25 - 100 €</span></div>
            <div class="article-inline-box__meta-wrapper"><span>1-2 days</span></div></div>
            <section class="c-letters-cta"><p>We want to hear what you think about this article. Submit a letter to the editor.</p></section>
            </div></article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items[1] { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("We recommend the best products"))
        #expect(!draft.body.contains("We want to hear what you think"))
        #expect(!draft.body.contains("1-2 days"), "a box of facts named \"meta\" is no paragraph")
    }

    @Test func anAppPromoAndAnAffiliateNoticeAfterTheStoryGoButAnApproachStays() throws {
        let html = """
            <html><body><article>\(Self.items[2].map { "<p>\($0)</p>" }.joined())
            <p>The council will meet again in January to choose a buyer for the land, and the unions have asked to send an observer to every meeting until the sale is signed.</p>
            <p>The mayor said the phone approach to consulting residents had worked well.</p>
            <p>Links marked with an asterisk are affiliate links: we earn a small commission when you buy through them.</p>
            <p>Get the latest news straight to your phone with the Example News app.</p>
            </article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items[2] { #expect(draft.body.contains(paragraph)) }
        #expect(draft.body.contains("phone approach"))
        #expect(!draft.body.contains("affiliate links"))
        #expect(!draft.body.contains("straight to your phone"))
    }

    @Test func captionsTellingTheStoryStayButBannersAndCreditsGo() throws {
        let slides = [
            "With a bowler hat, a set of false lashes and an all-white outfit, you can easily dress as the film's hero.",
            "Long hair or not, you can still pull off this look with a wig, a headband and a little glitter on the cheeks.",
        ]
        let html = """
            <html><body><article><div class="post-content">
            \(Self.items[0].map { "<p>\($0)</p>" }.joined())
            <div class="slides">\(slides.map { "<figure class=\"slide\"><img src=\"a.jpg\"><figcaption><p>\($0)</p></figcaption></figure>" }.joined())</div>
            <figure><a href="/uploads/depot-large.jpg"><img src="/uploads/depot.jpg"></a><figcaption>The prison holds more inmates of the higher category than it was built for.</figcaption></figure>
            <figure><img src="b.jpg"><figcaption>Photo: Jan Visser / City Archive</figcaption></figure>
            <figure><div class="image-wrap"><img src="c.jpg"><div class="overlay">Enlarge this image</div></div><div class="credit">Marta Kowalska for Example News</div><figcaption>Commuters wait for the last tram to leave the old depot on Friday evening.</figcaption></figure>
            <figure><a href="https://shop.example.com/" target="_blank"><img src="banner.jpg"></a><figcaption>New! Visit our fan shop!</figcaption></figure>
            </div></article></body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items[0] + slides { #expect(draft.body.contains(paragraph)) }
        #expect(draft.body.contains("more inmates of the higher category"), "an image linked to its larger copy is no banner")
        #expect(!draft.body.contains("Jan Visser"))
        #expect(!draft.body.contains("fan shop"))
        #expect(draft.body.contains("Commuters wait for the last tram"))
        #expect(!draft.body.contains("Enlarge this image") && !draft.body.contains("Marta Kowalska"), "a figure gives its caption only")
    }

    @Test func theTitleOfTheChosenSectionStays() throws {
        let html = """
            <html><body><div class="menu"><ul><li><a href="#a">Getting there</a></li><li><a href="#b">Partners</a></li></ul></div>
            <section id="travel"><div class="inner"><h2 class="section-title">Getting there</h2>
            <div class="intro">\(Self.items[2].map { "<p>\($0)</p>" }.joined())</div></div></section>
            <section id="partners"><h2>Partners</h2><ul><li><a href="/p1">First partner</a></li></ul></section>
            </body></html>
            """
        let draft = try extract(html)
        #expect(draft.body.hasPrefix("Getting there\n\n" + Self.items[2][0]))
        #expect(!draft.body.contains("Partners"))
    }

    @Test func anAddressUnderThePageIsNoParagraph() throws {
        // Old hand-written pages sign off with the file's name and dates in an <address>.
        let html = """
            <html><body><h1>Tunnelling rsync</h1>\(Self.items[1].map { "<p>\($0)</p>" }.joined())
            <hr><p><small><address>tunnel.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm</address></small></p>
            </body></html>
            """
        let draft = try extract(html)
        for paragraph in Self.items[1] { #expect(draft.body.contains(paragraph)) }
        #expect(!draft.body.contains("Last Modified"))
    }
}
