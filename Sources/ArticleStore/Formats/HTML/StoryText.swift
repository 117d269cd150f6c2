/// A page's story as paragraphs, found by a cascade in trafilatura's spirit:
/// the main pass judges class names and tags; when it keeps little while the
/// page holds far more article-like text, a pass by tags alone and then a
/// baseline (every paragraph of prose on the page) are tried, each taken
/// only when it holds clearly more. What still looks truncated or like
/// boilerplate is said in `warnings`, never left silent.
struct StoryText {
    private(set) var paragraphs: [String] = []
    /// Plain-language notes for the analyst, stored on the article.
    private(set) var warnings: [String] = []
    /// Lines of the story's container that are only a date ("10. September
    /// 2017" under a post, "Updated: …"), taken out of the text: where a
    /// page without date metadata dates itself.
    private(set) var dateLines: [String] = []

    /// Below this many characters (Unicode scalars) a main pass has kept "little".
    static let littleText = 1_000
    /// A fallback replaces the text so far only when it is this many times longer.
    static let fallbackGain = 2.0
    /// Paragraphs this long, mostly outside links, count as article-like text.
    static let articleLikeParagraphLength = 80
    static let articleLikeLinkDensity = 0.3
    /// Date lines kept for the page's date: the first few are the post's own.
    static let maximumDateLines = 3

    init(body: MarkupNode) {
        // The survey: every block that can be text, to measure the page and
        // to find the wrappers that hold its story.
        // The survey is measured only (no text made): its text is needed
        // only for the baseline, which reads the page again.
        let surveyBlocks = HTMLText.measuredBlocks(in: body, filter: .survey)
        let survey = BlockStatistics(surveyBlocks, within: body)
        let holders = survey.storyHolders(of: body).union(Self.headersHoldingProse(surveyBlocks, below: body))
        let isArticleText = { (block: TextBlock) in Self.isArticleLike(block) && !Self.isInsideChrome(block, below: body, holders: holders) }
        let pageArticleLength = Self.length(surveyBlocks.filter(isArticleText))

        var dateLines: [String] = []
        var kept = Self.located(in: body, filter: BoilerplateFilter.strict.holdingStory(holders), dateLines: &dateLines)
        let needsMore = { (blocks: [TextBlock]) in
            Self.length(blocks) < Self.littleText && Double(Self.length(blocks)) * Self.fallbackGain < Double(pageArticleLength)
        }
        if needsMore(kept) {
            var byTagsDateLines: [String] = []
            let byTags = Self.located(in: body, filter: BoilerplateFilter.tagsOnly.holdingStory(holders), dateLines: &byTagsDateLines)
            if Double(Self.length(byTags)) >= Double(Self.length(kept)) * Self.fallbackGain {
                kept = byTags
                dateLines = byTagsDateLines
            }
        }
        if needsMore(kept) {
            let surveyText = HTMLText.blocks(in: body, filter: .survey)
            let articleLike = surveyText.filter(isArticleText)
            let baseline = HTMLText.droppingEmptySections(BoilerplateLines.removing(from: Self.withTheirHeadings(articleLike, in: surveyText)))
            if Double(Self.length(baseline)) >= Double(Self.length(kept)) * Self.fallbackGain { kept = baseline }
        }
        let paywalled = kept.contains { ExtractionWarnings.isPaywallNotice($0.text) }
        kept = HTMLText.droppingEmptySections(BoilerplateLines.removingTrailingNotices(from: BoilerplateLines.removingPaywallBoxes(from: kept)))
        paragraphs = kept.map(\.text)
        self.dateLines = dateLines
        warnings = ExtractionWarnings.judge(kept, pageArticleLength: pageArticleLength, paywalled: paywalled)
    }

    /// The main pass under one filter: the located container's prose, without furniture lines.
    private static func located(in body: MarkupNode, filter: BoilerplateFilter, dateLines: inout [String]) -> [TextBlock] {
        let blocks = HTMLText.blocks(in: body, filter: filter)
        let statistics = BlockStatistics(blocks, within: body)
        let selection = MainContentLocator(blocks: blocks, statistics: statistics, body: body).selection()
        // The <h1> is the headline, already the title, not a paragraph.
        let isProse = blocks.map {
            $0.container.name != "h1" && statistics.isProse($0, inside: selection) && !isFigureFurniture($0, below: body)
        }
        let prose = blocks.indices.filter { index in
            isProse[index] || (index + 1 < blocks.count && isProse[index + 1] && introduces(blocks[index], blocks[index + 1]))
        }.map { blocks[$0] }
        dateLines = prose.lazy.filter { $0.length <= BoilerplateLines.maximumFurnitureLength && BoilerplateLines.isDateStamp($0.text) }
            .prefix(Self.maximumDateLines).map(\.text)
        return HTMLText.droppingEmptySections(BoilerplateLines.removing(from: prose))
    }

