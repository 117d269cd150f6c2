/// Finds the elements of a page that hold its story, as readability does:
/// the element the page declares (`itemprop="articleBody"`, `<article>`)
/// when it holds a fair share of the page's prose, else the container that
/// scores best for the paragraphs in it, with those of its siblings that
/// continue the story.
struct MainContentLocator {
    let blocks: [TextBlock]
    let statistics: BlockStatistics
    let body: MarkupNode

    /// The elements whose text is the story; `[body]` when nothing stands out.
    func selection() -> Set<MarkupNode> {
        if let declared = declaredArticle() { return declared }
        let candidates = scoredCandidates()
        guard let highest = candidates.reduce(nil, { best, candidate in
            candidate.score > (best?.score ?? 0) ? candidate : best
        }) else { return [body] }
        let scores = Dictionary(uniqueKeysWithValues: candidates.map { ($0.element, $0.score) })
        let top = shownContainer(around: highest, scores: scores) ?? highest
        let best = commonAncestorOfCloseRivals(top, candidates: candidates, scores: scores) ?? top
        return Set([best.element] + continuingSiblings(of: best, scores: scores))
    }

    /// How many of the next-best candidates readability looks at, how close
    /// to the best they must score, and how many must share an ancestor.
    private static let rivalsConsidered = 4
    private static let closeRivalShare = 0.75
    private static let sharedAncestorRivals = 3

    /// Readability's promotion for pages that split one story into several
    /// containers (a newsletter's items, an outline's sections, a story cut
    /// by boxes): when at least three of the next four candidates score
    /// within three quarters of the best and share an ancestor with it, that
    /// ancestor holds the story. Nil when they do not.
    private func commonAncestorOfCloseRivals(_ best: Candidate, candidates: [Candidate],
                                             scores: [MarkupNode: Double]) -> Candidate? {
        let rivals = candidates.filter { $0.element != best.element }
            .sorted { $0.score > $1.score }
            .prefix(Self.rivalsConsidered)
            .filter { $0.score >= best.score * Self.closeRivalShare }
        guard rivals.count >= Self.sharedAncestorRivals else { return nil }
        let rivalAncestries: [Set<MarkupNode>] = rivals.map { rival in
            var ancestors: Set<MarkupNode> = []
            var element = rival.element.parent
            while let current = element {
                ancestors.insert(current)
                element = current == body ? nil : current.parent
            }
            return ancestors
        }
        var ancestor = best.element.parent
        while let current = ancestor, current != body {
            if rivalAncestries.count(where: { $0.contains(current) }) >= Self.sharedAncestorRivals {
                return Candidate(element: current, score: scores[current] ?? best.score)
            }
            ancestor = current.parent
        }
        return nil
    }

    // MARK: - Collapsed panels

    /// A best container inside a collapsed panel (an accordion's closed
    /// section, a closed `<details>`) gives way to the nearest shown
    /// container around it that scores at least a third as much
    /// (readability's floor for walking up from the best). A closed panel
    /// is a part of what the page shows, not the whole: an interview or
    /// footnotes attached below a story, one answer of a list of questions.
    /// Nil when the best is shown, or no such container holds it.
    private func shownContainer(around best: Candidate, scores: [MarkupNode: Double]) -> Candidate? {
        guard isInsideCollapsedPanel(best.element) else { return nil }
        var ancestor = best.element.parent
        while let current = ancestor, current != body {
            if let score = scores[current], score >= best.score * Self.ancestorScoreShare, !isInsideCollapsedPanel(current) {
                return Candidate(element: current, score: score)
            }
            ancestor = current.parent
        }
        return nil
    }

    private static let ancestorScoreShare = 1.0 / 3

    private func isInsideCollapsedPanel(_ element: MarkupNode) -> Bool {
        var current: MarkupNode? = element
        while let node = current, node != body {
            if node.isCollapsedPanel { return true }
            current = node.parent
        }
        return false
    }

    // MARK: - Declared

    /// An `<article>` must hold this share of the page's non-link text to be
    /// taken at its word; less, and it is a teaser card or a comment.
    private static let minimumDeclaredShare = 0.25

    /// Every element marked `itemprop="articleBody"` (pages split a long
    /// story into several, with ads between), else the largest `<article>`
    /// with the `<article>`s beside it: some sites build a story from
    /// content elements, each an `<article>`.
    private func declaredArticle() -> Set<MarkupNode>? {
        let elements = containingElements()
        let articleBodies = elements.filter { $0.isDeclaredArticleBody && proseLength($0) > 0 }
        if !articleBodies.isEmpty { return Set(articleBodies) }
        let pageProse = Double(proseLength(body))
        let articles = elements.filter { $0.name == "article" }
        guard let article = articles.max(by: { proseLength($0) < proseLength($1) }),
              Double(proseLength(article)) >= pageProse * Self.minimumDeclaredShare else { return nil }
        let articleClass = Self.firstClassName(article)
        let siblings = articles.filter { other in
            guard other != article, proseLength(other) >= Self.minimumParagraphLength,
                  statistics.counts(other).linkDensity <= Self.penalisedLinkDensity else { return false }
            if other.parent == article.parent { return true }
            return articleClass != nil && Self.firstClassName(other) == articleClass
                && articleLikeParagraphs(in: other) >= Self.cardParagraphs
        }
        return Set([article] + siblings)
    }

    /// An `<article>` elsewhere on the page, of the same kind as the largest
    /// (its first class name), continues the story when it holds this many
    /// paragraphs of prose: sites that build a story from cards wrap each
    /// card in a section of its own. A teaser card holds a headline and one
    /// summary.
    private static let cardParagraphs = 2
    private static let articleLikeParagraphLength = 80

