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
        guard let best = candidates.reduce(nil, { best, candidate in
            candidate.score > (best?.score ?? 0) ? candidate : best
        }) else { return [body] }
        let scores = Dictionary(uniqueKeysWithValues: candidates.map { ($0.element, $0.score) })
        return Set([best.element] + continuingSiblings(of: best, scores: scores))
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
        let siblings = articles.filter { sibling in
            sibling.parent == article.parent && proseLength(sibling) >= Self.minimumParagraphLength
                && statistics.counts(sibling).linkDensity <= Self.penalisedLinkDensity
        }
        return Set([article] + siblings)
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
