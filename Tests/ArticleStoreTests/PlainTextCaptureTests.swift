import ArticleStore
import DossierCore
import Foundation
import Testing

@Suite struct PlainTextCaptureTests {
    private static let seedsFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("seeds")

    private func seed(_ name: String) throws -> ArticleDraft {
        let url = Self.seedsFolder.appendingPathComponent(name)
        let text = try decodeArticleText(Array(try Data(contentsOf: url)), path: url.path)
        return PlainTextCaptureParser.parse(text, sourcePath: url.path)
    }

    private func paragraphs(_ draft: ArticleDraft) -> [String] {
        draft.body.components(separatedBy: "\n\n")
    }

    // MARK: Seeds

    @Test func seedWithSiteChrome() throws {
        let draft = try seed("003_cef261d7efc6bb5d.txt")
        #expect(draft.breadcrumbs == ["Home", "World", "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links"])
        #expect(draft.title == "Pakistan and Bangladesh Quietly Rebuild Intelligence and Defence Links")
        #expect(draft.subtitle == "Renewed diplomatic and military engagement signals shifting regional security alignments affecting India’s eastern flank")
        #expect(draft.byline == "Abhinandan Mishra")
        #expect(draft.published?.iso8601 == "2025-12-28T02:22:58+05:30")
        #expect(draft.published?.precision == .second)
        #expect(draft.dateline == "NEW DELHI")
        #expect(draft.body.hasPrefix("Pakistan and Bangladesh have, over the past few months,"))
        #expect(draft.body.hasSuffix("had remained largely dismantled for years."))
        #expect(paragraphs(draft).count == 6)
        for chrome in ["Most Popular", "Sunday Guardian", "Copyright", "©", "unlock", "Unlock", "subscription"] {
            #expect(!draft.body.contains(chrome), "body keeps \(chrome)")
        }
        // Named by the site's own promo in the chrome, not by the company in the copyright line.
        #expect(draft.outlet == "The Sunday Guardian")
        #expect(draft.sourcePath?.hasSuffix("seeds/003_cef261d7efc6bb5d.txt") == true)
    }

    @Test func seedBareArticle() throws {
        let draft = try seed("000_018e89bbf2e85b3f.txt")
        #expect(draft.title == "Pakistan and Bangladesh Sign New Defense Cooperation Pact")
        #expect(draft.subtitle == "Military ties widen after years of limited contact")
        #expect(draft.byline == nil)
        #expect(draft.published == nil)
        #expect(draft.dateline == nil)
        #expect(draft.outlet == nil)
        #expect(draft.breadcrumbs.isEmpty)
        // Eight paragraphs and the subheading between them, kept in place.
        let blocks = paragraphs(draft)
        #expect(blocks.count == 9)
        #expect(blocks[4] == "Training, exercises, and the question of capabilities")
        #expect(blocks.filter { $0.hasSuffix(".") }.count == 8)
        #expect(blocks[0].hasPrefix("Pakistan said it has signed a defense cooperation pact with Bangladesh"))
        #expect(!draft.body.hasSuffix("\n"))
    }

    // MARK: Other sites

    /// A wire story as carried on a news site, with its furniture.
    private static let wireCapture = """
    Skip to main content
    World > Asia Pacific

    Pakistan central bank holds key rate at 22% as inflation eases

    Decision in line with analysts' expectations; bank flags fiscal risks ahead of IMF talks

    By Jane Doe
    Published: 14 March 2024 09:15 GMT
    4 min read

    ISLAMABAD (Reuters) - Pakistan's central bank kept its key policy rate unchanged at a record 22% on Thursday, \
    saying inflation was easing but remained high and that risks from the budget and energy prices persisted.

    The State Bank of Pakistan said in a statement that the real interest rate was still "significantly positive" \
    and that it expected inflation to fall further in the coming months, in line with its forecasts.

    Also read: IMF staff to visit Islamabad next week for loan review

    Analysts polled by Reuters had largely expected no change, though a few had forecast a cut of up to 100 basis points \
    given a sharp fall in food prices since January.

    "The committee noted that the current account remained in surplus," the bank said.

    Reporting by Jane Doe in Islamabad; Additional reporting by Asif Shahzad; Editing by John Smith

    Our Standards: The Thomson Reuters Trust Principles.

    Share this article
    """