    private static func firstClassName(_ element: MarkupNode) -> Substring? {
        element.attribute("class")?.split(whereSeparator: \.isWhitespace).first
    }

    /// Paragraphs (headings aside) of article length, mostly outside links, inside `element`.
    private func articleLikeParagraphs(in element: MarkupNode) -> Int {
        blocks.count { block in
            guard block.length >= Self.articleLikeParagraphLength, !HTMLText.isHeading(block),
                  Double(block.linkTextLength) <= Double(block.length) * Self.penalisedLinkDensity else { return false }
            var ancestor: MarkupNode? = block.container
            while let current = ancestor, current != body {
                if current == element { return true }
                ancestor = current.parent
            }
            return false
        }
    }

    private func proseLength(_ element: MarkupNode) -> Int {
        let counts = statistics.counts(element)
        return counts.textLength - counts.linkTextLength
    }

    /// Every element holding a block, in document order, each once.
    private func containingElements() -> [MarkupNode] {
        var seen: Set<MarkupNode> = []
        var elements: [MarkupNode] = []
        for block in blocks {
            var ancestry: [MarkupNode] = []
            var element: MarkupNode? = block.container
            while let current = element, seen.insert(current).inserted {
                ancestry.append(current)
                element = current == body ? nil : current.parent
            }
            elements += ancestry.reversed()
        }
        return elements
    }

    // MARK: - Scored

    private struct Candidate {
        var element: MarkupNode
        var score: Double
    }

    private static let candidateElements: Set<String> = ["div", "section", "main", "td", "article"]
    /// Blocks that count as paragraphs of prose when scoring; their parent is
    /// credited. Candidates with text of their own are credited themselves.
    private static let paragraphElements: Set<String> = ["p", "pre", "blockquote"]
    /// Shorter blocks are captions, labels and buttons, not paragraphs.
    private static let minimumParagraphLength = 25
    /// How far up a paragraph's score reaches, and the divisor at each level.
    private static let creditDivisors: [Double] = [1, 2, 6, 9, 12]
    /// Past this link density a container is more navigation than prose, and
    /// its score is halved on top of the (1 − density) that every candidate
    /// gets, so that a long list of headlines cannot outscore a short story.
    private static let penalisedLinkDensity = 0.3

    /// Candidate scores in document order: ties go to the first.
    private func scoredCandidates() -> [Candidate] {
        var order: [MarkupNode] = []
        var scores: [MarkupNode: Double] = [:]
        for block in blocks where block.length >= Self.minimumParagraphLength {
            let containerName = block.container.name
            let firstCredited: MarkupNode?
            if Self.paragraphElements.contains(containerName) {
                firstCredited = block.container.parent
            } else if Self.candidateElements.contains(containerName) {
                firstCredited = block.container
            } else {
                continue
            }
            let commas = block.text.unicodeScalars.count(where: { $0 == "," || $0 == "،" || $0 == "、" })
            let paragraphScore = 1 + Double(commas) + min(Double(block.length) / 100, 3)
            var element = firstCredited
            for divisor in Self.creditDivisors {
                guard let current = element, current != body else { break }
                if Self.candidateElements.contains(current.name) {
                    if scores[current] == nil {
                        order.append(current)
                        scores[current] = initialScore(current)
                    }
                    scores[current]! += paragraphScore / divisor
                }
                element = current.parent
            }
        }
        return order.map { element in
            let linkDensity = statistics.counts(element).linkDensity
            let penalty = linkDensity > Self.penalisedLinkDensity ? 0.5 : 1
            return Candidate(element: element, score: scores[element]! * (1 - linkDensity) * penalty)
        }
    }

    /// Readability's head start: a div is the usual wrapper of paragraphs,
    /// and class names like "article-body" or "sidebar" say much.
    private func initialScore(_ element: MarkupNode) -> Double {
        let tagWeight: Double = switch element.name {
        case "div": 5
        case "td": 3
        default: 0
        }
        let words = element.classAndIDWords
        let isNegative = words.contains { BoilerplateFilter.isChromeWord($0) || Self.negativeWords.contains($0) }
        var nameWeight = 0.0
        if words.contains(where: Self.contentWords.contains) { nameWeight += 25 }
        if isNegative { nameWeight -= 25 }
        return tagWeight + nameWeight
    }

    private static let contentWords: Set<String> = ["article", "body", "content", "entry", "main", "post", "story", "text"]
    private static let negativeWords: Set<String> = ["widget", "sponsor", "sponsored", "meta", "masthead"]

    // MARK: - Siblings

    /// Siblings of the best container that carry on its story: scored
    /// containers close to its score, and plain paragraphs of prose that the
    /// page put beside it.
    private func continuingSiblings(of best: Candidate, scores: [MarkupNode: Double]) -> [MarkupNode] {
        guard let parent = best.element.parent else { return [] }
        let threshold = max(10, best.score * 0.2)
        return parent.childElements.filter { sibling in
            guard sibling != best.element else { return false }
            if let score = scores[sibling] { return score >= threshold }
            guard sibling.name == "p" else { return false }
            let counts = statistics.counts(sibling)
            if counts.textLength > 80 { return counts.linkDensity < 0.25 }
            let text = HTMLText.collapsingWhitespace(sibling.textContent)
            return counts.textLength > 0 && counts.linkTextLength == 0 && (text.hasSuffix(".") || text.contains(". "))
        }
    }
}
