/// How much text, and how much link text, each element holds, counted from
/// the text blocks inside it. Link density (link text / all text) tells
/// prose from navigation: a story links a phrase here and there, a list of
/// related stories is nothing but links.
struct BlockStatistics {
    struct Counts {
        var textLength = 0
        var linkTextLength = 0

        var proseLength: Int { textLength - linkTextLength }
        var linkDensity: Double { textLength == 0 ? 0 : Double(linkTextLength) / Double(textLength) }

        mutating func add(_ block: TextBlock) {
            textLength += block.length
            linkTextLength += block.linkTextLength
        }
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
                // One lookup per element: each block climbs every ancestor.
                countsByElement[current, default: Counts()].add(block)
                element = current == root ? nil : current.parent
            }
        }
    }

    func counts(_ element: MarkupNode) -> Counts {
        countsByElement[element] ?? Counts()
    }

    /// Elements holding at least this share of the page's prose hold the story, whatever their name.
    static let storyHolderShare = 0.5

    /// The elements holding at least `storyHolderShare` of the prose
    /// (text outside links) below `root`: the chain of wrappers around the
    /// story. A sidebar or a banner never holds half of a page's prose.
    func storyHolders(of root: MarkupNode) -> Set<MarkupNode> {
        let total = counts(root).proseLength
        guard total > 0 else { return [] }
        let minimum = Double(total) * Self.storyHolderShare
        return Set(countsByElement.lazy.filter { Double($0.value.proseLength) >= minimum }.map(\.key))
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