    @Test func wireStoryCapture() {
        let draft = PlainTextCaptureParser.parse(Self.wireCapture, sourcePath: "wire.txt")
        #expect(draft.breadcrumbs == ["World", "Asia Pacific"])
        #expect(draft.title == "Pakistan central bank holds key rate at 22% as inflation eases")
        #expect(draft.subtitle == "Decision in line with analysts' expectations; bank flags fiscal risks ahead of IMF talks")
        #expect(draft.byline == "Jane Doe")
        #expect(draft.published?.iso8601 == "2024-03-14T09:15Z")
        #expect(draft.published?.precision == .minute)
        #expect(draft.dateline == "ISLAMABAD")
        // The wire credit in the dateline is the only publication the capture names.
        #expect(draft.outlet == "Reuters")
        let blocks = paragraphs(draft)
        #expect(blocks.count == 4)
        #expect(blocks.first?.hasPrefix("Pakistan's central bank kept its key policy rate") == true)
        // A short quote ending the story is story text, not a stray line.
        #expect(blocks.last == "\"The committee noted that the current account remained in surplus,\" the bank said.")
        // Teasers, production credits and the trailer are page furniture.
        for chrome in ["Also read", "Reporting by", "Editing by", "Our Standards", "Share this", "min read", "Skip to"] {
            #expect(!draft.body.contains(chrome), "body keeps \(chrome)")
        }
    }

    /// A blog-style page: byline and date on one line, an em-dash dateline,
    /// hard-wrapped paragraphs, an inline "By …" sentence and a trailing tag list.
    private static let wrappedCapture = """
    Opinion
    Karachi’s water crisis is a governance crisis
    Written by Sara Khan | Posted on Sunday, March 3, 2024 10:30 AM PKT

    KARACHI — The city’s taps ran dry again this week, and for once
    the explanation offered by officials was not the weather. A leaking bulk
    main, repaired three times since January, failed near the Dhabeji pumping station.

    By the way the utility tells it, the fault lay with contractors who
    had not replaced the worn valves they were paid to replace last year, a claim the contractors deny.

    Advertisement

    Residents of the western districts say they have learned to store water in drums and to pay
    private tanker operators, whose prices rise with every breakdown of the public network.

    Water
    Karachi
    Sindh
    """