    /// Text of a `<figure>` outside its caption and tables: a credit
    /// ("Getty Images"), an overlay ("Enlarge", "1 / 12"), an embed's
    /// chrome. A figure gives the story its caption and its table only.
    private static func isFigureFurniture(_ block: TextBlock, below body: MarkupNode) -> Bool {
        var element: MarkupNode? = block.container
        var levels = 0
        while let current = element, current != body, levels < maximumFigureDepth {
            switch current.name {
            case "figcaption", "table": return false
            case "figure": return true
            default: break
            }
            element = current.parent
            levels += 1
        }
        return false
    }

    /// How far inside a figure its caption or table may sit.
    private static let maximumFigureDepth = 12

    /// `selected` (some of `blocks`, in order) with the headings that
    /// introduce them: the baseline keeps paragraphs, and their section titles with them.
    private static func withTheirHeadings(_ selected: [TextBlock], in blocks: [TextBlock]) -> [TextBlock] {
        var remaining = selected[...]
        var kept: [TextBlock] = []
        for (index, block) in blocks.enumerated() {
            if let next = remaining.first, next.container == block.container, next.text == block.text {
                kept.append(block)
                remaining = remaining.dropFirst()
            } else if index + 1 < blocks.count, let next = remaining.first, blocks[index + 1].container == next.container,
                      blocks[index + 1].text == next.text, introduces(block, next) {
                kept.append(block)
            }
        }
        return kept
    }

    /// Whether `heading` is the title of the section `next` opens: an
    /// `h2`…`h6` just before it, beside it or beside one of its wrappers
    /// ("Getting there" over the container chosen for its paragraphs).
    private static func introduces(_ heading: TextBlock, _ next: TextBlock) -> Bool {
        guard HTMLText.isHeading(heading), heading.container.name != "h1",
              let section = heading.container.parent else { return false }
        var element: MarkupNode? = next.container
        for _ in 0..<maximumSectionDepth {
            guard let current = element else { return false }
            if current == section { return true }
            element = current.parent
        }
        return false
    }

    /// How far below the heading's parent the section's first paragraph may sit.
    private static let maximumSectionDepth = 4

    private static func isArticleLike(_ block: TextBlock) -> Bool {
        guard block.length >= articleLikeParagraphLength, block.container.name != "h1" else { return false }
        return Double(block.linkTextLength) <= Double(block.length) * articleLikeLinkDensity
    }

    /// A `<header>` with this many article-like paragraphs is part of a
    /// story, not the page's masthead: some sites build a story from
    /// cards, each an `<article>` whose text sits in its `<header>`.
    static let proseHeaderParagraphs = 2

    /// The `<header>` elements holding `proseHeaderParagraphs` or more
    /// article-like paragraphs (headings aside: a long headline is not
    /// prose). A masthead holds links and a tagline, an
    /// article's header a headline, a standfirst and a byline.
    private static func headersHoldingProse(_ blocks: [TextBlock], below body: MarkupNode) -> Set<MarkupNode> {
        var paragraphCounts: [MarkupNode: Int] = [:]
        for block in blocks where isArticleLike(block) && !HTMLText.isHeading(block) {
            var element: MarkupNode? = block.container
            while let current = element, current != body {
                if current.name == "header" {
                    paragraphCounts[current, default: 0] += 1
                    break
                }
                element = current.parent
            }
        }
        return Set(paragraphCounts.filter { $0.value >= proseHeaderParagraphs }.keys)
    }

    /// Inside a `<nav>`, `<header>`, `<footer>` … that does not hold the story.
    private static func isInsideChrome(_ block: TextBlock, below body: MarkupNode, holders: Set<MarkupNode>) -> Bool {
        var element: MarkupNode? = block.container
        while let current = element, current != body {
            if BoilerplateFilter.isChromeElement(current) && !holders.contains(current) { return true }
            element = current.parent
        }
        return false
    }

    static func length(_ blocks: [TextBlock]) -> Int {
        blocks.reduce(0) { $0 + $1.length }
    }
}
