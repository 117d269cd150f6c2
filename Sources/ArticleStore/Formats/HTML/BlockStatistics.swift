/// How much text, and how much link text, each element holds, counted from
/// the text blocks inside it. Link density (link text / all text) tells
/// prose from navigation: a story links a phrase here and there, a list of
/// related stories is nothing but links.
struct BlockStatistics {
    struct Counts {
        var textLength = 0
        var linkTextLength = 0

        var linkDensity: Double { textLength == 0 ? 0 : Double(linkTextLength) / Double(textLength) }
    }

    /// Above this link density a block, or a list or section around it, is
    /// navigation rather than part of the story.
    static let maximumProseLinkDensity = 0.5

    private var countsByElement: [MarkupNode: Counts] = [:]

    /// Counts every element from each block's container up to `root`.
    init(_ blocks: [TextBlock], within root: MarkupNode) {
        for block in blocks {
            var element: MarkupNode? = block.container
            while let current = element {
                countsByElement[current, default: Counts()].textLength += block.length
                countsByElement[current, default: Counts()].linkTextLength += block.linkTextLength
                element = current == root ? nil : current.parent
            }
        }
    }

    func counts(_ element: MarkupNode) -> Counts {
        countsByElement[element] ?? Counts()
    }

    /// Whether a block belongs to the story held by the `selection`
    /// elements: it lies inside one of them, and neither its container nor
    /// any element between that and the selected one is mostly links.
    func isProse(_ block: TextBlock, inside selection: Set<MarkupNode>) -> Bool {
        var element: MarkupNode? = block.container
        while let current = element {
            if selection.contains(current) { return true }
            if counts(current).linkDensity > Self.maximumProseLinkDensity { return false }
            element = current.parent
        }
        return false
    }
}