    @Test func hardWrappedBlogCapture() {
        let draft = PlainTextCaptureParser.parse(Self.wrappedCapture, sourcePath: nil)
        #expect(draft.breadcrumbs.isEmpty)
        #expect(draft.title == "Karachi’s water crisis is a governance crisis")
        #expect(draft.subtitle == nil)
        #expect(draft.byline == "Sara Khan")
        #expect(draft.published?.iso8601 == "2024-03-03T10:30+05:00")
        #expect(draft.dateline == "KARACHI")
        #expect(draft.outlet == nil)
        #expect(paragraphs(draft) == [
            "The city’s taps ran dry again this week, and for once the explanation offered by officials was not the weather. "
                + "A leaking bulk main, repaired three times since January, failed near the Dhabeji pumping station.",
            "By the way the utility tells it, the fault lay with contractors who had not replaced the worn valves "
                + "they were paid to replace last year, a claim the contractors deny.",
            "Residents of the western districts say they have learned to store water in drums and to pay "
                + "private tanker operators, whose prices rise with every breakdown of the public network.",
        ])
        #expect(draft.sourcePath == nil)
    }

    @Test func publishedDateWinsOverUpdatedAndSourceLineNamesOutlet() {
        let capture = """
        Flood waters recede in Sylhet as relief work expands
        Updated: June 21, 2024 18:40 BST
        Published: June 20, 2024 09:00 BST
        Source: The Daily Star

        SYLHET: Flood waters began to recede across most of Sylhet on Friday, allowing relief workers to reach villages \
        that had been cut off for nearly a week, district officials said.

        Most Read
        Another story headline that is not this one
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: "flood.txt")
        #expect(draft.published?.iso8601 == "2024-06-20T09:00+06:00")
        #expect(draft.outlet == "The Daily Star")
        #expect(draft.dateline == "SYLHET")
        #expect(draft.body.hasPrefix("Flood waters began to recede"))
        #expect(!draft.body.contains("Another story"))
    }

    @Test func editorCreditIsNotTheByline() {
        let capture = """
        India, Bangladesh hold border talks in Dhaka
        Edited by: Ravi Kumar | Updated: December 28, 2025 10:30 am IST

        Dhaka: Border guard commanders of India and Bangladesh began three days of talks in Dhaka on Sunday, \
        with cross-border killings and fencing near the zero line on the agenda, officials said.
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: nil)
        #expect(draft.title == "India, Bangladesh hold border talks in Dhaka")
        #expect(draft.subtitle == nil)
        #expect(draft.byline == nil)
        #expect(draft.published?.iso8601 == "2025-12-28T10:30+05:30")
        // "Dhaka:" in mixed case is not a wire dateline; the text stays as written.
        #expect(draft.dateline == nil)
        #expect(draft.body.hasPrefix("Dhaka: Border guard commanders"))
    }

    @Test func datelineNeedsAnAllCapsPlace() {
        let capture = """
        Budget talks stall over fuel subsidies
        Officials say a deal is still possible before the deadline

        UPDATE: The finance ministry said late on Tuesday that talks with provincial governments would resume on Thursday.

        Note: figures are provisional and may be revised by the statistics bureau when final data arrive.
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: nil)
        #expect(draft.dateline == nil)
        #expect(draft.body.hasPrefix("UPDATE: The finance ministry"))
    }

    @Test func datelineWithFilingDate() {
        let capture = """
        Sri Lanka extends debt talks with bondholders
        COLOMBO, Jan. 9 (AP) — Sri Lanka’s government said on Tuesday it had extended talks with international \
        bondholders by another month as negotiators worked through differences over a macro-linked bond.
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: nil)
        #expect(draft.dateline == "COLOMBO")
        #expect(draft.outlet == "AP")
        #expect(draft.body.hasPrefix("Sri Lanka’s government said on Tuesday"))
    }

    @Test func captureWithoutTitleStartsWithTheStory() {
        let capture = """
        The election commission on Monday announced the schedule for local body polls in twelve districts, with voting \
        to be held in three phases beginning next month and counting a week after the final phase, officials said.
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: nil)
        #expect(draft.title == nil)
        #expect(draft.body.hasPrefix("The election commission on Monday"))
    }

    @Test func photoCreditsAndRepeatsInsideTheStory() {
        let capture = """
        Sensex > 80,000 for the first time as foreign buying returns

        Sensex > 80,000 for the first time as foreign buying returns

        MUMBAI: India's benchmark Sensex index closed above 80,000 for the first time on Wednesday, led by banking \
        and IT shares as foreign investors turned net buyers after three weeks of selling.

        Traders on the floor of the Bombay Stock Exchange. © AFP

        Copyright lawyers were not the only ones watching: brokers said retail investors had also returned to the \
        market in large numbers, drawn by the run of record highs.

        Brokers said retail investors had also returned to the market in large numbers, drawn by the run of record highs \
        and by a string of large public offerings.

        Brokers said retail investors had also returned to the market in large numbers, drawn by the run of record highs \
        and by a string of large public offerings.
        """
        let draft = PlainTextCaptureParser.parse(capture, sourcePath: nil)
        #expect(draft.breadcrumbs.isEmpty)
        #expect(draft.title == "Sensex > 80,000 for the first time as foreign buying returns")
        #expect(draft.dateline == "MUMBAI")
        let blocks = paragraphs(draft)
        #expect(blocks.count == 3)
        #expect(!draft.body.contains("© AFP"))
        #expect(blocks[1].hasPrefix("Copyright lawyers were not the only ones watching"))
        #expect(blocks[2].hasSuffix("a string of large public offerings."))
    }

    @Test func looksLikeCapture() {
        #expect(PlainTextCaptureParser.looksLikeCapture("Title\n\nSome prose."))
        #expect(PlainTextCaptureParser.looksLikeCapture("\u{FEFF}  Home > World\nTitle"))
        #expect(!PlainTextCaptureParser.looksLikeCapture("  <!doctype html><html>"))
        #expect(!PlainTextCaptureParser.looksLikeCapture("{\"title\": \"x\"}"))
        #expect(!PlainTextCaptureParser.looksLikeCapture("\n[1, 2]"))
        #expect(!PlainTextCaptureParser.looksLikeCapture("   \n"))
        #expect(!PlainTextCaptureParser.looksLikeCapture("12 34 -- 56"))
    }
}
